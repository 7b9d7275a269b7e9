// `coursepack preview` as a subprocess, as a designer starts it: its origin once it listens.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../cli/run-cli';

export interface PreviewServer {
  process: ChildProcess;
  origin: string;
  /** Everything it printed so far. */
  output(): string;
}

export async function startPreview(course: string): Promise<PreviewServer> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/coursepack.js'), 'preview', course, '--port', '0'], { env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 20000);
    child.stdout!.on('data', () => {
      const found = /Preview: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    });
  });
  return { process: child, origin, output: () => output };
}
