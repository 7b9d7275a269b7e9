// Files parsed once are not parsed again while their text is the same (a preview rebuild, a
// course's second language), and a load to be translated gets a document of its own.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { checkCourse } from '../../../src/compile';
import { ParsedFiles } from '../../../src/load';

test('the same text is not parsed again: read only, the document kept; to be written into, a copy', () => {
  const files = new ParsedFiles();
  const text = 'title: One\nitems: [a, b]\n';
  const first = files.parse('/c/course.yaml', text, false);
  expect(files.parse('/c/course.yaml', text, false).doc).toBe(first.doc);
  const copy = files.parse('/c/course.yaml', text, true);
  expect(copy.doc).not.toBe(first.doc);
  expect(copy.doc.toJS()).toEqual(first.doc.toJS());
  expect(copy.lineCounter).toBe(first.lineCounter);
  expect(copy.doc.contents?.range).toEqual(first.doc.contents?.range);
  // What a translation writes into its copy stays in it.
  const title = isMap(copy.doc.contents) ? copy.doc.contents.items[0]?.value : undefined;
  if (isScalar(title)) title.value = 'Eins';
  expect(files.parse('/c/course.yaml', text, false).doc.toJS()).toEqual({ title: 'One', items: ['a', 'b'] });
  expect(files.parse('/c/course.yaml', text, true).doc.toJS()).toEqual({ title: 'One', items: ['a', 'b'] });
  // Another text is parsed anew.
  expect(files.parse('/c/course.yaml', 'title: Two\n', false).doc.toJS()).toEqual({ title: 'Two' });
  // YAML errors come with a document taken from memory.
  const broken = 'title: [a\n';
  const errors = files.parse('/c/b.yaml', broken, false).doc.errors.map((e) => e.code);
  expect(errors.length).toBeGreaterThan(0);
  expect(files.parse('/c/b.yaml', broken, true).doc.errors.map((e) => e.code)).toEqual(errors);
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
