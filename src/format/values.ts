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

/**
 * An absolute IRI an LRS accepts as an activity id: http(s) or urn, no spaces, query or fragment.
 * Scheme letters in either case, spelt out because a JSON Schema pattern takes no `i` flag.
 */
export const ACTIVITY_IRI: PatternFormat = {
  kind: 'pattern',
  pattern: /^([hH][tT][tT][pP][sS]?:\/\/[^\s?#/]+(\/[^\s?#]*)?|[uU][rR][nN]:[a-zA-Z0-9][a-zA-Z0-9-]{0,31}:[^\s?#]+)$/,
  expected: 'an absolute IRI such as "https://learning.example.com/courses/my-course"',
};

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
