// The zip format that deflates each Buffer once (src/package/zip-format.ts) against archiver's own
// zip: the same entries must give the same bytes, whatever was deflated before.
import { randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import archiver from 'archiver';
import { readZip } from '../../../src/inspect/zip';
import { createZip, sharesStart } from '../../../src/package/zip-format';

const DATE = new Date(Date.UTC(2000, 0, 1));

interface Entry {
  name: string;
  contents: Buffer;
  store?: boolean;
}

async function zipped(archive: archiver.Archiver, entries: readonly Entry[]): Promise<Buffer> {
  const bytes = buffer(archive);
  for (const { name, contents, store } of entries) archive.append(contents, { name, date: DATE, mode: 0o644, store: store ?? false });
  await archive.finalize();
  return bytes;
}

/** Text that deflates well and spans several of zlib's 16 KB output chunks. */
const page = Buffer.from(Array.from({ length: 4000 }, (_, i) => `<p class="block">Paragraph ${i} of the policy, in words.</p>\n`).join(''));
const noise = randomBytes(70_000);

const entries: Entry[] = [
  { name: 'assets/empty.txt', contents: Buffer.alloc(0) },
  { name: 'assets/noise.bin', contents: noise },
  { name: 'assets/clip.webm', contents: noise.subarray(0, 5000), store: true },
  { name: 'index.html', contents: page },
  { name: 'tiny.css', contents: Buffer.from('a{}') },
];

test.each([1, 6, 9])('writes, byte for byte, the zip archiver writes with its own deflate (level %i)', async (level) => {
  const expected = await zipped(archiver('zip', { zlib: { level } }), entries);
  expect(await zipped(createZip(archiver, { zlib: { level } }), entries)).toEqual(expected);
});

test('a Buffer deflated for one zip is deflated at the level of the next one that asks', async () => {
  await zipped(createZip(archiver, { zlib: { level: 1 } }), entries);
  const again = await zipped(createZip(archiver, { zlib: { level: 9 } }), entries);
  expect(again).toEqual(await zipped(archiver('zip', { zlib: { level: 9 } }), entries));
});

test('the same Buffer in two zips, between other files, gives each zip its own right offsets', async () => {
  const first = await zipped(createZip(archiver, { zlib: { level: 6 } }), entries);
  const second = [{ name: 'a-first.txt', contents: Buffer.from('moves every offset after it') }, ...entries];
  expect(await zipped(createZip(archiver, { zlib: { level: 6 } }), second)).toEqual(await zipped(archiver('zip', { zlib: { level: 6 } }), second));
  expect(first).toEqual(await zipped(archiver('zip', { zlib: { level: 6 } }), entries));
});

test('a start shared by the same file of several zips is deflated once, and each zip still inflates to its own bytes', async () => {
  const start = page.subarray(0, 150_000);
  const editions = ['scorm12', 'cmi5'].map((target) => Buffer.concat([start, Buffer.from(`<script>${JSON.stringify({ target, pages: [1, 2, 3] })}</script>`), page.subarray(150_000, 151_000)]));
  for (const contents of editions) {
    sharesStart(contents, start);
    const zip = await zipped(createZip(archiver, { zlib: { level: 6 } }), [...entries, { name: 'page.html', contents }]);
    expect(readZip(zip).get('page.html')).toEqual(contents);
    // As small as the page deflated whole, within a few bytes (the sync flush's empty block).
    const whole = (await zipped(archiver('zip', { zlib: { level: 6 } }), [...entries, { name: 'page.html', contents }])).length;
    expect(Math.abs(zip.length - whole)).toBeLessThan(16);
  }
});

test('a start the file does not begin with is not taken', async () => {
  const contents = Buffer.from('<p>not the start</p>');
  sharesStart(contents, Buffer.from('<p>other'));
  expect(await zipped(createZip(archiver, { zlib: { level: 6 } }), [{ name: 'a.html', contents }])).toEqual(await zipped(archiver('zip', { zlib: { level: 6 } }), [{ name: 'a.html', contents }]));
});
