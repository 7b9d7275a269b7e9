import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli, tempDir } from './run-cli';

const basic = join(repoRoot, 'test/fixtures/valid/basic');

/** A copy of the basic fixture at `folder` with its own id. */
function course(folder: string, id: string): string {
  cpSync(basic, folder, { recursive: true });
  const file = join(folder, 'course.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: basic$/m, `id: ${id}`));
  return folder;
}

/** catalogue/{sales/{alpha,beta},hr/gamma} and a folder without any course. */
function catalogue(): string {
  const root = tempDir();
  course(join(root, 'catalogue/sales/alpha'), 'alpha');
  course(join(root, 'catalogue/sales/beta'), 'beta');
  course(join(root, 'catalogue/hr/gamma'), 'gamma');
  mkdirSync(join(root, 'catalogue/empty'));
  return root;
}

const zips = (out: string) => readdirSync(out).filter((file) => file.endsWith('.zip')).sort();

describe('a whole catalogue', () => {
  test('build <folder> builds every course below it, found by its course.yaml', () => {
    const root = catalogue();
    const result = runCli(['build', 'catalogue', '--target', 'scorm12', '--out', 'out'], root);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(zips(join(root, 'out'))).toEqual(['alpha-scorm12.zip', 'beta-scorm12.zip', 'gamma-scorm12.zip']);
  });

  test('a list of folders and quoted globs', () => {
    const root = catalogue();
    const result = runCli(['build', 'catalogue/sales/b*', 'catalogue/hr', '--target', 'xapi', '--out', 'out'], root);
    expect(result.code).toBe(0);
    expect(zips(join(root, 'out'))).toEqual(['beta-xapi.zip', 'gamma-xapi.zip']);
    const deep = runCli(['validate', 'catalogue/**/?lpha'], root);
    expect(deep.code).toBe(0);
    expect(deep.stdout).toBe('catalogue/sales/alpha: valid (5 pages, 1 warning)\n');
  });

  test("the --json report lists this run's packages, built or unchanged, and no other zip in the folder", () => {
    // The README's CI workflow uploads what the report lists: the output folder comes back from
    // CI's cache holding zips of earlier runs, among them those of courses since removed.
    const root = catalogue();
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'removed-course-scorm12.zip'), 'an earlier run');
    const listed = (args: string[]) => {
      const result = runCli(['build', 'catalogue', '--target', 'scorm12', '--out', 'out', '--json', ...args], root);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as { courses: Array<{ packages: Array<{ path: string }>; unchanged: Array<{ path: string }> }> };
      return report.courses.flatMap((course) => [...course.packages, ...course.unchanged].map((built) => built.path)).sort();
    };
    const run = ['out/alpha-scorm12.zip', 'out/beta-scorm12.zip', 'out/gamma-scorm12.zip'];
    expect(listed([])).toEqual(run);
    expect(listed([])).toEqual(run);
    expect(listed(['--shard', '1/1'])).toEqual(run);
    expect(zips(join(root, 'out'))).toEqual([...run.map((path) => path.slice(4)), 'removed-course-scorm12.zip'].sort());
  });

  test("the README's CI workflows (GitHub Actions, GitLab CI) are YAML whose build step shards, reports and uploads the report's packages", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const workflows = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string).filter((text) => text.includes('--shard'));
    expect(workflows).toHaveLength(2);
    for (const text of workflows) {
      const doc = require('yaml').parseDocument(text);
      expect(doc.errors).toEqual([]);
      expect(text).toMatch(/npx coursepack build courses --shard .+\/\S+ --out build --json > report\.json/);
      expect(text).toContain('upload');
      expect(text).not.toContain('build/*.zip');
    }
  });

  test('without arguments, every course below ./courses, as `build courses` finds them', () => {
    const root = tempDir();
    course(join(root, 'courses/onboarding'), 'onboarding');
    course(join(root, 'courses/sales/negotiation'), 'negotiation');
    const result = runCli(['build', '--target', 'scorm12'], root, { COURSEPACK_CACHE_DIR: tempDir() });
    expect(result.code).toBe(0);
    expect(zips(join(root, 'build'))).toEqual(['negotiation-scorm12.zip', 'onboarding-scorm12.zip']);
    expect(runCli(['validate'], root).stdout).toBe('courses/onboarding: valid (5 pages, 1 warning)\ncourses/sales/negotiation: valid (5 pages, 1 warning)\n');
  });

  test('a folder with no course below it is still refused', () => {
    const root = catalogue();
    const result = runCli(['build', 'catalogue/empty', '--out', 'out'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No course.yaml found at "catalogue/empty". [not-a-course]');
  });

  test('YAML nested deeper than the parser can follow: one error, at the same place on one thread or two workers', () => {
    // The parser gives up where the stack runs out, and a worker thread's stack is not the main
    // thread's: the error must not move with it.
    const root = catalogue();
    const file = join(root, 'catalogue/hr/gamma/course.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}extra: ${'['.repeat(20000)}${']'.repeat(20000)}\n`);
    const runs = [1, 2].map((jobs) => runCli(['build', 'catalogue', '--target', 'scorm12', '--out', `out-${jobs}`, '--jobs', String(jobs)], root, { COURSEPACK_CACHE_DIR: tempDir() }));
    for (const run of runs) expect(run.code).toBe(1);
    expect(runs[1]!.stderr).toBe(runs[0]!.stderr);
    const lines = readFileSync(file, 'utf8').split('\n').length - 1;
    expect(runs[0]!.stderr).toContain(`catalogue/hr/gamma/course.yaml:${lines}:1 error "extra" holds lists and maps nested too deeply to read. [yaml-too-deep]`);
  });

  test('one course id in two folders of the catalogue is an error naming both files', () => {
    const root = catalogue();
    course(join(root, 'catalogue/hr/alpha-copy'), 'alpha');
    const result = runCli(['build', 'catalogue', '--target', 'scorm12', '--out', 'out'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('catalogue/sales/alpha/course.yaml:1:5 error The course id "alpha" is also the id of catalogue/hr/alpha-copy/course.yaml');
    expect(zips(join(root, 'out'))).toEqual(['alpha-scorm12.zip', 'beta-scorm12.zip', 'gamma-scorm12.zip']);
  });
});

/** Five courses: alpha, beta, gamma, an invalid one, and a second "beta" (refused). */
function mixedCatalogue(): string {
  const root = catalogue();
  cpSync(join(repoRoot, 'test/fixtures/invalid/unknown-key'), join(root, 'catalogue/hr/broken'), { recursive: true });
  course(join(root, 'catalogue/sales/zeta'), 'beta');
  return root;
}

describe('a catalogue on every core', () => {
  test('the output and the zip bytes do not depend on the number of workers', () => {
    const root = mixedCatalogue();
    const env = { COURSEPACK_CACHE_DIR: tempDir() };
    const runs = ['1', '3'].map((jobs) => {
      const result = runCli(['build', 'catalogue', '--out', `out-${jobs}`, '--jobs', jobs], root, env);
      return { ...result, stdout: result.stdout.replace(/out-\d/g, 'out').replace(/\(\d+ s\)/, '') };
    });
    expect(runs[0]!.code).toBe(1);
    expect(runs[1]!.code).toBe(1);
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    expect(runs[1]!.stderr).toBe(runs[0]!.stderr);
    expect(runs[0]!.stderr).toContain('catalogue/sales/zeta/course.yaml:1:5 error The course id "beta" is also the id of catalogue/sales/beta/course.yaml');
    const files = zips(join(root, 'out-1'));
    expect(files).toHaveLength(12);
    expect(zips(join(root, 'out-3'))).toEqual(files);
    for (const file of files) expect(readFileSync(join(root, 'out-3', file)).equals(readFileSync(join(root, 'out-1', file)))).toBe(true);
  });

  test('by default a small catalogue is built in one thread (workers would cost more than they save); --jobs is taken as given', () => {
    const root = catalogue();
    const env = { COURSEPACK_CACHE_DIR: tempDir(), COURSEPACK_DEBUG: '1' };
    const byDefault = runCli(['build', 'catalogue', '--target', 'scorm12', '--out', 'out-default'], root, env);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stderr).not.toContain('(worker)');
    const asked = runCli(['build', 'catalogue', '--target', 'scorm12', '--out', 'out-2', '--jobs', '2'], root, env);
    expect(asked.code).toBe(0);
    expect(asked.stderr.match(/code cache .* \(worker\)/g)).toHaveLength(2);
  });

  test('--jobs takes a whole number', () => {
    const result = runCli(['build', 'catalogue', '--jobs', '0'], catalogue());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"0" is not a number of jobs. [usage]');
  });

  test("one course's errors: the others are still built, and its errors come at the end with their positions", () => {
    const root = mixedCatalogue();
    const result = runCli(['build', 'catalogue', '--target', 'scorm12', '--out', 'out'], root, { COURSEPACK_CACHE_DIR: tempDir() });
    expect(result.code).toBe(1);
    expect(zips(join(root, 'out'))).toEqual(['alpha-scorm12.zip', 'beta-scorm12.zip', 'gamma-scorm12.zip']);
    // The errors of both failed courses, then a line for each, after every course was built.
    expect(result.stderr).toMatch(/catalogue\/hr\/broken\/course\.yaml:10:5 error Unknown key "titel"[^]*catalogue\/sales\/zeta\/course\.yaml:1:5 error[^]*\ncatalogue\/hr\/broken: 1 error; nothing was written\.\ncatalogue\/sales\/zeta: 1 error, 1 warning; nothing was written\.\n$/);
    expect(result.stdout).toMatch(/\n5 courses: 3 packages built, 0 unchanged, 2 courses failed \(\d+ s\)\n$/);
    const one = runCli(['build', 'catalogue/sales/alpha', 'catalogue/hr/broken', '--target', 'scorm12', '--out', 'out-1'], root, { COURSEPACK_CACHE_DIR: tempDir() });
    expect(one.stdout).toMatch(/\n2 courses: 1 package built, 0 unchanged, 1 course failed \(\d+ s\)\n$/);
  });

  /** Runs the CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal sees it. */
  function onTerminal(args: string[], cwd: string, env: Record<string, string> = {}): string {
    const command = [process.execPath, join(repoRoot, 'bin/coursepack.js'), ...args].map((arg) => `'${arg}'`).join(' ');
    const result = require('node:child_process').spawnSync('script', ['-qfec', command, '/dev/null'], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
    return result.stdout as string;
  }

  test('on a terminal, a live progress line is replaced, not scrolled; in CI, a line per package', () => {
    const root = catalogue();
    const cache = { COURSEPACK_CACHE_DIR: tempDir(), CI: '' };
    const live = onTerminal(['build', 'catalogue', '--target', 'scorm12', '--out', 'out', '--no-color'], root, cache);
    expect(live).toMatch(/\r\u001b\[2K\[0\/3\] 0 s · catalogue\/(hr|sales)\//);
    expect(live).toMatch(/\r\u001b\[2K\[3\/3\] \d+ s · catalogue\//);
    // Each package line is written over the cleared progress line, which is then drawn again.
    expect(live).toMatch(/\r\u001b\[2Kbuilt out\/alpha-scorm12\.zip/);
    expect(live).not.toMatch(/\[\d\/3\][^\r]*\n/);
    const ci = onTerminal(['build', 'catalogue', '--target', 'scorm12', '--out', 'out2', '--no-color'], root, { ...cache, CI: 'true' });
    expect(ci).not.toContain('\u001b[2K');
    expect(ci.match(/^built out2\/\w+-scorm12\.zip/gm)).toHaveLength(3);
  });
});

describe('--shard i/n', () => {
  test('the shares of a catalogue are disjoint, cover it, and do not change from run to run', () => {
    const root = catalogue();
    for (const id of ['delta', 'epsilon', 'eta', 'theta', 'iota']) course(join(root, 'catalogue/more', id), id);
    const env = { COURSEPACK_CACHE_DIR: tempDir() };
    const share = (i: number, out: string) => {
      const result = runCli(['build', 'catalogue', '--target', 'scorm12', '--shard', `${i}/3`, '--out', out], root, env);
      expect(result.code).toBe(0);
      return existsSync(join(root, out)) ? zips(join(root, out)) : [];
    };
    const shares = [1, 2, 3].map((i) => share(i, `out-${i}`));
    expect(shares.flat().sort()).toEqual(['alpha', 'beta', 'delta', 'epsilon', 'eta', 'gamma', 'iota', 'theta'].map((id) => `${id}-scorm12.zip`));
    expect(shares.filter((files) => files.length > 0).length).toBeGreaterThan(1);
    expect([1, 2, 3].map((i) => share(i, `again-${i}`))).toEqual(shares);
  });

  test('a shard must be i/n with 1 ≤ i ≤ n', () => {
    const result = runCli(['build', 'catalogue', '--shard', '4/3'], catalogue());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"4/3" is not a shard. [usage]');
  });
});
