import { messages } from '../diagnostics';
import { ENGLISH_STRINGS, keysOf, placeholdersOf, UI_STRINGS } from '../format';
import { loadStrings } from '../load/strings';
import type { Fields } from './reader';

/** The course's UI strings: those of its language (English for a tag not valid), its own over them. */
export function courseStrings(fields: Fields, language: string | undefined): Record<string, string> {
  return { ...loadStrings(language ?? 'en'), ...readStrings(fields) };
}

/**
 * `strings:` of course.yaml: the course's own UI texts by key. Unknown keys are refused by the
 * reader (did-you-mean, from the keys of en.json); a placeholder the UI never fills would show
 * as nothing, so a text may only use those of the built-in text.
 */
function readStrings(fields: Fields): Record<string, string> {
  if (!fields.has('strings')) return {};
  const sub = fields.reader.object(fields.raw('strings'), 'strings', keysOf(UI_STRINGS));
  if (!sub) return {};
  const strings: Record<string, string> = {};
  for (const key of Object.keys(ENGLISH_STRINGS)) {
    const text = sub.string(key);
    if (text === undefined) continue;
    const known = placeholdersOf(ENGLISH_STRINGS[key] ?? '');
    const unknown = placeholdersOf(text).filter((name) => !known.includes(name));
    if (unknown.length > 0) sub.reader.report.add(messages.unknownPlaceholder(sub.spanOf(key), key, unknown, known));
    else strings[key] = text;
  }
  return strings;
}
