// `coursepack build --watch`: builds, then rebuilds only the course whose files change, keeps
// the last packages when a save breaks the course, and stops cleanly on Ctrl-C.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
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

/** Starts `coursepack build --watch …` in `root`; its output so far, and a way to stop it. */
function watching(root: string, args: string[]): { read: () => string; stop: () => Promise<number | null> } {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/coursepack.js'), 'build', '--watch', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { read: () => text, stop: () => (child.kill('SIGINT'), exited) };
}

test('build --watch --lang en rewrites the English packages only', async () => {
  const root = tempDir();
  cpSync(join(repoRoot, 'courses/social-media-policy'), join(root, 'courses', 'social-media-policy'), { recursive: true });
  const run = watching(root, ['--lang', 'en', '--target', 'scorm12', '--out', 'build']);
  try {
    await waitFor(run.read, /Watching/, 0);
    const file = join(root, 'courses/social-media-policy/course.yaml');
    const seen = run.read().length;
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# saved\n`);
    await waitFor(run.read, /rebuilt build\/social-media-policy-\{en\}-\{scorm12\}\.zip/, seen);
    expect(existsSync(join(root, 'build/social-media-policy-en-scorm12.zip'))).toBe(true);
    expect(existsSync(join(root, 'build/social-media-policy-de-scorm12.zip'))).toBe(false);
  } finally {
    expect(await run.stop()).toBe(0);
  }
});

test('build --watch builds a course added to the folder it watches, and refuses one with the id of another', async () => {
  const root = tempDir();
  cpSync(join(repoRoot, 'test/fixtures/valid/basic'), join(root, 'courses', 'basic'), { recursive: true });
  const run = watching(root, ['--target', 'scorm12', '--out', 'build']);
  // Put in place whole, as a checkout or a move does (a copy in progress is a course with errors until it ends).
  const add = (fixture: string, name: string): void => {
    cpSync(join(repoRoot, 'test/fixtures/valid', fixture), join(root, name), { recursive: true });
    renameSync(join(root, name), join(root, 'courses', name));
  };
  try {
    await waitFor(run.read, /Watching/, 0);
    let seen = run.read().length;
    add('question-types', 'quiz');
    await waitFor(run.read, /built build\/question-types-\{scorm12\}\.zip/, seen);
    expect(existsSync(join(root, 'build/question-types-scorm12.zip'))).toBe(true);

    // A copy of basic keeps its id: its packages would overwrite basic's.
    const basic = statSync(join(root, 'build/basic-scorm12.zip')).mtimeMs;
    seen = run.read().length;
    add('basic', 'copy');
    const refused = await waitFor(run.read, /courses\/copy: has errors; nothing was written/, seen);
    expect(refused).toMatch(/courses\/copy\/course\.yaml:\d+:\d+ error .*\[duplicate-course-id\]/);
    expect(refused).toContain('courses/basic/course.yaml');
    expect(statSync(join(root, 'build/basic-scorm12.zip')).mtimeMs).toBe(basic);

    // The course added is watched as the others are.
    seen = run.read().length;
    const file = join(root, 'courses/quiz/course.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# saved\n`);
    await waitFor(run.read, /rebuilt build\/question-types-\{scorm12\}\.zip/, seen);
  } finally {
    expect(await run.stop()).toBe(0);
  }
});

test('build --watch with its output folder inside the course rebuilds once a save, not on its own packages', async () => {
  const root = tempDir();
  cpSync(join(repoRoot, 'test/fixtures/valid/basic'), join(root, 'basic'), { recursive: true });
  const run = watching(root, ['basic', '--target', 'scorm12', '--out', 'basic/build']);
  try {
    await waitFor(run.read, /Watching/, 0);
    const file = join(root, 'basic/course.yaml');
    const seen = run.read().length;
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# saved\n`);
    await waitFor(run.read, /rebuilt basic\/build\/basic-\{scorm12\}\.zip/, seen);
    // Writing the package into the watched folder set off a rebuild, which wrote it again, for ever
    // (dozens a second). One save is one rebuild, or two on a machine slow enough to see the
    // write's two events (truncate, then the bytes) further apart than the settling time.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(run.read().slice(seen).match(/rebuilt/g)?.length).toBeLessThanOrEqual(2);
  } finally {
    expect(await run.stop()).toBe(0);
  }
});
