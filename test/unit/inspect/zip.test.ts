// readZip (coursepack inspect's zip reader) refuses an entry whose bytes are not what the zip says.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import archiver from 'archiver';
import { NotAZip, readZip, readZipFile } from '../../../src/inspect/zip';
import { writePackage } from '../../../src/package';
import { STREAMED_FROM_BYTES } from '../../../src/render/output-file';

async function zip(store: boolean): Promise<Buffer> {
  const archive = archiver('zip', { zlib: { level: 6 } });
  const bytes = buffer(archive);
  archive.append(Buffer.from('suspend data: 3 pages seen, 2 answered '.repeat(20)), { name: 'data.txt', store });
  await archive.finalize();
  return bytes;
}

test.each([true, false])('reads an intact zip, and refuses one with a damaged entry (stored: %s)', async (store) => {
  const intact = await zip(store);
  expect(readZip(intact).get('data.txt')?.toString()).toContain('3 pages seen');
  const damaged = Buffer.from(intact);
  // A byte of the entry's data, in the middle of it: after its local header (30 bytes and the name).
  const at = 30 + 'data.txt'.length + 10;
  damaged[at] = damaged[at]! ^ 0x01;
  expect(() => readZip(damaged)).toThrow(NotAZip);
});

test('a package file with a large stored file (a video): every file checked, the large one in pieces and not kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'inspect-zip-'));
  try {
    const source = join(dir, 'clip.mp4');
    writeFileSync(source, randomBytes(STREAMED_FROM_BYTES + 5));
    const path = join(dir, 'course.zip');
    await writePackage(path, [{ path: 'index.html', contents: Buffer.from('<!doctype html><title>x</title>') }, { path: 'assets/clip.mp4', source }]);
    const { kept, count } = readZipFile(path);
    expect(count).toBe(2);
    expect([...kept.keys()]).toEqual(['index.html']);

    // A byte in the middle of the video: its checksum, taken piece by piece, no longer matches.
    const fd = openSync(path, 'r+');
    const at = 30 + 'assets/clip.mp4'.length + Math.floor(STREAMED_FROM_BYTES / 2);
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, at);
    writeSync(fd, Buffer.from([byte[0]! ^ 0x01]), 0, 1, at);
    closeSync(fd);
    expect(() => readZipFile(path)).toThrow('assets/clip.mp4 is damaged');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
