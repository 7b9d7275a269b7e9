// The one description of the course format. The validator reads its key lists, enums, patterns
// and ranges from here; `coursepack schema` (src/schema) turns it into JSON Schema for editors.
import { BLOCKS } from './blocks';
import { COURSE } from './course';
import { PAGES } from './pages';
import { QUESTIONS } from './questions';
import type { FamilyFormat, FamilyName, KeyLists, MappingFormat, ValueFormat } from './types';

export * from './types';
export * from './values';
export { CERTIFICATE, COMPLETION, CONTACT, COURSE, COVER, SIGNATORY, THEME } from './course';
export { ENGLISH_STRINGS, placeholdersOf, pluralFormsOf, UI_STRINGS, type UiStrings } from './strings';
export { CHARACTER, MEDIA, PAGES, POLICY, SCENARIO_CHOICE, SCENE, TEST_OUT } from './pages';
export { BLOCKS, CALLOUT_STYLES, CARD, FILE, HOTSPOT, IMAGE_POSITIONS, PANEL } from './blocks';
export { CHOICE, FEEDBACK, MAX_ORDER_ITEMS, MAX_PAIRS, MAX_SCALE, PAIR, QUESTIONS } from './questions';

/** `- include: path.yaml`: an item of `pages` or `questions` that stands for the content of a file. */
export const INCLUDE: MappingFormat = {
  name: 'include',
  description: 'Takes this item from another file.',
  keys: {
    include: {
      // The loader takes only text here (a number is no path).
      value: { kind: 'pattern', pattern: /\S/, expected: 'a file path' },
      required: true,
      description: 'The path of the file, relative to this file; it must stay inside the course folder. In pages: a file holding one page. In questions: a file holding a list of questions (a pool).',
    },
  },
};

export const FAMILIES: Readonly<Record<FamilyName, FamilyFormat>> = { page: PAGES, question: QUESTIONS, block: BLOCKS };

/** The variant names of a family, in the order messages list them. */
export function typesOf<T extends string>(family: FamilyFormat<T>): readonly T[] {
  return Object.keys(family.variants) as T[];
}

const anyTypeKeys = new WeakMap<object, readonly string[]>();

/** Every key some variant of a family takes (a page's keys of any type); worked out once per family. */
export function keysOfAnyType<T extends string>(family: FamilyFormat<T>): readonly string[] {
  let keys = anyTypeKeys.get(family);
  if (!keys) anyTypeKeys.set(family, (keys = [...new Set(Object.values<MappingFormat>(family.variants).flatMap((variant) => Object.keys(variant.keys)))]));
  return keys;
}

const keyLists = new WeakMap<MappingFormat, KeyLists>();

/**
 * The keys the validator accepts in a mapping: required ones are reported when missing; keys
 * whose absence has its own diagnostic, and keys refused with their own, count as optional.
 */
export function keysOf(mapping: MappingFormat): KeyLists {
  let lists = keyLists.get(mapping);
  if (!lists) {
    const entries = Object.entries(mapping.keys);
    const required = entries.filter(([, key]) => key.required && !key.missingReportedAs && !key.refusedAs).map(([name]) => name);
    const optional = entries.filter(([name]) => !required.includes(name)).map(([name]) => name);
    lists = { required, optional };
    keyLists.set(mapping, lists);
  }
  return lists;
}

/** The format of a key's value, for the validator to read it with the same range or pattern. */
export function valueOf<K extends ValueFormat['kind']>(mapping: MappingFormat, key: string, kind: K): Extract<ValueFormat, { kind: K }> {
  const value = mapping.keys[key]?.value;
  // A typo in a key name here is a bug of coursepack's, found by any test that reads that key.
  if (value?.kind !== kind) throw new Error(`coursepack: the format has no ${kind} key "${key}" in ${mapping.name}`);
  return value as Extract<ValueFormat, { kind: K }>;
}

/** Shorthand for the range of a number key. */
export function rangeOf(mapping: MappingFormat, key: string): { min: number; max: number; integer?: boolean } {
  return valueOf(mapping, key, 'number');
}
