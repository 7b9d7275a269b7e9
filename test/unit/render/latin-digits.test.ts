// The languages render asks ICU about (src/render/latin-digits.ts): every other one must write Latin
// digits in each script and region ICU can name, or a learner would see digits not their own.
import { icuWritesLatinDigits, writesLatinDigits } from '../../../src/render/latin-digits';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const pairs = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b));

/** Every language code of two or three letters that Node's ICU has data for ("sh" is taken as sr-Latn: its language, sr). */
const languages = [...new Set(Intl.NumberFormat.supportedLocalesOf([...pairs, ...pairs.flatMap((pair) => [...LETTERS].map((c) => pair + c))]).map((tag) => new Intl.Locale(tag).language))];

// ISO 15924 codes of the scripts CLDR has locales in, and every two-letter region code.
const SCRIPTS = ['Adlm', 'Arab', 'Aran', 'Armn', 'Beng', 'Bopo', 'Cakm', 'Cans', 'Cher', 'Cyrl', 'Deva', 'Ethi', 'Geor', 'Grek', 'Gujr', 'Guru', 'Hanb', 'Hans', 'Hant', 'Hebr', 'Java', 'Jpan', 'Khmr', 'Knda', 'Kore', 'Laoo', 'Latn', 'Mlym', 'Mong', 'Mtei', 'Mymr', 'Nkoo', 'Olck', 'Orya', 'Rohg', 'Shaw', 'Sinh', 'Sund', 'Syrc', 'Taml', 'Telu', 'Tfng', 'Thaa', 'Thai', 'Tibt', 'Vaii', 'Yiii'];
const REGIONS = [...pairs.map((pair) => pair.toUpperCase()), '001', '150', '419'];

function disagreements(tags: string[]): string[] {
  return tags.filter((tag) => writesLatinDigits(tag) !== icuWritesLatinDigits(tag)).map((tag) => `${tag}: ICU says ${icuWritesLatinDigits(tag) ? 'Latin' : 'other'} digits`);
}

test('ICU knows the languages this test walks', () => {
  expect(languages.length).toBeGreaterThan(200);
  expect(languages).toEqual(expect.arrayContaining(['en', 'de', 'ar', 'fa', 'bn', 'mr', 'zh', 'ja']));
});

test('each language alone and in each script: the same answer as ICU', () => {
  expect(disagreements(languages.flatMap((language) => [language, ...SCRIPTS.map((script) => `${language}-${script}`)]))).toEqual([]);
});

test('each language in each region: the same answer as ICU', () => {
  expect(disagreements(languages.flatMap((language) => REGIONS.map((region) => `${language}-${region}`)))).toEqual([]);
});

test('digits named by a Unicode extension are asked of ICU, whatever the language', () => {
  expect(writesLatinDigits('en-u-nu-arab')).toBe(false);
  expect(writesLatinDigits('de-DE-u-nu-latn')).toBe(true);
  expect(writesLatinDigits('ar-EG-u-nu-latn')).toBe(true);
  expect(writesLatinDigits('ar-EG')).toBe(false);
  expect(writesLatinDigits('ar-MA')).toBe(true);
});
