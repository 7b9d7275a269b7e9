import { LineCounter, parseDocument, type YAMLMap } from 'yaml';
import type { SourceFile } from '../../../src/diagnostics';
import { typeHint } from '../../../src/validate/type-hints';

/** The hint for the value of the only key of `text`, expected to be `expected`. */
function hint(text: string, expected: string): string | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const file: SourceFile = { path: '/x/course.yaml', displayPath: 'course.yaml', text, doc, lineCounter };
  const pair = (doc.contents as YAMLMap).items[0]!;
  return typeHint(file, String((pair.key as { value: unknown }).value), expected, pair.value);
}

test.each([
  ['passing-score: 75 %', 'a number', 'Write 75, not 75 %: the number alone.'],
  ['tolerance: 0,5', 'a number', 'Write 0.5: decimals take a point.'],
  ['points: "3"', 'a number', 'Remove the quotes: points: 3.'],
  ['attempts: 2.5', 'a whole number', 'Use a whole number, such as 3.'],
  ['passing-score: eighty', 'a number', 'Write the number in digits, without quotes or units.'],
  ['shuffle: no', 'true or false', 'Use true or false: write shuffle: false.'],
  ['shuffle: "true"', 'true or false', 'Remove the quotes: shuffle: true.'],
  ['retry: maybe', 'true or false', 'Use true or false, without quotes.'],
  ['brand-color: #7a2e1f', 'text', '"#" starts a comment in YAML, so "#7a2e1f" was left out. Put quotes around the value: brand-color: "#7a2e1f"'],
  ['title: [Draft]', 'text', 'Square brackets make a list in YAML; to keep them as text, put quotes around the whole value: title: "[Draft]"'],
  ['body:\n  First: line\n', 'non-empty text', 'The lines under "body:" are read as keys; for text over several lines, write "body: |" and indent the text under it.'],
  ['keywords: policy', 'a list', 'Write each item on its own line under "keywords:", starting with "- ".'],
])('%s (%s)', (text, expected, wanted) => {
  expect(hint(text, expected)).toBe(wanted);
});

test('an empty value followed by an ordinary comment gets no comment hint', () => {
  expect(hint('title: # to do', 'text')).toBeUndefined();
});
