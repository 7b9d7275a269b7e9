// Which language a multi-language package opens in, from the LMS's and the browser's preferences.
import { matchLanguage } from '../../../src/runtime/languages';

const available = ['en', 'de', 'pt-BR', 'zh-Hans'];

test.each([
  [['de'], 'de'],
  [['DE'], 'de'],
  [['de-AT'], 'de'],
  // cmi5 languagePreference is a comma-separated list in order of preference.
  [['fr-FR, de-DE'], 'de'],
  [['', 'pt-BR'], 'pt-BR'],
  [['pt-PT'], 'pt-BR'],
  [['zh-Hans-CN', 'en'], 'zh-Hans'],
  // The LMS's preference comes before the browser's.
  [['de', 'en-US'], 'de'],
])('%j → %s', (preferred, expected) => {
  expect(matchLanguage(preferred, available)).toBe(expected);
});

test('nothing the package has: undefined (the page stays in the source language)', () => {
  expect(matchLanguage(['', 'fr', 'ja-JP'], available)).toBeUndefined();
  expect(matchLanguage([], available)).toBeUndefined();
});
