// Reads the files of a zip into memory: enough for the packages coursepack and authoring tools
// write (stored or deflated entries, no zip64, no encryption), read from the central directory
// (APPNOTE.TXT 4.3.12, 4.3.16) so sizes written after the data (bit 3) are known.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32, inflateRawSync } from 'node:zlib';
import { STREAM_CHUNK_BYTES, STREAMED_FROM_BYTES } from '../render/output-file';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export class NotAZip extends Error {}

/** The zip's bytes, from memory or from its file (read where asked, never whole). */
interface ZipBytes {
  size: number;
  read(at: number, length: number): Buffer;
}

function endOfDirectory(zip: ZipBytes): { at: number; record: Buffer } {
  // The record is 22 bytes plus a comment of at most 65535.
  const from = Math.max(0, zip.size - 22 - 65535);
  const tail = zip.read(from, zip.size - from);
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === END_OF_DIRECTORY) return { at: from + at, record: tail.subarray(at) };
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
  return readEntries({ size: zip.length, read: (at, length) => zip.subarray(at, at + length) }, Infinity).kept;
}

/**
 * The zip at `path`, each file checked as readZip does; files of STREAMED_FROM_BYTES or more (a
 * video) are checked in pieces and not kept: read whole, inspecting a package with a 190 MB video
 * held 425 MiB. `count`: every file of the zip, kept or not.
 */
export function readZipFile(path: string): { kept: Map<string, Buffer>; count: number } {
  const fd = openSync(path, 'r');
  try {
    const read = (at: number, length: number): Buffer => {
      const bytes = Buffer.alloc(length);
      return bytes.subarray(0, readSync(fd, bytes, 0, length, at));
    };
    return readEntries({ size: fstatSync(fd).size, read }, STREAMED_FROM_BYTES);
  } finally {
    closeSync(fd);
  }
}

function readEntries(zip: ZipBytes, keepBelow: number): { kept: Map<string, Buffer>; count: number } {
  const end = endOfDirectory(zip);
  const count = end.record.readUInt16LE(10);
  const directory = zip.read(end.record.readUInt32LE(16), end.record.readUInt32LE(12));
  let at = 0;
  const kept = new Map<string, Buffer>();
  let files = 0;
  for (let i = 0; i < count; i++) {
    if (directory.length < at + 46 || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new NotAZip('a broken central directory');
    const method = directory.readUInt16LE(at + 10);
    const crc = directory.readUInt32LE(at + 16);
    const compressed = directory.readUInt32LE(at + 20);
    const size = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const local = directory.readUInt32LE(at + 42);
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    if (name.endsWith('/')) continue;
    files++;
    const header = zip.read(local, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw new NotAZip(`a broken entry, ${name}`);
    const start = local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (method !== 0 && method !== 8) throw new NotAZip(`${name} is compressed in a way coursepack does not read (method ${method})`);
    // A large stored file (coursepack stores them): its checksum taken piece by piece.
    if (method === 0 && size >= keepBelow) {
      if (compressed !== size || checksumOf(zip, start, size) !== crc) throw damaged(name);
      continue;
    }
    const data = zip.read(start, compressed);
    const contents = method === 8 ? inflated(data, name) : Buffer.from(data);
    if (contents.length !== size || crc32(contents) >>> 0 !== crc) throw damaged(name);
    if (size < keepBelow) kept.set(name, contents);
  }
  return { kept, count: files };
}

function checksumOf(zip: ZipBytes, start: number, size: number): number | undefined {
  let crc = 0;
  for (let at = 0; at < size; at += STREAM_CHUNK_BYTES) {
    const piece = zip.read(start + at, Math.min(STREAM_CHUNK_BYTES, size - at));
    if (piece.length === 0) return undefined;
    crc = crc32(piece, crc);
  }
  return crc >>> 0;
}
