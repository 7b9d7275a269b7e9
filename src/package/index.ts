// The package phase: one deterministic zip per target, written atomically.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fsync, mkdir as mkdirCallback, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeFile, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import type Archiver from 'archiver';
import { type OutputFile, STREAM_CHUNK_BYTES } from '../render/output-file';
import { release, removeStaleTempFiles, tempPathFor, track } from './temp-files';
import type * as ZipFormat from './zip-format';

/** Every entry gets this date, so the same input gives the same bytes (stored as UTC by archiver). */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
const FILE_MODE = 0o644;

/**
 * Deflate level 6 (zlib's default): level 9 took a seventh more CPU for 0.07% smaller packages
 * (the sample course's zip: 84,681 → 84,741 bytes).
 */
const DEFLATE_LEVEL = 6;

/**
 * Formats that are compressed already: deflating them again costs CPU for almost nothing (the
 * sample's WebM clip: 42,964 → 41,505 bytes, and 0.9 ms of each zip's 4.8), so they are stored,
 * as zip tools do by default (Info-ZIP's `-n` list). PDF and SVG are text inside and shrink.
 */
const STORED = /\.(png|jpe?g|gif|webp|avif|mp4|m4a|webm|ogg|ogv|oga|mp3|woff2?|zip|gz)$/i;

export interface WrittenPackage {
  bytes: number;
  sha1: string;
}

let archiver: typeof Archiver | undefined;
let zipFormat: typeof ZipFormat | undefined;

/** Sorted by path: zip order must not depend on the order the phases produced files in. */
function sorted(files: readonly OutputFile[]): OutputFile[] {
  return [...files].sort(byPath);
}

// Not an arrow made per call: V8 holds optimised code weakly, and a hot comparator made anew for
// each package was optimised anew (14 times in each catalogue worker).
function byPath(a: OutputFile, b: OutputFile): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Relative, forward-slash paths without `.`/`..` segments: nothing may unpack outside the folder. */
function checkFiles(files: readonly OutputFile[]): void {
  const seen = new Set<string>();
  for (const file of files) {
    const segments = file.path.split('/');
    if (!file.path || file.path.includes('\\') || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new Error(`coursepack: invalid path in package: ${JSON.stringify(file.path)}`);
    }
    if ('contents' in file ? !Buffer.isBuffer(file.contents) : typeof file.source !== 'string') throw new Error(`coursepack: contents of ${file.path} is neither a Buffer nor a file`);
    if (seen.has(file.path)) throw new Error(`coursepack: ${file.path} is in the package twice`);
    seen.add(file.path);
  }
}

/**
 * Zips `files` into `path` (which must not exist) and flushes it to disk. A package of a few
 * hundred KB is written in one call at the end (archiver's stream piped into a file made some
 * forty small writes a zip, a quarter of a catalogue build's time on the building thread); one
 * holding a large streamed file is written out as it goes, so the build never holds more than
 * WRITE_FROM_BYTES of it.
 */
async function zipTo(path: string, files: readonly OutputFile[]): Promise<WrittenPackage> {
  // Loaded with the first zip: validate, preview and the other commands that write none do not
  // pay its 10 ms of start-up.
  archiver ??= (await import('archiver')).default;
  zipFormat ??= await import('./zip-format');
  const file = fileOnDemand(path);
  try {
    const archive = zipFormat.createZip(archiver, { zlib: { level: DEFLATE_LEVEL } });
    archive.on('warning', (warning) => archive.destroy(warning));
    const zipped = writeOut(archive, file.fd);
    for (const output of sorted(files)) {
      const entry = { name: output.path, date: FIXED_DATE, mode: FILE_MODE };
      if ('source' in output) {
        archive.append(createReadStream(output.source, { highWaterMark: STREAM_CHUNK_BYTES }), { ...entry, store: true, streamed: zipFormat.streamedEntry(output) } as Archiver.EntryData);
        continue;
      }
      if (output.sharedStart) zipFormat.sharesStart(output.contents, output.sharedStart);
      archive.append(output.contents, { ...entry, store: STORED.test(output.path) });
    }
    // Its rejection is the same error the stream reports.
    archive.finalize().catch(() => undefined);
    const { rest, written } = await zipped;
    // Into the page cache at once; the disk is waited for once, by fsync, on libuv's threads.
    writeFileSync(file.fd(), rest);
    await flush(file.fd());
    return written;
  } finally {
    file.close();
  }
}

/**
 * The file, created when there are bytes to write: once a small zip is made (in memory), or its
 * first block of a large one. Created first, it was opened (on libuv's threads) before the zip
 * was begun: a catalogue build took 6-8 % more CPU. It is created, written, closed and renamed
 * in this thread, calls that return once the page cache holds the bytes; only fsync waits for the
 * disk, on libuv's threads. Made there, each of the five calls a package makes waited for a libuv
 * thread to get one of the cores the build keeps busy: profiled at 500 courses on two workers,
 * each worker sat idle 760-930 ms of its 18 s; 340-430 ms since.
 */
function fileOnDemand(path: string): { fd: () => number; close: () => void } {
  let opened: number | undefined;
  return {
    fd: () => (opened ??= createFile(path)),
    // Not created, or its creation failed (that error is the one thrown): nothing to close.
    close: () => opened !== undefined && closeSync(opened),
  };
}

/** Past this much of a zip unwritten, it is written out at once (only a package with a large file gets there). */
export const WRITE_FROM_BYTES = 2 * 1024 * 1024;

/**
 * The zip's size and SHA-1, its bytes gathered in blocks: all of a small zip's, written in one
 * call at the end; past WRITE_FROM_BYTES (a zip holding a large file), each block is written as it
 * fills, the stream waiting meanwhile (off this thread; the last one is written at once). A block is one
 * Buffer, hashed in one call: archiver's stream comes in hundreds of pieces of a few bytes (the
 * headers' fields). Exported for its test.
 */
export function writeOut(stream: NodeJS.ReadableStream, fd: () => number): Promise<{ rest: Buffer; written: WrittenPackage }> {
  const hash = createHash('sha1');
  let bytes = 0;
  let pieces: Buffer[] = [];
  let pending = 0;
  let writing = Promise.resolve();
  const block = (): Buffer => {
    const joined = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces, pending);
    hash.update(joined);
    bytes += joined.length;
    pieces = [];
    pending = 0;
    return joined;
  };
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      pieces.push(chunk);
      pending += chunk.length;
      if (pending < WRITE_FROM_BYTES) return;
      const full = block();
      stream.pause();
      // Settled either way, so that a failure below waits for it.
      writing = new Promise<void>((done, failed) => writeFile(fd(), full, (error) => (error ? failed(error) : done()))).then(() => void stream.resume(), reject);
    });
    // Told once the block being written is written: the caller then closes the file, which must
    // not happen under a write still queued (it would meet the next file opened under its number).
    stream.on('error', (error) => void writing.then(() => reject(error)));
    // The last block is written after the ones before it.
    stream.on('end', () => void writing.then(() => resolve({ rest: block(), written: { bytes, sha1: hash.digest('hex') } })));
  });
}

/**
 * Writes the zip next to its final path and renames it into place, so a reader (or an LMS
 * upload) never sees a partial package; on failure or interruption nothing is left behind.
 * Returns the zip's size and SHA-1, from the bytes written (the build cache records them without
 * reading the package back).
 */
export async function writePackage(outFile: string, files: readonly OutputFile[]): Promise<WrittenPackage> {
  checkFiles(files);
  const folder = dirname(outFile);
  // Once per folder: a catalogue writes its 2,000 zips into one (0.35 ms a course of its CPU).
  // Removed meanwhile, it is made again when the zip is created (createFile).
  if (!madeFolders.has(folder)) {
    await mkdir(folder, { recursive: true });
    madeFolders.add(folder);
  }
  removeStaleTempFiles(folder);
  // Unique per call, so a file of that name can only be a leftover of a dead process.
  const temp = tempPathFor(outFile);
  track(temp);
  try {
    const written = await zipTo(temp, files);
    await holdForTests(temp);
    renameSync(temp, outFile);
    return written;
  } catch (error) {
    removeFile(temp);
    throw error;
  } finally {
    release(temp);
  }
}

/**
 * Creates the file; should a dead process of the same pid have left one of that name, it is
 * removed and the file created again; should its folder have been removed, it is made again. Exclusive creation never writes through a link planted in a
 * shared output folder.
 */
function createFile(path: string): number {
  try {
    return openSync(path, 'wx', FILE_MODE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') mkdirSync(dirname(path), { recursive: true });
    else if (code === 'EEXIST') removeFile(path);
    else throw error;
    return openSync(path, 'wx', FILE_MODE);
  }
}

const madeFolders = new Set<string>();

/**
 * The file that stands where the output folder (or a folder above it) must be made, if any: told
 * once before a build, not as every package's failure to be written.
 */
export function outputFolderBlocker(outDir: string): string | undefined {
  for (let path = outDir; ; path = dirname(path)) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      if (dirname(path) === path) return undefined;
      continue;
    }
    return stats.isDirectory() ? undefined : path;
  }
}

// node:fs's callbacks, not node:fs/promises: loading that (and the readline and stream modules
// behind it) cost a cold build ~3 ms for the calls that wait (mkdir once a folder, fsync).
const mkdir = promisify(mkdirCallback);
const flush = promisify(fsync);

/** unlink, not rm: rm's directory walk (an lstat first) cost 0.15 ms a package for nothing. */
function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * For tests only: with COURSEPACK_HOLD_BEFORE_RENAME set, the build stops once its temporary zip
 * is written and says so on stderr, so a test can interrupt it at that very moment instead of
 * guessing at timing. Never set by users; without it this does nothing.
 */
async function holdForTests(temp: string): Promise<void> {
  if (!process.env.COURSEPACK_HOLD_BEFORE_RENAME) return;
  process.stderr.write(`coursepack: holding ${temp}\n`);
  await new Promise((resolve) => setTimeout(resolve, 2 ** 31 - 1));
}
