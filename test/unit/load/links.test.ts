// Symbolic links inside a course folder: followed only while they stay inside it.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Report } from '../../../src/diagnostics';
import { loadCourse } from '../../../src/load';

function course(pages: string): string {
  const root = mkdtempSync(join(tmpdir(), 'coursepack-links-'));
  writeFileSync(join(root, 'course.yaml'), `id: links\ntitle: Links\nversion: 1.0.0\nlanguage: en\ndescription: Links.\npages:\n${pages}`);
  mkdirSync(join(root, 'pages'));
  return root;
}

test('an include through a linked folder that loops back is an include cycle, found at once', () => {
  const root = course('  - include: pages/a.yaml\n');
  writeFileSync(join(root, 'pages/a.yaml'), 'id: a\ntype: quiz\ntitle: A\nquestions:\n  - include: again/a.yaml\n');
  symlinkSync('.', join(root, 'pages/again'));
  const report = new Report();
  const loaded = loadCourse(root, report);
  expect(report.diagnostics.map((d) => [d.code, d.span?.start.line, d.span?.start.column])).toEqual([['include-cycle', 5, 14]]);
  expect(loaded?.files).toHaveLength(2);
});

test('a link that stays inside the course is followed', () => {
  const root = course('  - include: pages/link.yaml\n');
  writeFileSync(join(root, 'pages/real.yaml'), 'id: a\ntype: content\ntitle: A\nbody: Hello.\n');
  symlinkSync('real.yaml', join(root, 'pages/link.yaml'));
  const report = new Report();
  const loaded = loadCourse(root, report);
  expect(report.diagnostics).toEqual([]);
  expect(loaded?.files.map((file) => file.text)).toContain('id: a\ntype: content\ntitle: A\nbody: Hello.\n');
});
