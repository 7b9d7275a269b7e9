// `coursepack preview` as a subprocess, as a designer starts it, on a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../cli/run-cli';

export interface PreviewServer {
  server: ChildProcess;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Everything the preview printed so far (stdout and stderr). */
  output(): string;
}

export function startPreview(course: string): Promise<PreviewServer> {
  const server = spawn(process.execPath, [join(repoRoot, 'bin/coursepack.js'), 'preview', course, '--port', '0'], { env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  return new Promise<PreviewServer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 20000);
    let started = false;
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Preview: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (found && !started) {
        started = true;
        clearTimeout(timer);
        resolve({ server, origin: found[1]!, output: () => output });
      }
    };
    server.stdout!.on('data', read);
    server.stderr!.on('data', read);
  });
}
