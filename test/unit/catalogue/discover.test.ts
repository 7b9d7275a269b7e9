// Finding a catalogue's courses in folders a company really has: linked folders, and links that
// lead back up the tree.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandCourseArguments } from '../../../src/catalogue/discover';

const root = mkdtempSync(join(tmpdir(), 'coursepack-discover-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function course(path: string): void {
  mkdirSync(join(root, path), { recursive: true });
  writeFileSync(join(root, path, 'course.yaml'), 'id: x\n');
}

beforeAll(() => {
  course('catalogue/sales/alpha');
  course('shared/beta');
  // A linked-in folder of courses kept elsewhere: its courses are the catalogue's.
  symlinkSync(join(root, 'shared'), join(root, 'catalogue/shared'));
  // Links back up the tree (one relative, one absolute): each would lead round forever.
  symlinkSync('..', join(root, 'catalogue/sales/up'));
  symlinkSync(join(root, 'catalogue'), join(root, 'catalogue/sales/again'));
  // A second link to a folder already found: its courses once, not twice under two names.
  symlinkSync(join(root, 'catalogue/sales'), join(root, 'catalogue/sales-too'));
});

test('a folder of courses: each course once, whatever the links lead back to', () => {
  expect(expandCourseArguments([join(root, 'catalogue')])).toEqual([join(root, 'catalogue/sales/alpha'), join(root, 'catalogue/shared/beta')]);
});

test('a ** glob: each course once, whatever the links lead back to', () => {
  expect(expandCourseArguments([join(root, 'catalogue/**/course.yaml')])).toEqual([join(root, 'catalogue/sales/alpha/course.yaml'), join(root, 'catalogue/shared/beta/course.yaml')]);
});

test('one course named several ways (its folder, with a slash, its course.yaml, through a link) is one course of the run, as first named', () => {
  const alpha = join(root, 'catalogue/sales/alpha');
  const named = [alpha, `${alpha}/`, join(alpha, 'course.yaml'), join(root, 'catalogue/sales-too/alpha'), join(root, 'catalogue')];
  expect(expandCourseArguments(named)).toEqual([alpha, join(root, 'catalogue/shared/beta')]);
  // An argument that is no course is kept, for the run to report.
  expect(expandCourseArguments([join(root, 'missing'), join(root, 'missing')])).toEqual([join(root, 'missing')]);
});
