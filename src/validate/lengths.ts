import { isScalar, isSeq } from 'yaml';
import { messages } from '../diagnostics';
import { FIELD_LIMITS, type FieldLimit, type LimitedStandard, STANDARD_NAMES } from '../standards/limits';
import type { Fields } from './reader';

/**
 * Warns about course texts longer than a manifest field keeps (standards/limits): the LMS cuts
 * them, or refuses the manifest. Once per text, at the strictest limit it passes.
 */
export function checkLengths(fields: Fields): void {
  for (const key of new Set(FIELD_LIMITS.map((limit) => limit.key))) {
    const node = fields.raw(key);
    const texts = isSeq(node) ? node.items : [node];
    for (const text of texts) {
      if (!isScalar(text) || typeof text.value !== 'string') continue;
      const length = [...text.value].length;
      const passed = FIELD_LIMITS.find((limit) => limit.key === key && Object.values(limit.max).some((max) => length > max));
      if (passed) fields.reader.report.add(messages.textTooLong(fields.reader.span(text), label(key), length, strictest(passed, length), passed.field, passed.advice));
    }
  }
}

/** The smallest of the limit's maximums, with the standards that keep only that much. */
function strictest(limit: FieldLimit, length: number): { max: number; standards: string } {
  const entries = Object.entries(limit.max) as Array<[LimitedStandard, number]>;
  const max = Math.min(...entries.map(([, value]) => value));
  const standards = entries.filter(([, value]) => value === max && length > value).map(([standard]) => STANDARD_NAMES[standard]);
  return { max, standards: standards.join(' and ') };
}

function label(key: FieldLimit['key']): string {
  return key === 'keywords' ? 'a keyword' : `the ${key}`;
}
