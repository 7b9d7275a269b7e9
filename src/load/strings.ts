// The built-in UI strings of a language (templates/strings/<tag>.json), English for any key its
// file lacks. Read by the validator (the default titles of pages) and by render.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toolRoot } from '../tool-root';

export type Strings = Record<string, string>;

/** UI strings for the course language, English for any key its file lacks. */
const stringsByLanguage = new Map<string, Strings>();

export function loadStrings(language: string): Strings {
  let strings = stringsByLanguage.get(language);
  if (!strings) stringsByLanguage.set(language, (strings = readStrings(language)));
  return strings;
}

function readStrings(language: string): Strings {
  const dir = join(toolRoot(), 'templates', 'strings');
  const english = JSON.parse(readFileSync(join(dir, 'en.json'), 'utf8')) as Strings;
  const file = stringsFileFor(language, readdirSync(dir));
  return file ? { ...english, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Strings) } : english;
}

/**
 * The file of the tag (any case: pt-br, zh-hans), else the one of its language (de-AT → de,
 * pt-PT → pt-BR, zh-CN → zh-Hans): closer to the learner's language than English.
 */
export function stringsFileFor(language: string, files: readonly string[]): string | undefined {
  const tags = files.filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length));
  const wanted = language.toLowerCase();
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  const found = tags.find((tag) => tag.toLowerCase() === wanted) ?? tags.find((tag) => primary(tag) === primary(wanted));
  return found && `${found}.json`;
}

