// LMS profiles and targets from the command line and course.yaml, as a user builds: which zips
// are written, the warnings at their keys, and the build cache keyed on --lms.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, repoRoot, runCli, tempDir } from './run-cli';

function setup(yaml = '') {
  const course = copyFixture('valid', 'basic');
  if (yaml) appendFileSync(join(course, 'course.yaml'), yaml);
  const out = tempDir();
  const env = { COURSEPACK_CACHE_DIR: tempDir() };
  const build = (...extra: string[]) => runCli(['build', course, '--out', out, ...extra], repoRoot, env);
  return { course, out, build };
}

/** Each package's line: "built" or "unchanged", by target. */
const verdicts = (stdout: string) => Object.fromEntries([...stdout.matchAll(/^(built|unchanged) \S*basic-([\w-]+)\.zip/gm)].map((m) => [m[2], m[1]]));

test('lms: in course.yaml builds what that LMS takes (Docebo: SCORM 2004 3rd Edition only)', () => {
  const { out, build } = setup('lms: docebo\n');
  const { code, stdout } = build();
  expect(code).toBe(0);
  expect(verdicts(stdout)).toEqual({ 'scorm2004-3rd': 'built' });
  expect(readdirSync(out)).toEqual(['basic-scorm2004-3rd.zip']);
});

test('targets: in course.yaml, and --target over it', () => {
  const { build } = setup('targets: [scorm12, scorm2004-3rd]\n');
  expect(verdicts(build().stdout)).toEqual({ scorm12: 'built', 'scorm2004-3rd': 'built' });
  expect(verdicts(build('--target', 'cmi5').stdout)).toEqual({ cmi5: 'built' });
});

test('Cornerstone with SCORM 1.2 and report: passed-failed: the warning at the report key, with a code frame and the fix', () => {
  const { build } = setup();
  const { code, stderr } = build('--lms', 'cornerstone', '--target', 'scorm12');
  expect(code).toBe(0);
  expect(stderr).toMatch(/course\.yaml:12:11 warning Cornerstone keeps failed SCORM 1\.2 courses In Progress: with report: passed-failed a learner below the passing score is never shown as failed there\. \[lms-failed-not-shown\]\n/);
  expect(stderr).toContain('> 12 |   report: passed-failed');
  expect(stderr).toContain('hint: Use report: completed-incomplete (or passed-incomplete), or a SCORM 2004 package.');
});

test('the build cache: an unchanged course for the same --lms is left as it is; another --lms rebuilds', () => {
  const { build } = setup();
  expect(verdicts(build('--lms', 'docebo').stdout)).toEqual({ 'scorm2004-3rd': 'built' });
  expect(verdicts(build('--lms', 'docebo').stdout)).toEqual({ 'scorm2004-3rd': 'unchanged' });
  // Cornerstone also builds scorm2004-3rd, but with sequencing: a new package.
  expect(verdicts(build('--lms', 'cornerstone').stdout)).toEqual({ 'scorm2004-3rd': 'built' });
  expect(verdicts(build().stdout)).toEqual({ scorm12: 'built', scorm2004: 'built', xapi: 'built', cmi5: 'built' });
  expect(verdicts(build().stdout)).toEqual({ scorm12: 'unchanged', scorm2004: 'unchanged', xapi: 'unchanged', cmi5: 'unchanged' });
});

test('an unknown --lms: exit 2 with a did-you-mean and the list', () => {
  const { code, stderr } = runCli(['build', join(repoRoot, 'test/fixtures/valid/basic'), '--lms', 'sucessfactors', '--out', tempDir()]);
  expect(code).toBe(2);
  expect(stderr).toContain('error Unknown LMS "sucessfactors". Did you mean "successfactors"? [usage]');
  expect(stderr).toContain('hint: LMSs: cornerstone, successfactors,');
});
