// Save → updated page in `coursepack preview`, and `build --watch`'s rebuild after a save: the
// designer's loop, timed from the moment the file is written to the moment the result is there.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Starts a coursepack command; resolves once its output matches, with a way to read and stop it. */
function start(root, args, cwd, ready) {
  const child = spawn(process.execPath, [join(root, 'bin/coursepack.js'), ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let text = '';
  child.stdout.on('data', (chunk) => (text += chunk));
  child.stderr.on('data', (chunk) => (text += chunk));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const found = ready.exec(text);
      if (found) {
        clearInterval(timer);
        resolve({ found, read: () => text, stop: () => child.kill('SIGINT') });
      }
    }, 10);
    child.on('exit', () => reject(new Error(text)));
  });
}

/** A course of `count` content pages, for the large-course figure. */
export function largeCourse(folder, count) {
  const pages = Array.from({ length: count }, (_, i) => `  - id: page-${i + 1}\n    type: content\n    title: Page ${i + 1}\n    body: |\n      Paragraph ${i + 1} of a long course, with **some** text to render.\n\n      - a point\n      - another point\n`).join('');
  writeFileSync(join(folder, 'course.yaml'), `id: large\ntitle: A large course\nversion: 1.0.0\nlanguage: en\ndescription: ${count} pages.\ncompletion: { require: [all-pages] }\npages:\n${pages}`);
}

/**
 * Ms from writing course.yaml (the first page's title changed) to the frame showing it, over a
 * run of saves: the median of them all, and of the first five (the compiler is still being
 * optimised by V8 then, and the check takes up to twice as long).
 */
export async function saveToPage(root, course, firstTitle, runs) {
  const server = await start(root, ['preview', course, '--port', '0'], course, /Preview: (http:\/\/127\.0\.0\.1:\d+)\//);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.found[1]}/`);
    const heading = () => page.frameLocator('#course').locator('section:not([hidden]) h1');
    // A course with a cover opens on it: Start once; the preview's relaunches resume past it.
    const start = page.frameLocator('#course').getByRole('button', { name: 'Start', exact: true });
    await heading().filter({ hasText: firstTitle }).or(start).waitFor();
    if (await start.isVisible()) await start.click();
    await heading().filter({ hasText: firstTitle }).waitFor();
    const file = join(course, 'course.yaml');
    const original = readFileSync(file, 'utf8');
    const times = [];
    for (let i = 1; i <= runs; i++) {
      const title = `${firstTitle} ${i}`;
      const started = performance.now();
      writeFileSync(file, original.replace(`title: ${firstTitle}`, `title: ${title}`));
      await page.waitForFunction((expected) => document.querySelector('#course')?.contentDocument?.querySelector('section:not([hidden]) h1')?.textContent === expected, title, { polling: 'raf' });
      times.push(performance.now() - started);
    }
    writeFileSync(file, original);
    return { median: median(times), first: median(times.slice(0, 5)) };
  } finally {
    await browser.close();
    server.stop();
  }
}

/** Median ms from a save to `build --watch` saying it rewrote the packages. */
export async function watchRebuild(root, course, firstTitle, runs) {
  const out = mkdtempSync(join(tmpdir(), 'coursepack-bench-watch-'));
  const watcher = await start(root, ['build', course, '--watch', '--out', out], course, /Watching/);
  const file = join(course, 'course.yaml');
  const original = readFileSync(file, 'utf8');
  const times = [];
  try {
    for (let i = 1; i <= runs; i++) {
      const seen = watcher.read().length;
      const started = performance.now();
      writeFileSync(file, original.replace(`title: ${firstTitle}`, `title: ${firstTitle} ${i}`));
      while (!/rebuilt /.test(watcher.read().slice(seen))) await new Promise((resolve) => setTimeout(resolve, 2));
      times.push(performance.now() - started);
    }
  } finally {
    writeFileSync(file, original);
    watcher.stop();
    rmSync(out, { recursive: true, force: true });
  }
  return median(times);
}

/** Copies of the sample course and of a 125-page course, so the bench may edit them. */
export function benchCourses(root) {
  const dir = mkdtempSync(join(tmpdir(), 'coursepack-bench-loop-'));
  const sample = join(dir, 'social-media-policy');
  cpSync(join(root, 'courses/social-media-policy'), sample, { recursive: true });
  const large = join(dir, 'large');
  cpSync(join(root, 'courses/social-media-policy/assets'), join(large, 'assets'), { recursive: true });
  largeCourse(large, 125);
  return { dir, sample, large };
}
