import { closeSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** A file of the package, by its path inside the zip (forward slashes, no leading slash). */
export type OutputFile = BytesFile | StreamedFile;

/** A file whose bytes the build holds: pages, manifests, the runtime, small assets. */
export interface BytesFile {
  path: string;
  contents: Buffer;
  /**
   * The first bytes of `contents`, one Buffer shared by the same file of the course's other
   * targets (index.html's page around the course data): the package phase deflates them once.
   */
  sharedStart?: Buffer;
}

/**
 * A large file of the course (a video, a long PDF), read from its own file as the zip is written
 * and stored as it is: held whole, it was held once more by each package being written (a 190 MB
 * video peaked at 991 MiB). Its size and CRC-32 are taken when the course is rendered, so the zip
 * entry's local header holds them (a stored entry with a data descriptor is refused by
 * java.util.zip.ZipInputStream); the package phase checks the bytes it streams against them.
 */
export interface StreamedFile {
  path: string;
  /** The absolute path of the course's file. */
  source: string;
  size: number;
  crc32: number;
}

/** The file's bytes, read now for a streamed file (the preview serves files whole). */
export function bytesOf(file: OutputFile, read: (path: string) => Buffer): Buffer {
  return 'contents' in file ? file.contents : read(file.source);
}

/** Files from this size on are streamed (StreamedFile); smaller ones are read whole and shared by a course's packages. */
export const STREAMED_FROM_BYTES = 8 * 1024 * 1024;

/** Read in pieces of this size: what the build holds of a streamed file at a time. */
export const STREAM_CHUNK_BYTES = 1024 * 1024;

/** The course's file at `source` as a streamed file of the package: its size and CRC-32 read in pieces. */
export function streamedFile(path: string, source: string): StreamedFile {
  const chunk = Buffer.allocUnsafe(STREAM_CHUNK_BYTES);
  const fd = openSync(source, 'r');
  let size = 0;
  let crc = 0;
  try {
    for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0; size += read) crc = crc32(chunk.subarray(0, read), crc);
  } finally {
    closeSync(fd);
  }
  return { path, source, size, crc32: crc >>> 0 };
}
