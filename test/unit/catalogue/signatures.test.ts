// The build cache knows an unchanged file by what the file system says of it (size, times,
// inode), as git's index does, instead of reading it again: a course with a 190 MB video was
// read whole (its video and each of its four packages) to find it unchanged. What no program can
// set back (the inode's change time) keeps a file changed in place from passing as unchanged.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildCache } from '../../../src/catalogue/cache';
import { buildCourse } from '../../../src/compile';
import { readZip } from '../../../src/inspect/zip';

let dir: string;
const courses = ['read', 'changed', 'kept'];
const AN_HOUR_AGO = Math.floor(Date.now() / 1000) - 3600;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cache-signatures-'));
  for (const name of courses) cpSync(join(__dirname, '../../fixtures/valid/basic'), join(dir, name), { recursive: true });
  // A modification time a program can put back exactly (whole seconds).
  utimesSync(join(dir, 'changed', 'course.yaml'), AN_HOUR_AGO, AN_HOUR_AGO);
  // A file is known by its signature only once it has not changed for a while (racily clean files
  // are read): the copies must be older than that when first built.
  await new Promise((resolve) => setTimeout(resolve, 2100));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (targets: Array<'scorm12' | 'cmi5'> = ['scorm12'], out = join(dir, 'out')) => ({ outDir: out, targets, cache: new BuildCache(out, { folder: join(dir, 'cache') }) });

test('an unchanged course is found unchanged without reading its files', async () => {
  const course = join(dir, 'read');
  expect((await buildCourse(course, options())).packages).toHaveLength(1);
  // node:fs's own object (the one the tool's modules call into), not an import's frozen namespace.
  const opened = jest.spyOn(require('node:fs') as typeof import('node:fs'), 'openSync');
  try {
    const again = await buildCourse(course, options());
    expect(again.unchanged).toHaveLength(1);
    const read = opened.mock.calls.map(([path]) => String(path)).filter((path) => path.startsWith(course));
    expect(read).toEqual([]);
  } finally {
    opened.mockRestore();
  }
});

test('a file changed in place, its size and modification time put back, is still rebuilt', async () => {
  const course = join(dir, 'changed');
  const file = join(course, 'course.yaml');
  expect((await buildCourse(course, options())).packages).toHaveLength(1);
  const text = readFileSync(file, 'utf8');
  const changed = text.replace('title: Basic course & friends', 'title: Basic course & fiends!');
  expect(changed).not.toBe(text);
  expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(text));
  writeFileSync(file, changed);
  utimesSync(file, AN_HOUR_AGO, AN_HOUR_AGO);
  expect(statSync(file, { bigint: true }).mtimeNs).toBe(BigInt(AN_HOUR_AGO) * 1_000_000_000n);
  const again = await buildCourse(course, options());
  expect(again.packages).toHaveLength(1);
  expect(readZip(readFileSync(join(dir, 'out', 'basic-scorm12.zip'))).get('index.html')?.toString()).toContain('Basic course &amp; fiends!');
});

test("a package kept from an earlier build for another target, changed since, is read again, never vouched for by its signature", async () => {
  const [course, out] = [join(dir, 'kept'), join(dir, 'out-kept')];
  expect((await buildCourse(course, options(['scorm12', 'cmi5'], out))).packages).toHaveLength(2);
  const cmi5 = join(out, 'basic-cmi5.zip');
  writeFileSync(cmi5, Buffer.concat([readFileSync(cmi5), Buffer.from('tampered')]));
  // Old enough to be signed, were it looked at.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  // A build of the other target only: it records the course again, with the cmi5 package it did not look at.
  rmSync(join(out, 'basic-scorm12.zip'));
  expect((await buildCourse(course, options(['scorm12'], out))).packages).toHaveLength(1);
  const again = await buildCourse(course, options(['cmi5'], out));
  expect(again.packages.map((built) => built.target)).toEqual(['cmi5']);
});
