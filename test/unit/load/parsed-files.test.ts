// Files parsed once are not parsed again while their text is the same (a preview rebuild, a
// course's second language), and each load gets a document of its own to translate into.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { checkCourse } from '../../../src/compile';
import { ParsedFiles } from '../../../src/load';

test('the same text gives an equal document of its own; another text is parsed anew', () => {
  const files = new ParsedFiles();
  const first = files.parse('/c/course.yaml', 'title: One\nitems: [a, b]\n');
  const second = files.parse('/c/course.yaml', 'title: One\nitems: [a, b]\n');
  expect(second.doc).not.toBe(first.doc);
  expect(second.doc.toJS()).toEqual(first.doc.toJS());
  expect(second.lineCounter).toBe(first.lineCounter);
  // What a translation does to one document stays in it.
  const title = isMap(first.doc.contents) ? first.doc.contents.items[0]?.value : undefined;
  if (isScalar(title)) title.value = 'Eins';
  expect(files.parse('/c/course.yaml', 'title: One\nitems: [a, b]\n').doc.toJS()).toEqual({ title: 'One', items: ['a', 'b'] });
  expect(files.parse('/c/course.yaml', 'title: Two\n').doc.toJS()).toEqual({ title: 'Two' });
  // Positions and YAML errors come with a document taken from memory.
  const broken = 'title: [a\n';
  expect(files.parse('/c/b.yaml', broken).doc.errors.map((e) => e.code)).toEqual(files.parse('/c/b.yaml', broken).doc.errors.map((e) => e.code));
  expect(second.doc.contents?.range).toEqual(first.doc.contents?.range);
});

test('checked again with the files of an earlier check, a course in two languages is checked as from scratch', () => {
  const folder = join(mkdtempSync(join(tmpdir(), 'coursepack-parsed-')), 'course');
  cpSync(join(__dirname, '../../../courses/social-media-policy'), folder, { recursive: true });
  const summary = (result: ReturnType<typeof checkCourse>) => ({
    titles: (result.editions ?? []).map((edition) => [edition.language, edition.title, edition.pages.map((page) => page.title)]),
    diagnostics: result.report.diagnostics.map((d) => [d.code, d.span?.file, d.span?.start]),
  });
  const parsed = new ParsedFiles();
  const fresh = summary(checkCourse(folder));
  expect(summary(checkCourse(folder, undefined, {}, parsed))).toEqual(fresh);
  expect(summary(checkCourse(folder, undefined, {}, parsed))).toEqual(fresh);
  expect(fresh.titles.map(([language]) => language)).toEqual(['en', 'de']);

  // A save: the changed file is read anew, the others come from memory.
  const file = join(folder, 'course.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Welcome', 'title: Welcome back'));
  const saved = summary(checkCourse(folder, undefined, {}, parsed));
  expect(saved).toEqual(summary(checkCourse(folder)));
  expect(JSON.stringify(saved.titles[0])).toContain('Welcome back');
});
