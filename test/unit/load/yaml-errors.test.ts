import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { Report, type SourceFile } from '../../../src/diagnostics';
import { loadCourse } from '../../../src/load';
import { refuseUnknownTags, yamlDiagnostics } from '../../../src/load/yaml-errors';

const invalid = join(__dirname, '../../fixtures/invalid');

function explain(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  refuseUnknownTags(doc);
  const file: SourceFile = { path: '/x/course.yaml', displayPath: 'course.yaml', text, doc, lineCounter };
  return yamlDiagnostics(file).map((d) => ({ line: d.span?.start.line, column: d.span?.start.column, message: d.message, hint: d.hint }));
}

// The parser reports a tab once per indented line and a mis-indented line two or three times
// (on the line above it too): a designer must see each mistake once, where it is.
test.each(readdirSync(invalid).filter((name) => name.startsWith('yaml-')))('%s gives exactly one diagnostic', (name) => {
  const report = new Report();
  loadCourse(join(invalid, name), report);
  expect(report.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
});

test('a single tab gives one error at the tab, asking for spaces', () => {
  expect(explain('pages:\n  - id: intro\n\ttype: content\n    title: Intro\n')).toEqual([
    { line: 3, column: 1, message: 'This line is indented with a tab; YAML accepts only spaces.', hint: 'Replace the tab with spaces; most editors can insert spaces when you press Tab.' },
  ]);
});

test('two unrelated mistakes are both explained, in file order', () => {
  const found = explain('title: Intro\nbody: Note: this\ndescription: x\nauthor: Warning: that\n');
  expect(found.map((d) => [d.line, d.column, d.hint])).toEqual([
    [2, 7, 'Put quotes around the whole text: body: "Note: this"'],
    [4, 9, 'Put quotes around the whole text: author: "Warning: that"'],
  ]);
});

test('a text holding double quotes and a colon is suggested in single quotes', () => {
  expect(explain('body: Say "hi": then go\n')[0]?.hint).toBe(`Put quotes around the whole text: body: 'Say "hi": then go'`);
});

test('a list item of text is explained without a key', () => {
  expect(explain('items:\n  - "First" step\n  - second\n')).toEqual([
    {
      line: 2,
      column: 5,
      message: 'This text starts with a quote ("), so YAML reads only up to the closing quote and cannot place the rest.',
      hint: `Put quotes around the whole text: - '"First" step'`,
    },
  ]);
});

test('a double quote inside a double-quoted text suggests single quotes', () => {
  expect(explain('body: "He said "hi" to me"\n')[0]).toMatchObject({
    message: 'The " inside the text of "body" ends it early: YAML reads "He said " as the whole text.',
    hint: `Put the text in single quotes instead: body: 'He said "hi" to me'`,
  });
});

test('a key indented less than the list item above it names the key to line up with', () => {
  expect(explain('choices:\n  - text: a\n  correct: true\n')).toEqual([
    { line: 3, column: 3, message: 'This line is indented less than "text" above it (2 spaces instead of 4).', hint: 'Indent "correct" with 4 spaces, like "text", if it belongs to the same item.' },
  ]);
});

test('a line after a key without text is no continuation', () => {
  expect(explain('pages:\n  - id: a\n    media:\n    foo\n')[0]).toMatchObject({ line: 4, message: 'YAML expected "key: value" on this line, but it has no colon.' });
});

test('after a line in the wrong place, the parser\'s errors below it are left out', () => {
  const found = explain('pages:\n  -id: a\n    type: content\n    title: T\n  - id: b\n    type: content\n    body: Note: x\n');
  expect(found.map((d) => [d.line, d.message])).toEqual([
    [2, '"-id: a" needs a space after the dash to start a list item.'],
  ]);
});

test('a mistake the explanations do not cover keeps the parser\'s words', () => {
  expect(explain('require: [all-pages, passing-score\ntitle: x\n')[0]?.message).toMatch(/^YAML syntax error: Flow sequence/);
});
