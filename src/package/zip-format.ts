// archiver's zip format, deflating each file's bytes once, on the building thread.
//
// archiver deflates every entry through a zlib stream of its own, on libuv's threads: some 200 µs
// of stream machinery an entry beside the deflate itself, 13 entries a package, four packages a
// course. And a course's four packages share most of their bytes (its assets and theme.css; a
// target's coursepack.js is the same for every course): here each Buffer is deflated once, in one
// synchronous call, and archiver writes the result; so is the start a file shares with the same
// file of the course's other targets (sharesStart). The zip is still archiver's (zip-stream's
// headers, data descriptors and central directory) and, but for files with a shared start, byte
// for byte what its own deflate writes (test/unit/package/zip-format.test.ts builds both).
import { closeSync, openSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type Archiver from 'archiver';
import ZipStream, { type ZipEntry } from 'zip-stream';
import { RACY_MS, stamp } from '../load/file-stamp';
import { eachPiece, type StreamedFile } from '../render/output-file';

/** compress-commons' methods (APPNOTE.TXT 4.4.5: 0 stored, 8 deflated). */
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;

interface Deflated {
  level: number;
  data: Buffer;
}

/**
 * By the Buffer itself, not its bytes: hashing every file to find the same bytes in another
 * Buffer would cost more than it saves. A Buffer no package holds any more is forgotten with it.
 */
const deflatedBuffers = new WeakMap<Buffer, Deflated>();
const flushedStarts = new WeakMap<Buffer, Deflated>();
const checksums = new WeakMap<Buffer, number>();
const sharedStarts = new WeakMap<Buffer, Buffer>();

/** Deflate's window (RFC 1951 3.2.5: a match reaches back at most 32 KB). */
const WINDOW = 32 * 1024;

/**
 * Declares that `contents` begins with the bytes of `start`, a Buffer that other files (the same
 * file of a course's other targets) begin with too: its deflate is then done once for them all.
 */
export function sharesStart(contents: Buffer, start: Buffer): void {
  if (start.length > 0 && contents.compare(start, 0, start.length, 0, start.length) === 0) sharedStarts.set(contents, start);
}

function deflated(contents: Buffer, level: number): Buffer {
  let done = deflatedBuffers.get(contents);
  if (done?.level !== level) deflatedBuffers.set(contents, (done = { level, data: deflateOnce(contents, level) }));
  return done.data;
}

/**
 * With a shared start, pigz's way of deflating a file in pieces: the start's blocks, ended by a
 * sync flush (RFC 1951 3.2.4: an empty stored block, so the next block begins on a byte), then
 * the rest deflated with the start's last 32 KB as its dictionary, which an inflater has in its
 * window at that point. One valid stream, as small as deflating it whole (the sample's index.html:
 * 14,969 bytes either way).
 */
function deflateOnce(contents: Buffer, level: number): Buffer {
  const start = sharedStarts.get(contents);
  if (!start) return deflateRawSync(contents, { level });
  let head = flushedStarts.get(start);
  if (head?.level !== level) flushedStarts.set(start, (head = { level, data: deflateRawSync(start, { level, finishFlush: constants.Z_SYNC_FLUSH }) }));
  return Buffer.concat([head.data, deflateRawSync(contents.subarray(start.length), { level, dictionary: start.subarray(-WINDOW) })]);
}

/** CRC-32 (APPNOTE.TXT 4.4.7), node's own: compress-commons computes it in JavaScript. */
function checksum(contents: Buffer): number {
  let crc = checksums.get(contents);
  if (crc === undefined) checksums.set(contents, (crc = crc32(contents) >>> 0));
  return crc;
}

/** A streamed file's size and CRC-32, read before its entry is written (its local header holds them). */
export interface StreamedEntry {
  source: string;
  size: number;
  crc32: number;
}

/**
 * The file's size and CRC-32, read in pieces once per file of a course (its targets' packages
 * share the StreamedFile, render/index.ts, as they share a small file's Buffer), and not again
 * while the file is unchanged: build --watch renders the course anew on every save, and read a
 * 200 MB video again each time.
 */
export function streamedEntry(file: StreamedFile): StreamedEntry {
  let entry = streamedEntries.get(file);
  if (!entry) streamedEntries.set(file, (entry = checksumOf(file.source)));
  return entry;
}
const streamedEntries = new WeakMap<StreamedFile, StreamedEntry>();

/**
 * By path: a file's checksum and its stamp when read, trusted while the stamp is the same (as
 * the build cache trusts a file, load/file-stamp.ts). The bytes streamed are checked against it
 * all the same (_appendStream).
 */
const knownChecksums = new Map<string, { signature: string; entry: StreamedEntry }>();

function checksumOf(source: string): StreamedEntry {
  const before = stamp(source);
  const known = knownChecksums.get(source);
  if (before && known?.signature === before.signature) return known.entry;
  const readAt = Date.now();
  const entry = readChecksum(source);
  // Kept only for a file unchanged since well before it was read, and while it was read.
  const trusted = before && before.changedMs < readAt - RACY_MS && stamp(source)?.signature === before.signature;
  if (trusted) knownChecksums.set(source, { signature: before.signature, entry });
  else knownChecksums.delete(source);
  return entry;
}

function readChecksum(source: string): StreamedEntry {
  const fd = openSync(source, 'r');
  let size = 0;
  let crc = 0;
  try {
    eachPiece(fd, (piece) => {
      size += piece.length;
      crc = crc32(piece, crc);
    });
  } finally {
    closeSync(fd);
  }
  return { source, size, crc32: crc >>> 0 };
}

/**
 * zip-stream, each entry's bytes deflated (or not) and checksummed once per Buffer, in one call;
 * a streamed file stored with the size and checksum read before its entry (streamedEntry).
 */
class OnceDeflatedZipStream extends ZipStream {
  /** By entry name: the streamed files appended, their size and checksum known in advance. */
  readonly streamed = new Map<string, StreamedEntry>();

  protected override _appendBuffer(entry: ZipEntry, source: Buffer, callback: (error: Error | null, entry?: ZipEntry) => void): void {
    // An empty file is stored (compress-commons' own rule), as is a file appended with `store`.
    const data = source.length > 0 && entry.getMethod() === METHOD_DEFLATED ? deflated(source, this.options.zlib.level ?? -1) : source;
    if (data === source) entry.setMethod(METHOD_STORED);
    // The order compress-commons writes in: a stored entry's header holds its sizes and checksum,
    // a deflated one's data descriptor, after its bytes.
    const sized = (): void => {
      entry.setCrc(checksum(source));
      entry.setSize(source.length);
      entry.setCompressedSize(data.length);
    };
    if (data === source) sized();
    this._writeLocalFileHeader(entry);
    this.write(data);
    if (data !== source) sized();
    this._afterAppend(entry);
    callback(null, entry);
  }

  /**
   * A streamed file: stored, its sizes and checksum in the local header as a stored Buffer's are.
   * compress-commons would write them in a data descriptor after the bytes (general purpose bit 3,
   * APPNOTE.TXT 4.4.4), which java.util.zip.ZipInputStream refuses for a stored entry ("only
   * DEFLATED entries can have EXT descriptor"). The bytes streamed must be the ones announced: a
   * file saved again meanwhile fails the package rather than make a zip whose header lies.
   */
  protected override _appendStream(entry: ZipEntry, source: NodeJS.ReadableStream, callback: (error: Error | null, entry?: ZipEntry) => void): void {
    const expected = this.streamed.get(entry.getName());
    if (!expected) return callback(new Error(`coursepack: ${entry.getName()} is streamed without its size and checksum`));
    entry.setMethod(METHOD_STORED);
    entry.setCrc(expected.crc32);
    entry.setSize(expected.size);
    entry.setCompressedSize(expected.size);
    this._writeLocalFileHeader(entry);
    let size = 0;
    let crc = 0;
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      crc = crc32(chunk, crc);
      if (!this.write(chunk)) {
        source.pause();
        this.once('drain', () => source.resume());
      }
    });
    source.once('error', (error: Error) => callback(error));
    source.once('end', () => {
      if (size !== expected.size || crc >>> 0 !== expected.crc32) {
        knownChecksums.delete(expected.source);
        return callback(new Error(`${entry.getName()} changed while it was being packaged; build again`));
      }
      this._afterAppend(entry);
      callback(null, entry);
    });
  }
}

/** archiver's zip plugin (archiver/lib/plugins/zip.js) with OnceDeflatedZipStream as its engine. */
class OnceDeflatedZip {
  private readonly engine: OnceDeflatedZipStream;
  readonly supports = { directory: true, symlink: true };
  constructor(readonly options: Archiver.ZipOptions) {
    this.engine = new OnceDeflatedZipStream({ comment: '', forceUTC: false, namePrependSlash: false, store: false, ...options });
  }
  append(source: Buffer | NodeJS.ReadableStream, data: Archiver.EntryData & { streamed?: StreamedEntry }, callback: (error: Error | null) => void): void {
    if (data.streamed) this.engine.streamed.set(data.name, data.streamed);
    this.engine.entry(source, data, callback);
  }
  finalize(): void {
    this.engine.finalize();
  }
  on(...args: Parameters<ZipStream['on']>) {
    return this.engine.on(...args);
  }
  pipe(...args: Parameters<ZipStream['pipe']>) {
    return this.engine.pipe(...args);
  }
  unpipe(...args: Parameters<ZipStream['unpipe']>) {
    return this.engine.unpipe(...args);
  }
}

const FORMAT = 'coursepack-zip';

/** A zip archive of archiver's whose files are deflated by `deflated` above. */
export function createZip(archiver: typeof Archiver, options: Archiver.ZipOptions): Archiver.Archiver {
  // Registered once: archiver refuses a second registration of a name.
  if (!archiver.isRegisteredFormat(FORMAT)) archiver.registerFormat(FORMAT, OnceDeflatedZip);
  return archiver.create(FORMAT, options);
}
