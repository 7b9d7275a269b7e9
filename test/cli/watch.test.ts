// `coursepack build --watch`: builds, then rebuilds only the course whose files change, keeps
// the last packages when a save breaks the course, and stops cleanly on Ctrl-C.
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from './run-cli';

/** Waits until the process has printed text matching `pattern` (after what was seen already). */
function waitFor(read: () => string, pattern: RegExp, from: number, timeoutMs = 20000): Promise<string> {
  return new Promise((resolve, reject) => {
    const end = Date.now() + timeoutMs;
    const check = (): void => {
      const text = read().slice(from);
      if (pattern.test(text)) return resolve(text);
      if (Date.now() > end) return reject(new Error(`no ${pattern} in:\n${read()}`));
      setTimeout(check, 50);
    };
    check();
  });
}

test('build --watch rebuilds the course that changed, and only it', async () => {
  const root = tempDir();
  for (const name of ['basic', 'question-types']) cpSync(join(repoRoot, 'test/fixtures/valid', name), join(root, 'courses', name), { recursive: true });
  const out = join(root, 'build');
  const child = spawn(process.execPath, [join(repoRoot, 'bin/coursepack.js'), 'build', '--watch', '--target', 'scorm12', '--out', out], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const read = () => text;
  try {
    await waitFor(read, /Watching 2 courses/, 0);
    expect(text).toContain('built build/basic-scorm12.zip');
    expect(text).toContain('built build/question-types-scorm12.zip');
    const before = statSync(join(out, 'question-types-scorm12.zip')).mtimeMs;

    const file = join(root, 'courses/basic/course.yaml');
    let seen = text.length;
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Basic course & friends', 'title: Basic course, renamed'));
    const rebuilt = await waitFor(read, /rebuilt build\/basic-\{scorm12\}\.zip in \d+ ms/, seen);
    expect(rebuilt).not.toContain('question-types');
    expect(statSync(join(out, 'question-types-scorm12.zip')).mtimeMs).toBe(before);

    seen = text.length;
    const good = statSync(join(out, 'basic-scorm12.zip')).mtimeMs;
    writeFileSync(file, readFileSync(file, 'utf8').replace('passing-score: 70', 'passing-score: 700'));
    await waitFor(read, /courses\/basic: has errors; nothing was written; the last packages stay\./, seen);
    expect(text.slice(seen)).toMatch(/course\.yaml:\d+:\d+ error/);
    expect(statSync(join(out, 'basic-scorm12.zip')).mtimeMs).toBe(good);
  } finally {
    child.kill('SIGINT');
  }
  const code = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
  expect(code).toBe(0);
});

test('build --watch sees every save an editor makes by renaming a new file over the old one', async () => {
  const root = tempDir();
  cpSync(join(repoRoot, 'test/fixtures/valid/basic'), join(root, 'courses', 'basic'), { recursive: true });
  const child = spawn(process.execPath, [join(repoRoot, 'bin/coursepack.js'), 'build', '--watch', '--target', 'scorm12', '--out', join(root, 'build')], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const read = () => text;
  try {
    await waitFor(read, /Watching/, 0);
    for (const [i, file] of ['course.yaml', 'course.yaml', 'pools/check.yaml', 'course.yaml'].entries()) {
      const path = join(root, 'courses/basic', file);
      const seen = text.length;
      // As vim, VS Code and most editors save: a new file, renamed over the old one.
      writeFileSync(`${path}.tmp`, `${readFileSync(path, 'utf8')}\n# save ${i}\n`);
      renameSync(`${path}.tmp`, path);
      await waitFor(read, /rebuilt build\/basic-\{scorm12\}\.zip/, seen);
    }
  } finally {
    child.kill('SIGINT');
  }
});
