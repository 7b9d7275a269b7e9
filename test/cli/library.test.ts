// The library API (import { build } from 'coursepack'), from the bundle a designer's install has:
// the CLI's build options, in code.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from './run-cli';

type Build = typeof import('../../src/catalogue/api').build;
const { build } = require(join(repoRoot, 'dist/index.js')) as { build: Build };

test("languages picks among a course's languages, as --lang does", async () => {
  const folder = tempDir();
  cpSync(join(repoRoot, 'courses/social-media-policy'), join(folder, 'course'), { recursive: true });
  const out = join(folder, 'out');
  const result = await build({ courses: [join(folder, 'course')], targets: ['xapi'], languages: ['de'], outDir: out });
  expect(result.ok).toBe(true);
  expect(readdirSync(out)).toEqual(['social-media-policy-de-xapi.zip']);
  expect(result.courses[0]?.packages.map((built) => `${built.language} ${built.target}`)).toEqual(['de xapi']);
});

test('a language the course is not in is its error, as with --lang', async () => {
  const folder = tempDir();
  cpSync(join(repoRoot, 'courses/social-media-policy'), join(folder, 'course'), { recursive: true });
  const result = await build({ courses: [join(folder, 'course')], targets: ['xapi'], languages: ['fr'], outDir: join(folder, 'out') });
  expect(result.ok).toBe(false);
  expect(result.courses[0]?.text.join('\n')).toMatch(/fr/);
});

test('an option build() does not take is refused, with the one meant', async () => {
  await expect(build({ courses: ['courses'], lang: ['de'] } as never)).rejects.toThrow('coursepack build: unknown option "lang" (did you mean "languages"?); options: courses, targets, lms, languages, outDir, jobs, force, shard, onCourse.');
  await expect(build({ courses: ['courses'], outdir: 'x' } as never)).rejects.toThrow('unknown option "outdir" (did you mean "outDir"?)');
});

test('an output folder that is a file is refused before anything is built', async () => {
  const folder = tempDir();
  writeFileSync(join(folder, 'out'), '');
  await expect(build({ courses: [join(repoRoot, 'test/fixtures/valid/basic')], outDir: join(folder, 'out') })).rejects.toThrow(`coursepack build: the output folder ${join(folder, 'out')} cannot be made: ${join(folder, 'out')} is a file.`);
});

test('a second build in the same process writes to its own folder, and force is its own', async () => {
  const folder = tempDir();
  const course = join(repoRoot, 'test/fixtures/valid/basic');
  const first = await build({ courses: [course], targets: ['scorm12'], outDir: join(folder, 'a') });
  expect(first.courses[0]?.packages.map((p) => p.unchanged)).toEqual([false]);
  const second = await build({ courses: [course], targets: ['scorm12'], outDir: join(folder, 'b') });
  expect(readdirSync(join(folder, 'b'))).toEqual(['basic-scorm12.zip']);
  expect(second.courses[0]?.packages.map((p) => [p.path, p.unchanged])).toEqual([[join(folder, 'b', 'basic-scorm12.zip'), false]]);
  expect((await build({ courses: [course], targets: ['scorm12'], outDir: join(folder, 'b') })).courses[0]?.packages.map((p) => p.unchanged)).toEqual([true]);
  expect((await build({ courses: [course], targets: ['scorm12'], outDir: join(folder, 'b'), force: true })).courses[0]?.packages.map((p) => p.unchanged)).toEqual([false]);
});

test.each([1, 2])('an error thrown by onCourse rejects the build, on %i worker(s) alike', async (jobs) => {
  const folder = tempDir();
  for (const name of ['one', 'two']) cpSync(join(repoRoot, 'test/fixtures/valid/basic'), join(folder, name), { recursive: true });
  writeFileSync(join(folder, 'two/course.yaml'), readFileSync(join(folder, 'two/course.yaml'), 'utf8').replace('id: basic', 'id: basic-two'));
  const failing = build({ courses: [folder], targets: ['scorm12'], outDir: join(folder, 'out'), jobs, onCourse: () => { throw new Error('the pipeline says no'); } });
  await expect(failing).rejects.toThrow('the pipeline says no');
});
