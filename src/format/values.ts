// Value formats used in more than one place, and the words and patterns the validator shares.
import type { NavigationMode, Outcome, ReportMode, Requirement } from '../model';
import type { BooleanFormat, EnumFormat, IdFormat, ListFormat, NumberFormat, PatternFormat, TextFormat, ValueFormat } from './types';

/** Lower-case letters, digits and hyphens, at most 64 characters: safe in every manifest and IRI. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const REQUIREMENTS: readonly Requirement[] = ['all-pages', 'passing-score', 'attestation'];
export const REPORT_MODES: readonly ReportMode[] = ['passed-incomplete', 'passed-failed', 'completed-incomplete', 'completed-failed'];
export const NAVIGATION_MODES: readonly NavigationMode[] = ['linear', 'free'];
export const OUTCOMES: readonly Outcome[] = ['pass', 'fail', 'neutral'];
export const ANSWER_REVIEWS = ['none', 'answers', 'correct-answers'] as const;

/** BCP 47 in the form LMSs accept: a 2–3 letter language and optional subtags (en, en-GB). */
export const LANGUAGE: PatternFormat = { kind: 'pattern', pattern: /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, expected: 'a language tag such as "en" or "en-GB"' };

/** ISO 8601 duration with at least one number (PT20M, P1DT2H). */
export const DURATION: PatternFormat = {
  kind: 'pattern',
  pattern: /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
  expected: 'an ISO 8601 duration such as "PT20M"',
};

/** The seconds an ISO 8601 duration stands for (a year 365 days, a month 30: seat times are short). */
export function durationSeconds(duration: string): number {
  const match = DURATION.pattern.exec(duration);
  if (!match) return 0;
  const [, y, mo, w, d, , h, mi, sec] = match.map((part) => Number.parseFloat(part ?? '0') || 0);
  return Math.round(((((y ?? 0) * 365 + (mo ?? 0) * 30 + (w ?? 0) * 7 + (d ?? 0)) * 24 + (h ?? 0)) * 60 + (mi ?? 0)) * 60 + (sec ?? 0));
}

/**
 * An absolute IRI an LRS accepts as an activity id: http(s) or urn, no spaces, query or fragment.
 * Scheme letters in either case, spelt out because a JSON Schema pattern takes no `i` flag.
 */
export const ACTIVITY_IRI: PatternFormat = {
  kind: 'pattern',
  pattern: /^([hH][tT][tT][pP][sS]?:\/\/[^\s?#/]+(\/[^\s?#]*)?|[uU][rR][nN]:[a-zA-Z0-9][a-zA-Z0-9-]{0,31}:[^\s?#]+)$/,
  expected: 'an absolute IRI such as "https://learning.example.com/courses/my-course"',
};

/** A policy version as it goes into SCORM interaction ids: letters, digits, ".", "_", "-" (e.g. 2.1, 2026-03). */
export const POLICY_VERSION: PatternFormat = { kind: 'pattern', pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, expected: 'a version such as "2.1" or "2026-03" (letters, digits, ".", "_" or "-", at most 32)' };

/** A calendar date, ISO 8601 (YYYY-MM-DD). */
export const DATE: PatternFormat = { kind: 'pattern', pattern: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, expected: 'a date such as "2026-03-01"' };

export const EMAIL: PatternFormat = { kind: 'pattern', pattern: /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/, expected: 'an e-mail address such as "trainer@example.com"' };

/** A web address learners can open: http(s), no spaces. */
export const WEB_URL: PatternFormat = { kind: 'pattern', pattern: /^[hH][tT][tT][pP][sS]?:\/\/[^\s<>"]+$/, expected: 'a web address such as "https://example.com/help"' };

export const COLOR: PatternFormat = { kind: 'pattern', pattern: /^#[0-9a-fA-F]{6}$/, expected: 'a colour like "#0b5394"' };

const FAMILY = String.raw`(?:"[^"\\<>{};\n]+"|'[^'\\<>{};\n]+'|-?[A-Za-z_][\w-]*(?: +-?[A-Za-z_][\w-]*)*)`;
/** Family names separated by commas, quoted when they hold spaces or digits; nothing CSS could escape from. */
export const FONT_STACK: PatternFormat = { kind: 'pattern', pattern: new RegExp(String.raw`^\s*${FAMILY}(?:\s*,\s*${FAMILY})*\s*$`), expected: 'a CSS font stack' };

export const text: TextFormat = { kind: 'text' };
/** Text that may be empty (items of a list of words). */
export const anyText: TextFormat = { kind: 'text', allowEmpty: true };
export const markdown: TextFormat = { kind: 'text', markdown: true };
/** A path relative to the course folder (an image, a logo): text, but never translated. */
export const filePath: TextFormat = { kind: 'text', verbatim: true };
/** Text that names something rather than saying it (a version, a scene id): never translated. */
export const verbatim: TextFormat = { kind: 'text', verbatim: true };
export const id: IdFormat = { kind: 'id' };
export const boolean: BooleanFormat = { kind: 'boolean' };

export function oneOf<T extends string>(values: readonly T[]): EnumFormat<T> {
  return { kind: 'enum', values };
}

export function number(min: number, max: number, integer = false): NumberFormat {
  return integer ? { kind: 'number', min, max, integer } : { kind: 'number', min, max };
}

export function list(items: ValueFormat, size: { min?: number; max?: number } = {}): ListFormat {
  return { kind: 'list', items, ...size };
}
