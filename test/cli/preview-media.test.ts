// `coursepack preview` serves videos and audio as a web server does: in byte ranges (RFC 9110
// 14), which a browser's player asks for to seek, and to read an MP4 whose index is at its end. A
// large file is read from the course's file as it is asked for, never held whole by the preview.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startPreview, type PreviewServer } from '../browser/preview-server';
import { copyFixture } from './run-cli';

let course: string;
let preview: PreviewServer;
let video: Buffer;

beforeAll(async () => {
  course = copyFixture('valid', 'basic');
  // Past the size from which a package streams a file (render/output-file.ts).
  video = Buffer.concat([Buffer.from('00000018667479706973666d0000020069736f6d69736f32', 'hex'), randomBytes(9 * 1024 * 1024)]);
  writeFileSync(join(course, 'assets/clip.mp4'), video);
  writeFileSync(join(course, 'assets/clip.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n');
  const yaml = readFileSync(join(course, 'course.yaml'), 'utf8');
  writeFileSync(join(course, 'course.yaml'), yaml.replace('        caption: The dot.\n', '        caption: The dot.\n    blocks:\n      - { type: video, src: assets/clip.mp4, captions: assets/clip.vtt, title: A clip }\n'));
  preview = await startPreview(course);
});

afterAll(() => {
  preview.server.kill('SIGINT');
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${preview.origin}/course/scorm2004/${path}`, { headers });

test.each([
  ['a large video', 'assets/clip.mp4'],
  ['a small file', 'assets/dot.svg'],
])('%s is served whole or in the byte range asked for', async (_, path) => {
  const bytes = path.endsWith('.mp4') ? video : readFileSync(join(course, path));
  const whole = await get(path);
  expect(whole.status).toBe(200);
  expect(whole.headers.get('accept-ranges')).toBe('bytes');
  expect(whole.headers.get('content-length')).toBe(String(bytes.length));
  expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);

  const part = await get(path, { range: 'bytes=10-29' });
  expect(part.status).toBe(206);
  expect(part.headers.get('content-range')).toBe(`bytes 10-29/${bytes.length}`);
  expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 30))).toBe(true);

  // From a position to the end, and the last bytes (a player reading an MP4's index).
  const rest = await get(path, { range: `bytes=${bytes.length - 5}-` });
  expect(Buffer.from(await rest.arrayBuffer()).equals(bytes.subarray(-5))).toBe(true);
  const last = await get(path, { range: 'bytes=-7' });
  expect(last.headers.get('content-range')).toBe(`bytes ${bytes.length - 7}-${bytes.length - 1}/${bytes.length}`);
  expect(Buffer.from(await last.arrayBuffer()).equals(bytes.subarray(-7))).toBe(true);

  const beyond = await get(path, { range: `bytes=${bytes.length}-` });
  expect(beyond.status).toBe(416);
  expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
});
