// The zip: same input → same bytes, whatever the clock or time zone; never a partial file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import extract from 'extract-zip';
import { PassThrough } from 'node:stream';
import { writeOut, WRITE_FROM_BYTES, writePackage } from '../../../src/package';
import type { OutputFile, StreamedFile } from '../../../src/render/output-file';
import { contentsOf } from '../../support/output-files';

const files: OutputFile[] = [
  { path: 'theme.css', contents: Buffer.from('body { color: black }\n') },
  { path: 'index.html', contents: Buffer.from('<!doctype html><title>x</title>\n') },
  { path: 'assets/logo.svg', contents: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>\n') },
];

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'package-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Builds the fixture course with the CLI in its own process, so the time zone really differs. */
function buildWithCli(out: string, tz: string): Buffer {
  const cli = join(__dirname, '../../../bin/coursepack.js');
  const course = join(__dirname, '../../fixtures/valid/basic');
  execFileSync(process.execPath, [cli, 'build', course, '--target', 'scorm2004', '--out', out], { env: { ...process.env, TZ: tz } });
  return readFileSync(join(out, 'basic-scorm2004.zip'));
}

it('writes the same bytes for the same input, in any order or moment', async () => {
  await writePackage(join(dir, 'a.zip'), files);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await writePackage(join(dir, 'b.zip'), [...files].reverse());
  const a = readFileSync(join(dir, 'a.zip'));
  expect(readFileSync(join(dir, 'b.zip')).equals(a)).toBe(true);
});

it('builds a course twice, in different time zones, into identical packages', () => {
  const first = buildWithCli(join(dir, 'ny'), 'America/New_York');
  const second = buildWithCli(join(dir, 'tokyo'), 'Asia/Tokyo');
  expect(second.equals(first)).toBe(true);
});

it('round-trips every file, sorted by path', async () => {
  const zip = join(dir, 'course.zip');
  await writePackage(zip, files);
  const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
  expect(listing).toEqual(['assets/logo.svg', 'index.html', 'theme.css']);
  const out = join(dir, 'out');
  await extract(zip, { dir: out });
  for (const file of files) expect(readFileSync(join(out, file.path)).equals(contentsOf(file))).toBe(true);
});

it('creates the output folder and replaces an older package in one step', async () => {
  const zip = join(dir, 'nested', 'build', 'course.zip');
  await writePackage(zip, files.slice(0, 1));
  await writePackage(zip, files);
  expect(execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(3);
  expect(readdirSync(join(dir, 'nested', 'build'))).toEqual(['course.zip']);
});

it('makes the output folder again when it was removed between two packages', async () => {
  const folder = join(dir, 'removed', 'build');
  await writePackage(join(folder, 'a.zip'), files);
  rmSync(join(dir, 'removed'), { recursive: true });
  await writePackage(join(folder, 'b.zip'), files);
  expect(readdirSync(folder)).toEqual(['b.zip']);
});

it('leaves neither a zip nor a temp file behind when writing fails', async () => {
  const bad = [...files, { path: 'broken.txt', contents: 42 as unknown as Buffer }];
  await expect(writePackage(join(dir, 'course.zip'), bad)).rejects.toThrow();
  expect(readdirSync(dir)).toEqual([]);
});

it('fails cleanly when the output folder cannot be created', async () => {
  writeFileSync(join(dir, 'a-file'), 'x');
  await expect(writePackage(join(dir, 'a-file', 'course.zip'), files)).rejects.toThrow();
  expect(readdirSync(dir)).toEqual(['a-file']);
});

it("reads a folder once for dead processes' leftovers, not at every package: a catalogue's output folder grows with it", async () => {
  const fs = require('node:fs') as typeof import('node:fs');
  const leftover = join(dir, `.old.zip.${2 ** 22 + 1}.0.tmp`);
  writeFileSync(leftover, 'a killed build');
  const reads = jest.spyOn(fs, 'readdirSync');
  try {
    for (const name of ['a', 'b', 'c', 'd']) await writePackage(join(dir, `${name}.zip`), files);
    expect(reads.mock.calls.filter(([folder]) => folder === dir)).toHaveLength(1);
  } finally {
    reads.mockRestore();
  }
  expect(readdirSync(dir).sort()).toEqual(['a.zip', 'b.zip', 'c.zip', 'd.zip']);
});

it("reads a large file's checksum once while it is unchanged, again once it changes (build --watch renders the course anew on every save)", async () => {
  const fs = require('node:fs') as typeof import('node:fs');
  const source = join(dir, 'clip.mp4');
  writeFileSync(source, Buffer.alloc(3 * 1024 * 1024 + 17, 7));
  // A file changed just now is not trusted by its size and times (racily clean): past that.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const opened = jest.spyOn(fs, 'openSync');
  const checksumReads = () => opened.mock.calls.filter(([path]) => path === source).length;
  // Each build renders the course anew: a StreamedFile of its own for the same file.
  const build = (name: string) => writePackage(join(dir, name), [...files, { path: 'assets/clip.mp4', source }]);
  try {
    for (const name of ['a.zip', 'b.zip', 'c.zip']) await build(name);
    expect(checksumReads()).toBe(1);
    // Rewritten with its size and modification time put back: its ctime still tells.
    const past = fs.statSync(source).mtime;
    writeFileSync(source, Buffer.alloc(3 * 1024 * 1024 + 17, 9));
    utimesSync(source, past, past);
    const readsBefore = checksumReads(); // writeFileSync opens it too
    await build('d.zip');
    expect(checksumReads() - readsBefore).toBe(1);
  } finally {
    opened.mockRestore();
  }
  expect(execFileSync('unzip', ['-p', join(dir, 'd.zip'), 'assets/clip.mp4'], { maxBuffer: 8 * 1024 * 1024 }).equals(readFileSync(source))).toBe(true);
  expect(execFileSync('unzip', ['-p', join(dir, 'c.zip'), 'assets/clip.mp4'], { maxBuffer: 8 * 1024 * 1024 })[0]).toBe(7);
});

it('streams a large file into the zip as the bytes it was rendered with, and refuses one changed since', async () => {
  const source = join(dir, 'clip.mp4');
  writeFileSync(source, Buffer.alloc(3 * 1024 * 1024 + 17, 7));
  const clip: StreamedFile = { path: 'assets/clip.mp4', source };
  const zip = join(dir, 'course.zip');
  const written = await writePackage(zip, [...files, clip]);
  expect(written.bytes).toBe(readFileSync(zip).length);
  expect(execFileSync('unzip', ['-p', zip, 'assets/clip.mp4'], { maxBuffer: 8 * 1024 * 1024 }).equals(readFileSync(source))).toBe(true);

  // Saved again while its packages are written (the course's others share this file's checksum):
  // the zip's header would announce other bytes.
  writeFileSync(source, Buffer.alloc(3 * 1024 * 1024 + 17, 8));
  await expect(writePackage(join(dir, 'changed.zip'), [...files, clip])).rejects.toThrow('assets/clip.mp4 changed while it was being packaged; build again');
  expect(readdirSync(dir).sort()).toEqual(['clip.mp4', 'course.zip']);
});

it('fails a zip only once the block it was writing is written: its file is never closed under a write', async () => {
  // A zip holding a large file writes its blocks as they fill; should the zip fail meanwhile (its
  // source unreadable), the caller closes the file. A write still queued on libuv's threads would
  // then meet a closed descriptor, or the next file opened under the same number.
  const fs = require('node:fs') as typeof import('node:fs');
  const realWriteFile = fs.writeFile;
  const order: string[] = [];
  const writeFile = jest.spyOn(fs, 'writeFile').mockImplementation(((fd: number, data: Buffer, done: (error: Error | null) => void) =>
    realWriteFile(fd, data, (error) => {
      order.push('block written');
      done(error);
    })) as unknown as typeof fs.writeFile);
  const fd = fs.openSync(join(dir, 'large.zip'), 'w');
  try {
    const stream = new PassThrough();
    const written = writeOut(stream, () => fd).catch((error: Error) => order.push(`failed: ${error.message}`));
    stream.write(Buffer.alloc(WRITE_FROM_BYTES, 1));
    stream.destroy(new Error('the source is unreadable'));
    await written;
    expect(order).toEqual(['block written', 'failed: the source is unreadable']);
  } finally {
    writeFile.mockRestore();
    fs.closeSync(fd);
  }
});
