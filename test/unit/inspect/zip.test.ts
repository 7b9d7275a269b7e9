// readZip (coursepack inspect's zip reader) refuses an entry whose bytes are not what the zip says.
import { buffer } from 'node:stream/consumers';
import archiver from 'archiver';
import { NotAZip, readZip } from '../../../src/inspect/zip';

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
