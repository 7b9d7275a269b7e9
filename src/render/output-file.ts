import { readSync } from 'node:fs';

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
 * video peaked at 991 MiB); the preview serves it from the file, in the ranges a player asks for.
 */
export interface StreamedFile {
  path: string;
  /** The absolute path of the course's file (its size and checksum are read when it is packaged). */
  source: string;
}

/** Files from this size on are streamed (StreamedFile); smaller ones are read whole and shared by a course's packages. */
export const STREAMED_FROM_BYTES = 8 * 1024 * 1024;

/** Read in pieces of this size: what the build holds of a streamed file at a time. */
export const STREAM_CHUNK_BYTES = 1024 * 1024;

/** Hands each piece of the open file to `each` (the piece is reused: use it before returning). */
export function eachPiece(fd: number, each: (piece: Buffer) => void): void {
  const chunk = Buffer.allocUnsafe(STREAM_CHUNK_BYTES);
  for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) each(chunk.subarray(0, read));
}
