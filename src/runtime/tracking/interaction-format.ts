// How each standard writes an interaction's responses: same record, different delimiters and limits.
import type { InteractionRecord, InteractionType } from './tracker';

/** SCORM 1.2 knows fewer interaction types than 2004. */
export function scorm12Type(type: InteractionType): string {
  if (type === 'long-fill-in') return 'fill-in';
  if (type === 'other') return 'performance';
  return type;
}

/** SCORM 1.2 result vocabulary says "wrong" where 2004 says "incorrect". */
export function scorm12Result(result: InteractionRecord['result']): string {
  return result === 'incorrect' ? 'wrong' : result;
}

// 1.2 CMIFeedback keeps 255 characters; commas and dots are its delimiters in free text too.
const SCORM12_RESPONSE_LIMIT = 255;

/**
 * A response or pattern in 1.2 form; undefined when a choice has no single-character name.
 * SCORM 1.2 RTE 3.4.4 (cmi.interactions.n.student_response): choice responses are single
 * characters 0-9, a-z, so a choice is named by its position in the course's order, a–z then 0–9.
 * (Matching and sequencing ids are single characters already; likert is "1"…"9".)
 */
export function scorm12Response(record: Pick<InteractionRecord, 'type' | 'components'>, parts: string[]): string | undefined {
  if (record.type !== 'choice') return scorm12Text(record.type, parts).slice(0, SCORM12_RESPONSE_LIMIT);
  const order = (record.components?.choices ?? []).map((choice) => choice.id);
  const names = parts.map((id) => SINGLE_CHARACTERS[order.indexOf(id)]);
  return names.every((name) => name !== undefined) ? names.join(',') : undefined;
}

const SINGLE_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function scorm12Text(type: InteractionType, parts: string[]): string {
  switch (type) {
    case 'true-false':
      return parts.map((p) => (p === 'true' ? 't' : 'f')).join(',');
    case 'fill-in':
    case 'long-fill-in':
      return parts.join(' ');
    case 'numeric':
      // A range [min, max] has no 1.2 form: its middle is the answer itself.
      return parts.length === 2 ? String((Number(parts[0]) + Number(parts[1])) / 2) : (parts[0] ?? '');
    default:
      return parts.join(',');
  }
}

// 2004's reserved delimiters cannot appear inside a value; learners can type anything.
const RESERVED = /\[[,.:;]\]/g;
// characterstring limits (SPM) of 2004: learner_response 4000 for fill-in, pattern likewise.
const SCORM2004_TEXT_LIMIT = 4000;

export function scorm2004Response(type: InteractionType, parts: string[]): string {
  const clean = parts.map((p) => p.replace(RESERVED, ' '));
  if (type === 'matching') return clean.map((pair) => pair.split('.').join('[.]')).join('[,]');
  // A numeric pattern is a range, min[:]max; a numeric response is one number.
  if (type === 'numeric') return clean.join('[:]');
  return clean.join('[,]').slice(0, SCORM2004_TEXT_LIMIT);
}

// Types whose responses are made of identifiers (SCORM 2004 RTE 4.2.9.1, short_identifier_type).
const IDENTIFIER_TYPES: InteractionType[] = ['choice', 'sequencing', 'matching', 'likert'];

/**
 * A response or pattern as SCORM 2004 LMSs accept it. Moodle checks identifiers against
 * `^[\w.]{1,250}$` (scorm_13.js CMIShortIdentifier), stricter than the standard, and refuses a
 * hyphen with error 406; course ids never hold "_", so "-" → "_" keeps them apart and readable.
 * (xAPI keeps the course's own ids: see scorm2004Response.)
 */
export function scorm2004LmsResponse(type: InteractionType, parts: string[]): string {
  if (!IDENTIFIER_TYPES.includes(type)) return scorm2004Response(type, parts);
  const short = (id: string): string => id.replace(/[^\w.]/g, '_').slice(0, 250);
  // A matching pair is "source.target": each side is an identifier of its own.
  return scorm2004Response(type, parts.map((part) => (type === 'matching' ? part.split('.').map(short).join('.') : short(part))));
}

/** How many correct_responses patterns each 2004 type may carry (SCORM 2004 RTE 4.2.9.1). */
const PATTERN_LIMITS: Partial<Record<InteractionType, number>> = {
  'true-false': 1,
  choice: 10,
  'fill-in': 10,
  'long-fill-in': 5,
  likert: 1,
  matching: 5,
  performance: 5,
  sequencing: 5,
  numeric: 1,
  other: 1,
};

export function patternLimit(type: InteractionType): number {
  return PATTERN_LIMITS[type] ?? 1;
}

// 2004 description is localized_string_type (250).
export function scorm2004Description(text: string): string {
  return text.length > 250 ? `${text.slice(0, 249)}…` : text;
}
