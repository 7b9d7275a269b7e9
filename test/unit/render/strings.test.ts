// The built-in UI strings: every language has every key of en.json and no other, the same
// placeholders, and where a number is shown, a form for each plural category of that language
// (CLDR, as Intl.PluralRules gives them): Polish needs one, few, many and other.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { placeholdersOf, pluralFormsOf } from '../../../src/format';
import { stringsFileFor } from '../../../src/load/strings';
import { textDirection } from '../../../src/render/templates';
import { repoRoot } from '../../cli/run-cli';

const dir = join(repoRoot, 'templates/strings');
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'pl', 'sv', 'ja', 'zh-Hans', 'ar'];
const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
const english = read('en.json') as Record<string, string>;

test('the languages the issue asks for have their files', () => {
  expect(LANGUAGES.filter((language) => !files.includes(`${language}.json`))).toEqual([]);
});

describe.each(files)('%s', (file) => {
  const language = file.slice(0, -'.json'.length);
  const strings = read(file);

  test('has every key of en.json and no other, each a non-empty text', () => {
    expect(Object.keys(english).filter((key) => !(key in strings))).toEqual([]);
    expect(Object.keys(strings).filter((key) => !(key in english))).toEqual([]);
    expect(Object.entries(strings).filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  test('uses the placeholders of the English text, no more, no fewer', () => {
    const differ = Object.keys(english)
      .filter((key) => typeof strings[key] === 'string')
      .map((key) => [key, placeholdersOf(english[key]!).join(' '), placeholdersOf(strings[key] as string).join(' ')])
      .filter(([, en, translated]) => en !== translated);
    expect(differ).toEqual([]);
  });

  test("writes a plural with exactly the language's plural categories where English has one", () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();
    const wrong: string[] = [];
    for (const [key, text] of Object.entries(english)) {
      const translated = pluralFormsOf(String(strings[key] ?? ''));
      for (const name of pluralFormsOf(text).keys()) {
        const forms = (translated.get(name) ?? []).slice().sort();
        if (forms.join(' ') !== categories.join(' ')) wrong.push(`${key} {${name}}: ${forms.join(' ') || 'no plural'}, wants ${categories.join(' ')}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

test('a language takes the file of its tag, else one of its language, else none (English)', () => {
  expect(stringsFileFor('de', files)).toBe('de.json');
  expect(stringsFileFor('de-AT', files)).toBe('de.json');
  expect(stringsFileFor('pt-br', files)).toBe('pt-BR.json');
  expect(stringsFileFor('pt-PT', files)).toBe('pt-BR.json');
  expect(stringsFileFor('zh-CN', files)).toBe('zh-Hans.json');
  expect(stringsFileFor('fi', files)).toBeUndefined();
});

test('right-to-left languages and scripts', () => {
  expect(['ar', 'he', 'ar-EG', 'fa', 'ur', 'az-Arab', 'he-IL'].map(textDirection)).toEqual(Array(7).fill('rtl'));
  expect(['en', 'de', 'ja', 'zh-Hans', 'pa-Guru', 'ku-Latn', 'az'].map(textDirection)).toEqual(Array(7).fill('ltr'));
});
