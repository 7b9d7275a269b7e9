import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '../..');
const bin = join(repoRoot, 'bin/coursepack.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs coursepack as a user does: a separate node process (`env` adds to the environment; `tool` is another copy's bin). */
export function runCli(args: string[], cwd = repoRoot, env: Record<string, string> = {}, tool = bin): CliResult {
  const result = spawnSync(process.execPath, [tool, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'coursepack-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A scratch copy of a fixture course, so a test may change it. */
export function copyFixture(kind: 'valid' | 'invalid', name: string): string {
  const dir = join(tempDir(), name);
  cpSync(join(repoRoot, 'test/fixtures', kind, name), dir, { recursive: true });
  return dir;
}
