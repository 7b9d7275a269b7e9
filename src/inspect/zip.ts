// Reads the files of a zip into memory: enough for the packages coursepack and authoring tools
// write (stored or deflated entries, no zip64, no encryption), read from the central directory
// (APPNOTE.TXT 4.3.12, 4.3.16) so sizes written after the data (bit 3) are known.
import { crc32, inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export class NotAZip extends Error {}

function endOfDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65535); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new NotAZip('no end of central directory: not a zip file');
}

const damaged = (name: string) => new NotAZip(`${name} is damaged: its size or checksum is not what the zip says`);

function inflated(data: Buffer, name: string): Buffer {
  try {
    return inflateRawSync(data);
  } catch {
    throw damaged(name);
  }
}

/** Every file of the zip by path (folders left out), each checked against its size and CRC-32. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const end = endOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new NotAZip('a broken central directory');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new NotAZip(`a broken entry, ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    if (method !== 0 && method !== 8) throw new NotAZip(`${name} is compressed in a way coursepack does not read (method ${method})`);
    const contents = method === 8 ? inflated(data, name) : Buffer.from(data);
    if (contents.length !== size || crc32(contents) >>> 0 !== crc) throw damaged(name);
    files.set(name, contents);
  }
  return files;
}
