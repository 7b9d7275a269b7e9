import { messages } from '../diagnostics';
import { ENGLISH_STRINGS, keysOf, placeholdersOf, pluralFormsOf, UI_STRINGS } from '../format';
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
    const plural = pluralProblem(text);
    if (unknown.length > 0) sub.reader.report.add(messages.unknownPlaceholder(sub.spanOf(key), key, unknown, known));
    else if (plural) sub.reader.report.add(messages.invalidPlural(sub.spanOf(key), key, plural));
    else strings[key] = text;
  }
  return strings;
}

/** CLDR plural categories (what Intl.PluralRules#select returns). */
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** What is wrong with the text's plurals, if anything: the player would show it as written. */
function pluralProblem(text: string): string | undefined {
  const written = text.match(/\{\w+, *plural,/g)?.length ?? 0;
  const plurals = pluralFormsOf(text);
  if (plurals.size < written) return 'its "{…, plural, …}" is not complete: each form is a category and its text in { }, the whole closed by }';
  for (const forms of plurals.values()) {
    const unknown = forms.find((form) => !CATEGORIES.includes(form));
    if (unknown) return `"${unknown}" is not a plural category (${CATEGORIES.join(', ')})`;
    if (!forms.includes('other')) return 'it has no "other" form, which every language uses';
  }
  return undefined;
}
