// The progress line fits the terminal whatever script the course folders are named in.
import { fitColumns } from '../../../src/catalogue/columns';

test('one column a character for Latin, Cyrillic, Greek, Arabic text', () => {
  expect(fitColumns('catalogue/onboarding', 9)).toBe('catalogue');
  expect(fitColumns('каталог/курс', 7)).toBe('каталог');
  expect(fitColumns('دورة/تدريب', 4)).toBe('دورة');
});

test('two columns for CJK, kana, Hangul, fullwidth forms and emoji: never past the width', () => {
  expect(fitColumns('研修/コンプライアンス', 10)).toBe('研修/コン');
  expect(fitColumns('교육과정', 5)).toBe('교육');
  expect(fitColumns('ＡＢＣ', 5)).toBe('ＡＢ');
  expect(fitColumns('📘📗📙', 5)).toBe('📘📗');
});

test('no column for combining marks: an accent stays with its letter', () => {
  expect(fitColumns('cafe\u0301s', 4)).toBe('cafe\u0301');
});

test("the reporter's progress line fits the terminal with a course named in Japanese", () => {
  const { RunReporter } = require('../../../src/catalogue/reporter') as typeof import('../../../src/catalogue/reporter');
  const written: string[] = [];
  const err = { write: (text: string) => void written.push(text) };
  Object.defineProperty(process.stderr, 'columns', { value: 30, configurable: true });
  try {
    new RunReporter(500, { command: 'build', json: false, live: true }, { write: () => undefined }, err).start('カタログ/コンプライアンス研修/ソーシャルメディア');
  } finally {
    delete (process.stderr as { columns?: number }).columns;
  }
  const line = written.at(-1)!.replace('\r\u001b[2K', '');
  expect(line.startsWith('[0/500] 0 s · カタログ')).toBe(true);
  // One column short of the width: a line that fills the last column wraps on some terminals.
  expect([...line].reduce((sum, char) => sum + (/[\u3000-\u9fff]/.test(char) ? 2 : 1), 0)).toBeLessThanOrEqual(29);
});
