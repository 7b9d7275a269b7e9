// Ctrl-C in the middle of a build: no temporary zip is left for CI globs to pick up, and the
// leftovers of a build that was killed outright are removed by the next one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from './run-cli';

const basic = join(repoRoot, 'test/fixtures/valid/basic');
const bin = join(repoRoot, 'bin/coursepack.js');

/**
 * Starts a build that stops once its temporary zip is written (the test-only hold of
 * COURSEPACK_HOLD_BEFORE_RENAME), and resolves with the temporary file's path at that moment:
 * an event, not a guess at timing.
 */
function heldBuild(out: string) {
  const child = spawn(process.execPath, [bin, 'build', basic, '--target', 'scorm12', '--out', out], {
    env: { ...process.env, NO_COLOR: '1', COURSEPACK_HOLD_BEFORE_RENAME: '1' },
  });
  let stderr = '';
  const held = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const path = /holding (\S+\.tmp)\n/.exec(stderr)?.[1];
      if (path) resolve(path);
    });
    child.on('exit', () => reject(new Error(`the build ended before holding: ${stderr}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, held, exited };
}

test.each(['SIGINT', 'SIGTERM'] as const)('%s during a build removes the temporary zip; the process dies of the signal', async (signal) => {
  const out = tempDir();
  const build = heldBuild(out);
  const temp = await build.held;
  expect(existsSync(temp)).toBe(true);
  expect(readdirSync(out)).toEqual([temp.split('/').pop()]);
  build.child.kill(signal);
  expect(await build.exited).toEqual({ code: null, signal });
  expect(readdirSync(out)).toEqual([]);
});

/** The pid of a process that has ended, so a temp file named by it is surely a leftover. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

test("a build removes temporary zips of builds that died, and leaves others' files alone", () => {
  const out = tempDir();
  const dead = deadPid();
  const stale = [`.basic-scorm12.zip.${dead}.0.tmp`, `.other-course-cmi5.zip.${dead}.7.tmp`];
  // A live build's temp file (this test's own process), and files coursepack did not write.
  const kept = [`.basic-scorm2004.zip.${process.pid}.0.tmp`, '.basic-scorm12.zip.tmp', `basic-scorm12.zip.${dead}.0.tmp`, 'notes.tmp', `.report.pdf.${dead}.0.tmp`];
  for (const name of [...stale, ...kept]) writeFileSync(join(out, name), 'x');
  const result = spawnSync(process.execPath, [bin, 'build', basic, '--target', 'scorm12', '--out', out], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  expect(readdirSync(out).sort()).toEqual([...kept, 'basic-scorm12.zip'].sort());
});

test.each(['SIGINT', 'SIGTERM'] as const)('%s during a catalogue build on workers removes every worker temporary zip', async (signal) => {
  const root = tempDir();
  const out = join(root, 'out');
  for (const id of ['one', 'two']) {
    require('node:fs').cpSync(basic, join(root, 'catalogue', id), { recursive: true });
    const file = join(root, 'catalogue', id, 'course.yaml');
    writeFileSync(file, require('node:fs').readFileSync(file, 'utf8').replace(/^id: basic$/m, `id: ${id}`));
  }
  const child = spawn(process.execPath, [bin, 'build', join(root, 'catalogue'), '--target', 'scorm12', '--out', out, '--jobs', '2'], {
    env: { ...process.env, NO_COLOR: '1', COURSEPACK_HOLD_BEFORE_RENAME: '1', CI: '1' },
  });
  let stderr = '';
  // Both workers hold their temporary zip: an event, not a guess at timing.
  const held = new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if ((stderr.match(/holding \S+\.tmp\n/g) ?? []).length === 2) resolve();
    });
    child.on('exit', () => reject(new Error(`the build ended before holding: ${stderr}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  await held;
  expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toHaveLength(2);
  child.kill(signal);
  expect(await exited).toEqual({ code: null, signal });
  expect(readdirSync(out)).toEqual([]);
  expect(stderr).not.toContain('internal');
}, 60000);
