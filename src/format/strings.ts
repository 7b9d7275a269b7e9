// `strings:` in course.yaml: a course's own wording of any UI string. The keys are those of the
// built-in English strings (templates/strings/en.json), so a key the UI does not have is refused
// with a "did you mean" like any other unknown key.
import english from '../../templates/strings/en.json';
import type { KeyFormat, MappingFormat } from './types';
import { text } from './values';

/** The UI strings of one language: flat keys ("next", "likert.1") to text. */
export type UiStrings = Readonly<Record<string, string>>;

export const ENGLISH_STRINGS: UiStrings = english;

export const UI_STRINGS: MappingFormat = {
  name: 'strings',
  description:
    'Your own wording of the buttons and messages coursepack writes (built in for many languages), by key. Keep the {placeholders} of a text; a number shown with words that agree with it is written "{n, plural, one {# attempt} other {# attempts}}".',
  keys: Object.fromEntries(Object.entries(ENGLISH_STRINGS).map(([key, english]): [string, KeyFormat] => [key, { value: text, description: `In English: "${english}".` }])),
};

/**
 * The placeholders a text fills in, sorted: {name} and {name, plural, …} with those inside the
 * plural's forms. A translation or a course's own text must have exactly those of the English.
 */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  for (const [, name = ''] of template.matchAll(/\{(\w+)(?:\}|, *plural,)/g)) names.add(name);
  return [...names].sort();
}

/** The plural forms a text writes out, by the name of the number that selects them. */
export function pluralFormsOf(template: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [, name = '', forms = ''] of template.matchAll(/\{(\w+), *plural,((?: *\w+ *\{(?:[^{}]|\{\w+\})*\})+) *\}/g)) {
    found.set(name, [...forms.matchAll(/(\w+) *\{/g)].map((form) => form[1] ?? ''));
  }
  return found;
}
