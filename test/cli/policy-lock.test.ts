// policy-versions.lock (issue 12): the build records each policy document's SHA-256 by version,
// and warns, at the version key, when the document changes while the version stays the same.
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, repoRoot, runCli, tempDir } from './run-cli';

function setup() {
  const course = copyFixture('valid', 'policy');
  rmSync(join(course, 'policy-versions.lock'), { force: true });
  const out = tempDir();
  const env = { COURSEPACK_CACHE_DIR: tempDir() };
  const build = () => runCli(['build', course, '--out', out, '--target', 'scorm12'], repoRoot, env);
  return { course, build, lock: () => readFileSync(join(course, 'policy-versions.lock'), 'utf8') };
}

const hashLine = (lock: string, version: string) => lock.match(new RegExp(`^  "${version.replace('.', '\\.')}": ([0-9a-f]{64})$`, 'm'))?.[1];

test('the first build writes the lock; a changed document under the same version warns at the version and keeps the recorded hash', () => {
  const { course, build, lock } = setup();
  const first = build();
  expect(first.code).toBe(0);
  expect(first.stderr).not.toContain('policy-changed');
  expect(existsSync(join(course, 'policy-versions.lock'))).toBe(true);
  const recorded = hashLine(lock(), '2.1');
  expect(recorded).toMatch(/^[0-9a-f]{64}$/);

  appendFileSync(join(course, 'assets/policy.pdf'), '% a new paragraph\n');
  const changed = build();
  // A warning: the package is still built.
  expect(changed.code).toBe(0);
  expect(changed.stdout).toMatch(/^built \S*policy-scorm12\.zip/m);
  expect(changed.stderr).toContain('policy/course.yaml:19:16 warning The policy document "assets/policy.pdf" has changed since version 2.1 was built');
  expect(changed.stderr).toContain('[policy-changed]');
  expect(changed.stderr).toContain('Raise "version" when the policy changes');
  expect(changed.stderr).not.toMatch(/\n\s+at /);
  expect(hashLine(lock(), '2.1')).toBe(recorded);
});

test('raising the version records the new hash next to the old one, without a warning', () => {
  const { course, build, lock } = setup();
  expect(build().code).toBe(0);
  appendFileSync(join(course, 'assets/policy.pdf'), '% a new paragraph\n');
  const yaml = join(course, 'course.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('version: "2.1"', 'version: "2.2"'));
  const raised = build();
  expect(raised.code).toBe(0);
  expect(raised.stderr).not.toContain('policy-changed');
  expect(hashLine(lock(), '2.1')).toMatch(/^[0-9a-f]{64}$/);
  expect(hashLine(lock(), '2.2')).toMatch(/^[0-9a-f]{64}$/);
  expect(hashLine(lock(), '2.2')).not.toBe(hashLine(lock(), '2.1'));
});

test('the warning comes again at every build until the version is raised or its line deleted, the course unchanged or not', () => {
  const { course, build, lock } = setup();
  expect(build().code).toBe(0);
  appendFileSync(join(course, 'assets/policy.pdf'), '% a new paragraph\n');
  expect(build().stderr).toContain('[policy-changed]');
  // Nothing changed since: the package is left as it is, and the warning still stands, at its place.
  const again = build();
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/^unchanged \S*policy-scorm12\.zip/m);
  expect(again.stderr).toContain('policy/course.yaml:19:16 warning The policy document "assets/policy.pdf" has changed since version 2.1 was built');
  expect(again.stderr).toContain('version: "2.1"');
  // The text of the policy did not change after all: deleting the version's line accepts the file.
  writeFileSync(join(course, 'policy-versions.lock'), lock().replace(/^ {2}"2\.1": [0-9a-f]{64}\n/m, ''));
  const accepted = build();
  expect(accepted.code).toBe(0);
  expect(accepted.stderr).not.toContain('policy-changed');
  expect(hashLine(lock(), '2.1')).toMatch(/^[0-9a-f]{64}$/);
  expect(build().stderr).not.toContain('policy-changed');
});
