// `coursepack inspect` as an LMS admin runs it: on package zips the CLI built, and on a learner's
// suspend data (as text, from a file, from stdin) decoded against its package.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli, tempDir } from './run-cli';

const BASIC = join(repoRoot, 'test/fixtures/valid/basic');
let out: string;
let revision: string;
const zip = (name: string) => join(out, name);

beforeAll(() => {
  out = tempDir('inspect-');
  for (const [lms, dir] of [['docebo', 'docebo'], ['successfactors', 'sf']] as const) {
    expect(runCli(['build', BASIC, '--lms', lms, '--out', join(out, dir)]).code).toBe(0);
  }
  expect(runCli(['build', BASIC, '--target', 'scorm12,cmi5', '--out', out]).code).toBe(0);
  revision = JSON.parse(runCli(['inspect', zip('basic-scorm12.zip'), '--json']).stdout).course.revision;
}, 60_000);

/** Suspend data as the runtime writes it (runtime/player/state.ts): pages 1-3 done, the quiz submitted, the scenario ended, attested. */
const saved = (r = revision) => JSON.stringify({ r, d: '11110', q: { 2: [1, 7, ['t', '1', '0,1', 'LinkedIn']] }, s: { 1: '11' }, a: [3] });

describe('a package', () => {
  test('SCORM 1.2: standard, ids, passing score, reporting and the suspend-data budget', () => {
    const { code, stdout, stderr } = runCli(['inspect', zip('basic-scorm12.zip')]);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain('  standard       SCORM 1.2\n');
    expect(stdout).toContain(`  course         basic "Basic course & friends" (en), revision ${revision}; pages: 1 content, 1 scenario, 1 quiz, 1 attestation, 1 results; 4 questions\n`);
    expect(stdout).toContain('  ids            manifest cp-basic, organization org-basic, item item-basic, resource res-basic\n');
    expect(stdout).toContain('  passing score  70 % in the manifest, 70 % in the course\n');
    expect(stdout).toContain('  reporting      passed-failed: met → passed');
    expect(stdout).toMatch(/ {2}limits {9}ok: saved progress at most \d+ characters, \d+ % of the 4096 this package may write/);
  });

  test('Docebo: SCORM 2004 3rd Edition without sequencing, so no passing score in the manifest', () => {
    const { stdout } = runCli(['inspect', zip('docebo/basic-scorm2004-3rd.zip')]);
    expect(stdout).toContain('  standard       SCORM 2004 3rd Edition\n');
    expect(stdout).toContain('  sequencing     none in the manifest\n');
    expect(stdout).toContain('  passing score  none in the manifest, 70 % in the course\n');
    expect(stdout).toMatch(/of the 64000 this package may write/);
  });

  test('SuccessFactors: the keep-alive the package asks of its runtime', () => {
    const { stdout } = runCli(['inspect', zip('sf/basic-scorm2004.zip')]);
    expect(stdout).toContain('  standard       SCORM 2004 4th Edition\n');
    expect(stdout).toContain('  LMS options    keep-alive every 10 min\n');
    expect(stdout).toContain('  sequencing     yes');
  });

  test('cmi5: the course and AU ids, moveOn and mastery score, as JSON', () => {
    const report = JSON.parse(runCli(['inspect', zip('basic-cmi5.zip'), '--json']).stdout);
    expect(report).toMatchObject({ target: 'cmi5', ids: { course: 'urn:coursepack:course:basic', au: 'urn:coursepack:course:basic/au', moveOn: 'CompletedAndPassed' }, passingScore: { manifest: 70, course: 70 } });
  });
});

describe("a learner's suspend data", () => {
  test('decoded against its package: pages done, scenario path, answers with their results, attestation, score', () => {
    const { code, stdout } = runCli(['inspect', saved(), '--package', zip('basic-scorm12.zip')]);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      `Suspend data: ${saved().length} characters (revision ${revision}, the package’s)`,
      '  pages done     4 of 5',
      '    ✓ welcome (content)',
      '    ✓ dilemma (scenario)',
      '    ✓ check (quiz)',
      '    ✓ acknowledge (attestation)',
      '    · results (results)',
      '  scenario       dilemma: first: refer → second: private; at "good-end" (ended)',
      '  quiz           check: submitted, attempt 1 of 1',
      '    ban-works: true (incorrect)',
      '    best-approach: train (correct)',
      '    who-writes: hr, marketing (correct)',
      '    network: "LinkedIn" (correct)',
      '  attested       acknowledge',
      '  certificate    not earned yet',
      '  score          23 of 24 points (95.83 %), final, passed',
      "  status         incomplete / unknown (SCORM 2004 completion / success, with the course's own passing score)",
      '',
    ]);
  });

  test('from a file, and from stdin', () => {
    const file = join(tempDir(), 'saved.txt');
    writeFileSync(file, `${saved()}\n`);
    expect(runCli(['inspect', file, '--package', zip('basic-scorm12.zip')]).stdout).toContain('  pages done     4 of 5\n');
    const piped = spawnSync(process.execPath, [join(repoRoot, 'bin/coursepack.js'), 'inspect', '-', '--package', zip('basic-scorm12.zip')], { input: saved(), encoding: 'utf8' });
    expect(piped.stdout).toContain('    network: "LinkedIn" (correct)\n');
  });

  test('what does not fit the course is left out with the decoder’s own note', () => {
    const bad = JSON.stringify({ r: revision, d: '1x', q: { 2: [1, 7, ['t', '9', '0,1', 'x']] } });
    const { code, stdout } = runCli(['inspect', bad, '--package', zip('basic-scorm12.zip')]);
    expect(code).toBe(0);
    expect(stdout).toContain('  note           the pages done are not a row of 0 and 1; only the 1s are kept\n');
    expect(stdout).toContain('  note           the answers to quiz "check" do not fit its questions; left out, the attempt is kept\n');
    expect(stdout).toContain('  quiz           check: in progress, attempt 1 of 1\n');
  });

  test('of another revision of the course: said, not decoded', () => {
    const { stdout } = runCli(['inspect', saved('old12345'), '--package', zip('basic-scorm12.zip')]);
    expect(stdout).toContain(`(revision old12345; the package is revision ${revision})`);
    expect(stdout).toContain('another version of the course');
    expect(stdout).not.toContain('pages done');
  });

  test('without the package: what can be said, and fields this version does not know shown as they are', () => {
    const { stdout } = runCli(['inspect', JSON.stringify({ r: 'abc', d: '10', x: 1234 })]);
    expect(stdout).toContain('Suspend data: ');
    expect(stdout).toContain('--package <zip>');
    expect(stdout).toContain('  field x        1234\n');
  });
});

describe('the fields of required blocks, seat time and the certificate', () => {
  const built = (fixture: string) => {
    const dir = join(out, 'newer');
    expect(runCli(['build', join(repoRoot, 'test/fixtures/valid', fixture), '--target', 'scorm12', '--out', dir]).code).toBe(0);
    const path = join(dir, `${fixture}-scorm12.zip`);
    return { path, revision: JSON.parse(runCli(['inspect', path, '--json']).stdout).course.revision as string };
  };
  const lines = (state: object, path: string) => runCli(['inspect', JSON.stringify(state), '--package', path]).stdout.split('\n');

  test('opened parts of required blocks: how many of each content page’s parts', () => {
    const { path, revision: r } = built('blocks');
    const text = lines({ r, d: '100', o: { 1: '1101000000' } }, path);
    expect(text).toContain('  opened         open: 3 of 10 parts of its required blocks');
    expect(text.filter((line) => line.includes('field'))).toEqual([]);
    expect(JSON.parse(runCli(['inspect', JSON.stringify({ r, d: '100', o: { 1: '1101000000' } }), '--package', path, '--json']).stdout).decoded.opened).toEqual([{ page: 'open', opened: 3, parts: 10 }]);
  });

  test('seat time: the course’s and each page’s with a min-time, against their minimums', () => {
    const { path, revision: r } = built('seat-time');
    const text = lines({ r, d: '1000', t: [750, '0:95'] }, path);
    expect(text).toContain('  seat time      12 min 30 s of 4 min');
    expect(text).toContain('    reading: 1 min 35 s of 3 min');
    expect(text.filter((line) => line.includes('field'))).toEqual([]);
  });

  test('the day the certificate was earned, and a day that does not fit with the decoder’s note', () => {
    const { path, revision: r } = built('scenario-character');
    expect(lines({ r, d: '11', s: { 0: '21' }, c: 20514 }, path)).toContain('  certificate    earned on 2026-03-02');
    const bad = lines({ r, d: '11', c: 'yesterday' }, path);
    expect(bad).toContain('  certificate    not earned yet');
    expect(bad.some((line) => line.startsWith('  note           the day the certificate was earned does not fit'))).toBe(true);
  });
});

describe('mistakes', () => {
  test('a package that is not there: exit 2, a hint, no stack trace', () => {
    const { code, stderr } = runCli(['inspect', zip('nothing.zip')]);
    expect(code).toBe(2);
    expect(stderr).toContain('error There is no package');
    expect(stderr).toContain('hint: Give the path of a zip coursepack built');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('a file that is not a zip given as the package', () => {
    const file = join(tempDir(), 'fake.zip');
    writeFileSync(file, 'not a zip');
    const { code, stderr } = runCli(['inspect', saved(), '--package', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('is not a zip coursepack can read');
  });

  test('nothing to inspect', () => {
    expect(runCli(['inspect']).code).toBe(2);
  });
});
