// How `coursepack preview` serves a course to the browser: the tool's own files (runtime, theme)
// under their content hash, kept by the browser without asking again; the course's files (the
// page, images) revalidated, so a save is never hidden behind a cache.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPreview, type PreviewServer } from '../browser/preview-server';
import { copyFixture } from './run-cli';

let course: string;
let preview: PreviewServer;

beforeAll(async () => {
  course = copyFixture('valid', 'basic');
  preview = await startPreview(course);
});

afterAll(() => {
  preview.server.kill('SIGINT');
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${preview.origin}/course/scorm12/${path}`, { headers });

test('the page links the runtime and the theme by their content, and those URLs are cached for good', async () => {
  const page = await (await get('index.html')).text();
  const runtime = /<script src="coursepack\.js\?v=([\w-]+)"><\/script>/.exec(page);
  const theme = /<link rel="stylesheet" href="theme\.css\?v=([\w-]+)">/.exec(page);
  expect(runtime).not.toBeNull();
  expect(theme).not.toBeNull();

  for (const [path, found] of [['coursepack.js', runtime], ['theme.css', theme]] as const) {
    const pinned = await get(`${path}?v=${found![1]}`);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const plain = await get(path);
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    expect(await pinned.text()).toBe(await plain.text());
    // Another hash is not these bytes: it is served, but never kept without asking.
    expect((await get(`${path}?v=stale`)).headers.get('cache-control')).toBe('no-cache');
  }
});

test('course files are revalidated: unchanged is 304, a saved change is the new bytes at once', async () => {
  const image = await get('assets/logo.svg');
  const etag = image.headers.get('etag')!;
  expect(image.headers.get('cache-control')).toBe('no-cache');
  expect((await get('assets/logo.svg', { 'if-none-match': etag })).status).toBe(304);

  const file = join(course, 'assets/logo.svg');
  const changed = readFileSync(file, 'utf8').replace('</svg>', '<!-- saved --></svg>');
  writeFileSync(file, changed);
  let answer: Response;
  const end = Date.now() + 15000;
  do {
    await new Promise((resolve) => setTimeout(resolve, 50));
    answer = await get('assets/logo.svg', { 'if-none-match': etag });
  } while (answer.status === 304 && Date.now() < end);
  expect(answer.status).toBe(200);
  expect(await answer.text()).toBe(changed);
  expect(answer.headers.get('etag')).not.toBe(etag);
});
