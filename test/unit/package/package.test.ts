// writePackage edge cases (determinism, round trip and basic failures: write-package.test.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePackage } from '../../../src/package';
import type { OutputFile } from '../../../src/render/output-file';

const files: OutputFile[] = [
  { path: 'index.html', contents: Buffer.from('<!doctype html>\n') },
  { path: 'assets/dot.svg', contents: Buffer.from('<svg/>\n') },
];

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'package-edge-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Date and time fields of every local file header: DOS format, so they must not depend on TZ. */
function dosStamps(zip: Buffer): Array<[number, number]> {
  const signature = Buffer.from([0x50, 0x4b, 3, 4]);
  const stamps: Array<[number, number]> = [];
  for (let at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 4)) {
    stamps.push([zip.readUInt16LE(at + 10), zip.readUInt16LE(at + 12)]);
  }
  return stamps;
}

test('every entry is stamped 2000-01-01 00:00:00 (the UTC date, not the local one)', async () => {
  await writePackage(join(dir, 'a.zip'), files);
  const dosDate = ((2000 - 1980) << 9) | (1 << 5) | 1;
  expect(dosStamps(readFileSync(join(dir, 'a.zip')))).toEqual([[0, dosDate], [0, dosDate]]);
});

/** Each entry's name and compression method (0 stored, 8 deflated), from its local header. */
function methods(zip: Buffer): Record<string, number> {
  const signature = Buffer.from([0x50, 0x4b, 3, 4]);
  const found: Record<string, number> = {};
  for (let at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 4)) {
    const nameLength = zip.readUInt16LE(at + 26);
    found[zip.toString('utf8', at + 30, at + 30 + nameLength)] = zip.readUInt16LE(at + 8);
  }
  return found;
}

test('media that are compressed already are stored; text, SVG and PDF are deflated', async () => {
  const media = ['clip.webm', 'clip.MP4', 'photo.jpg', 'chart.png', 'voice.mp3'].map((name) => ({ path: `assets/${name}`, contents: Buffer.alloc(64, 7) }));
  const text = ['policy.pdf', 'captions.vtt'].map((name) => ({ path: `assets/${name}`, contents: Buffer.alloc(64, 7) }));
  await writePackage(join(dir, 'm.zip'), [...files, ...media, ...text]);
  const zip = readFileSync(join(dir, 'm.zip'));
  expect(methods(zip)).toEqual({
    'assets/captions.vtt': 8,
    'assets/chart.png': 0,
    'assets/clip.MP4': 0,
    'assets/clip.webm': 0,
    'assets/dot.svg': 8,
    'assets/photo.jpg': 0,
    'assets/policy.pdf': 8,
    'assets/voice.mp3': 0,
    'index.html': 8,
  });
  // A stored entry is its bytes as they are.
  expect(zip.includes(Buffer.alloc(64, 7))).toBe(true);
});

test.each([['../evil.txt'], ['/etc/passwd'], ['a//b'], ['a\\b'], ['./x'], ['']])('rejects the unsafe path %j and writes nothing', async (path) => {
  await expect(writePackage(join(dir, 'out', 'c.zip'), [...files, { path, contents: Buffer.from('x') }])).rejects.toThrow(/invalid path/);
  expect(readdirSync(dir)).toEqual([]);
});

test('rejects a path listed twice', async () => {
  await expect(writePackage(join(dir, 'c.zip'), [...files, files[0]!])).rejects.toThrow(/twice/);
  expect(readdirSync(dir)).toEqual([]);
});

test('concurrent writes of the same package do not trip over each other', async () => {
  const zip = join(dir, 'c.zip');
  await Promise.all([writePackage(zip, files), writePackage(zip, files), writePackage(zip, files)]);
  expect(readdirSync(dir)).toEqual(['c.zip']);
});

test('a leftover temp file with this pid (a dead process) does not block the build', async () => {
  // The temp name is .<name>.<pid>.<n>.tmp with a per-call counter: occupy the next ones.
  const stale = Array.from({ length: 200 }, (_, n) => `.c.zip.${process.pid}.${n}.tmp`);
  for (const name of stale) writeFileSync(join(dir, name), 'partial');
  await writePackage(join(dir, 'c.zip'), files);
  const left = readdirSync(dir);
  expect(left).toContain('c.zip');
  expect(left).toHaveLength(stale.length); // the one it reused was replaced by the zip
});

test('a failure keeps an older package untouched', async () => {
  const zip = join(dir, 'c.zip');
  await writePackage(zip, files);
  const before = readFileSync(zip);
  await expect(writePackage(zip, [{ path: 'x', contents: 'text' as unknown as Buffer }])).rejects.toThrow();
  expect(readFileSync(zip).equals(before)).toBe(true);
  expect(readdirSync(dir)).toEqual(['c.zip']);
});
