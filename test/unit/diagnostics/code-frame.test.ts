// A code frame shows the spot, not the whole line: a minified or runaway line (thousands of
// characters) would fill the terminal with one error.
import { formatDiagnostic } from '../../../src/diagnostics';
import type { Diagnostic } from '../../../src/diagnostics';

const error = (line: number, column: number): Diagnostic => ({ code: 'x', severity: 'error', message: 'Wrong.', span: { file: 'course.yaml', start: { line, column, offset: 0 }, end: { line, column: column + 1, offset: 0 } } });
const frame = (text: string, line: number, column: number) => formatDiagnostic(error(line, column), { sources: new Map([['course.yaml', text]]), color: false }).split('\n').slice(1);

test('a short line is shown whole', () => {
  expect(frame('a: 1\nb: [2\nc: 3\n', 2, 4)).toEqual(['    1 | a: 1', '  > 2 | b: [2', '      |    ^', '    3 | c: 3']);
});

test('a long line is shown as a window around the column, with the caret under the spot', () => {
  const long = `extra: ${'['.repeat(5000)}x${']'.repeat(5000)}`;
  const lines = frame(`before: 1\n${long}\nafter: 2\n`, 2, 5008);
  for (const shown of lines) expect(shown.length).toBeLessThanOrEqual(120);
  const [, code, caret] = lines as [string, string, string];
  expect(code.startsWith('  > 2 | …')).toBe(true);
  expect(code.endsWith('…')).toBe(true);
  expect(code.charAt(caret.indexOf('^'))).toBe('x');
});

test('a long line with the spot near its start is cut at its end only', () => {
  const lines = frame(`key: ${'y'.repeat(3000)}`, 1, 1);
  expect(lines[0]).toMatch(/^ {2}> 1 \| key: y+…$/);
  expect(lines[1]).toBe('      | ^');
});
