// coursepack as a designer installs it: `npm pack`, the tarball installed into a project folder
// outside this repository, then init, validate and build run there through npx, as subprocesses.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from '../cli/run-cli';
import { courseFiles, describeErrors, newAjv } from '../unit/schema/course-files';

const work = join(tmpdir(), `coursepack-install-${process.pid}`);
const project = join(work, 'designer-courses');
const cache = join(work, 'cache');
let tarball = '';

/** Every file under a folder, relative to it, with its modification time. */
function snapshot(dir: string): Map<string, number> {
  const files = new Map<string, number>();
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), statSync(path).mtimeMs);
    }
  };
  walk(dir);
  return files;
}

function npx(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['--no-install', 'coursepack', ...args], { cwd: project, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  // dist/ was built by pretest; the tarball is what `npm pack` (and so a release) holds.
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repoRoot, encoding: 'utf8' });
  tarball = join(work, (JSON.parse(packed) as Array<{ filename: string }>)[0]!.filename);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'designer-courses', private: true }, null, 2));
  execFileSync('npm', ['install', '--save-dev', tarball, '--offline', '--no-audit', '--no-fund'], { cwd: project, stdio: 'pipe' });
}, 120000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the tarball holds only what runs: no tests, fixtures, sources or source maps', () => {
  const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((file) => file.replace(/^package\//, ''));
  expect(listed).toContain('bin/coursepack.js');
  expect(listed).toContain('dist/index.js');
  for (const standard of ['scorm12', 'scorm2004', 'xapi', 'cmi5']) expect(listed).toContain(`dist/runtime/${standard}.js`);
  expect(listed).toContain('templates/starter/course/course.yaml');
  for (const kind of ['course', 'page', 'pool']) expect(listed).toContain(`schema/${kind}.schema.json`);
  // Type declarations (dist/types/*.d.ts) are for the library's TypeScript users.
  expect(listed.filter((file) => /^(test|src|scripts|courses)\//.test(file) || file.endsWith('.map') || (file.endsWith('.ts') && !file.endsWith('.d.ts')))).toEqual([]);
  expect(listed).toContain('dist/types/index.d.ts');
  // Everything it needs is bundled: installing it fetches nothing.
  expect(JSON.parse(readFileSync(join(project, 'node_modules/coursepack/package.json'), 'utf8')).dependencies).toBeUndefined();
});

test('init, validate and build work in a folder of their own; output lands there; nothing writes into node_modules', () => {
  const installed = snapshot(join(project, 'node_modules'));

  const init = npx('init');
  expect(init.stderr).toBe('');
  expect(init.code).toBe(0);
  for (const file of ['courses/my-course/course.yaml', 'courses/my-course/pages/scenario.yaml', 'courses/my-course/pools/questions.yaml', 'courses/my-course/assets/welcome.svg', '.gitignore', '.vscode/settings.json', '.vscode/extensions.json', 'README.md']) {
    expect(existsSync(join(project, file))).toBe(true);
  }
  expect(readFileSync(join(project, '.gitignore'), 'utf8')).toMatch(/^build\/$/m);
  expect(JSON.parse(readFileSync(join(project, '.vscode/extensions.json'), 'utf8')).recommendations).toContain('redhat.vscode-yaml');

  const again = npx('init');
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('init writes nothing over existing files: courses/my-course/');

  const validate = npx('validate');
  expect(validate.stderr).toBe('');
  expect(validate.stdout).toBe('courses/my-course: valid (5 pages)\n');

  const build = npx('build');
  expect(build.stderr).toBe('');
  expect(build.code).toBe(0);
  expect(readdirSync(join(project, 'build')).sort()).toEqual(['my-course-cmi5.zip', 'my-course-scorm12.zip', 'my-course-scorm2004.zip', 'my-course-xapi.zip']);

  // A course path and --out are relative to where the designer stands, too.
  const one = npx('build', 'courses/my-course', '--target', 'scorm12', '--out', 'dist/lms');
  expect(one.code).toBe(0);
  expect(readdirSync(join(project, 'dist/lms'))).toEqual(['my-course-scorm12.zip']);

  expect(snapshot(join(project, 'node_modules'))).toEqual(installed);
  // The start-up cache went to the user's cache folder instead.
  expect(readdirSync(join(cache, 'coursepack')).some((file) => file.endsWith('.v8cache'))).toBe(true);
});

/** The files of a folder matching a VS Code glob of the starter settings (a star stands for one name). */
function matching(dir: string, glob: string): string[] {
  const pattern = new RegExp(`^${glob.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('[^/]*')}$`);
  return [...snapshot(dir).keys()].map((file) => file.split('\\').join('/')).filter((file) => pattern.test(file));
}

test('npx coursepack schema prints the schema; the files VS Code is pointed at are installed and accept the starter course', () => {
  const printed = npx('schema');
  expect(printed.stderr).toBe('');
  expect(printed.code).toBe(0);
  expect(JSON.parse(printed.stdout).title).toBe('coursepack course (course.yaml)');

  // The project the test above started with `npx coursepack init` (started here when run alone).
  if (!existsSync(join(project, '.vscode/settings.json'))) expect(npx('init').code).toBe(0);
  const folder = project;
  const settings = JSON.parse(readFileSync(join(folder, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
  const globs = Object.entries(settings['yaml.schemas']);
  expect(globs.length).toBe(3);
  const checked = new Set<string>();
  for (const [schemaPath, patterns] of globs) {
    // Relative to the project folder, as VS Code resolves it.
    const installed = join(folder, schemaPath);
    expect(existsSync(installed)).toBe(true);
    const kind = /(\w+)\.schema\.json$/.exec(schemaPath)![1]!;
    expect(readFileSync(installed, 'utf8')).toBe(npx('schema', '--for', kind).stdout);
    const validate = newAjv().compile(JSON.parse(readFileSync(installed, 'utf8')));
    for (const file of patterns.flatMap((glob) => matching(folder, glob))) {
      const data = courseFiles(join(folder, 'courses/my-course')).find((known) => `courses/my-course/${known.path}` === file);
      expect(`${file}: ${data?.kind}`).toBe(`${file}: ${kind}`);
      expect(`${file}: ${validate(data!.data) ? '' : describeErrors(validate.errors ?? [])}`).toBe(`${file}: `);
      checked.add(file);
    }
  }
  // Every YAML file of the starter course is checked by one of the schemas.
  expect([...checked].sort()).toEqual(['courses/my-course/course.yaml', 'courses/my-course/pages/scenario.yaml', 'courses/my-course/pools/questions.yaml']);
});

test("the library: import { build } from 'coursepack' builds a catalogue from a script, typed", () => {
  const folder = join(project, 'pipeline');
  mkdirSync(folder, { recursive: true });
  expect(npx('init', 'pipeline/one', '--id', 'first').code).toBe(0);
  expect(npx('init', 'pipeline/two', '--id', 'second').code).toBe(0);
  const script = join(folder, 'build.mjs');
  writeFileSync(
    script,
    `import { build } from 'coursepack';
const seen = [];
const result = await build({ courses: ['pipeline'], targets: ['scorm12'], outDir: 'pipeline/out', jobs: 2, onCourse: (c) => seen.push(c.id) });
console.log(JSON.stringify({ ok: result.ok, seen, packages: result.courses.flatMap((c) => c.packages.map((p) => p.target + ' ' + p.unchanged)) }));
`,
  );
  const env = { ...process.env, XDG_CACHE_HOME: cache };
  const run = () => JSON.parse(execFileSync(process.execPath, [script], { cwd: project, encoding: 'utf8', env }));
  expect(run()).toEqual({ ok: true, seen: ['first', 'second'], packages: ['scorm12 false', 'scorm12 false'] });
  expect(readdirSync(join(folder, 'out')).sort()).toEqual(['first-scorm12.zip', 'second-scorm12.zip']);
  expect(run().packages).toEqual(['scorm12 true', 'scorm12 true']);
  // Typed: a wrong option is a compile error (an unused @ts-expect-error would be one too).
  writeFileSync(
    join(folder, 'check.ts'),
    `import { build, type CatalogueBuildResult } from 'coursepack';
export const ok: Promise<CatalogueBuildResult> = build({ courses: ['pipeline'], targets: ['scorm2004', 'cmi5'], languages: ['en'], shard: '1/2', force: true });
// @ts-expect-error: not a target
build({ courses: ['pipeline'], targets: ['scorm3000'] });
// @ts-expect-error: courses are required
build({ targets: ['xapi'] });
`,
  );
  const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--skipLibCheck', '--module', 'commonjs', '--moduleResolution', 'node', '--target', 'es2022', '--typeRoots', join(repoRoot, 'node_modules/@types'), '--types', 'node', join(folder, 'check.ts')], { cwd: project, encoding: 'utf8' });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
});
