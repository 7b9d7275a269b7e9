// The part of zip-stream (archiver's zip engine, no types of its own) that src/package/zip-format
// extends: appending a whole file held in memory or a stream, and what that step writes.
declare module 'zip-stream' {
  import { Transform } from 'node:stream';
  import type { ZlibOptions } from 'node:zlib';

  /** compress-commons' ZipArchiveEntry: what the local header and the data descriptor say. */
  export interface ZipEntry {
    getName(): string;
    getMethod(): number;
    setMethod(method: number): void;
    setCrc(crc: number): void;
    setSize(size: number): void;
    setCompressedSize(size: number): void;
  }

  export default class ZipStream extends Transform {
    constructor(options?: object);
    protected readonly options: { zlib: ZlibOptions };
    entry(source: Buffer | NodeJS.ReadableStream, data: object, callback: (error: Error | null) => void): this;
    finalize(): void;
    protected _appendBuffer(entry: ZipEntry, source: Buffer, callback: (error: Error | null, entry?: ZipEntry) => void): void;
    protected _appendStream(entry: ZipEntry, source: NodeJS.ReadableStream, callback: (error: Error | null, entry?: ZipEntry) => void): void;
    protected _writeLocalFileHeader(entry: ZipEntry): void;
    protected _afterAppend(entry: ZipEntry): void;
  }
}
