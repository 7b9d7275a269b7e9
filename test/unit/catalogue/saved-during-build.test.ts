// A course file saved while its course is being built (a designer saving again while `build
// --watch` runs): the cache record must describe the text the packages were built from, so the
// next build sees the change and rebuilds, never calling the older package "unchanged".
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildCache } from '../../../src/catalogue/cache';
import { buildCourse } from '../../../src/compile';
import { readZip } from '../../../src/inspect/zip';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'saved-during-build-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a save between reading the course and recording its build is rebuilt by the next build', async () => {
  const course = join(dir, 'basic');
  cpSync(join(__dirname, '../../fixtures/valid/basic'), course, { recursive: true });
  const file = join(course, 'course.yaml');
  const options = () => ({ outDir: join(dir, 'out'), targets: ['scorm12' as const], cache: new BuildCache(join(dir, 'out'), { folder: join(dir, 'cache') }) });
  // The save lands after the course was read, when the build records what its inputs hold.
  const hash = BuildCache.prototype.hashInputs;
  const saving = jest.spyOn(BuildCache.prototype, 'hashInputs').mockImplementationOnce(function (this: BuildCache, ...args) {
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Basic course & friends', 'title: Saved during the build'));
    return hash.apply(this, args);
  });
  const first = await buildCourse(course, options());
  saving.mockRestore();
  expect(first.packages).toHaveLength(1);
  const next = await buildCourse(course, options());
  expect(next.packages).toHaveLength(1);
  const page = readZip(readFileSync(join(dir, 'out', 'basic-scorm12.zip'))).get('index.html')?.toString();
  expect(page).toContain('Saved during the build');
});
