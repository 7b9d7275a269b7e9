// A content page has a body, blocks, or both; each mistake about it is said once.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCourse } from '../../../src/compile';
import { tempDir } from '../../cli/run-cli';

function diagnostics(page: string): string[] {
  const folder = tempDir();
  writeFileSync(join(folder, 'course.yaml'), `id: c\ntitle: C\nversion: 1.0.0\nlanguage: en\ndescription: D\ncompletion: { require: [all-pages] }\npages:\n  - id: intro\n    type: content\n    title: Introduction\n${page}`);
  const { report } = checkCourse(folder);
  rmSync(folder, { recursive: true, force: true });
  return report.diagnostics.map((d) => `${d.code} ${d.span?.start.line}:${d.span?.start.column} ${d.message}`);
}

test('a misspelt body is an unknown key with its "did you mean", not also a missing body', () => {
  expect(diagnostics('    boddy: Hello\n')).toEqual(['unknown-key 11:5 Unknown key "boddy" in page "intro".']);
});

test('blocks alone make a page; body alone too', () => {
  expect(diagnostics('    blocks:\n      - type: divider\n')).toEqual([]);
  expect(diagnostics('    body: Hello\n')).toEqual([]);
});

test('an empty list of blocks is refused where it is written', () => {
  expect(diagnostics('    body: Hello\n    blocks: []\n')).toEqual(['empty-list 12:13 "blocks" is empty.']);
});

test('a misspelt captions, transcript or alt is one unknown-key, not also a missing one', () => {
  const block = (lines: string) => diagnostics(`    blocks:\n      - ${lines.trim().split('\n').join('\n        ')}\n`).map((d) => d.split(' ')[0]).filter((code) => code !== 'file-not-found');
  // (The files named do not exist: that is a mistake of its own, reported as well.)
  expect(block('type: video\nsrc: a.webm\ntitle: T\ncaptons: a.vtt')).toEqual(['unknown-key']);
  expect(block('type: audio\nsrc: a.webm\ntitle: T\ntranscipt: Words.')).toEqual(['unknown-key']);
  expect(block('type: image\nimage: a.png\nlat: A dot')).toEqual(['unknown-key']);
});
