// What the file system says of a file without reading it, to know it unchanged (as git's index does).
import { statSync } from 'node:fs';

/**
 * Files changed this close to a read (or later) are not known by their stamp: within the file
 * system's time granularity (FAT's is 2 s), a second change could leave the same size and times
 * ("racily clean", as git's index calls it).
 */
export const RACY_MS = 2000;

/** A file's size, times and inode. */
export interface Stamp {
  signature: string;
  /** Its last change, of its bytes (mtime) or of its inode (ctime, which no program can set back). */
  changedMs: number;
}

export function stamp(path: string): Stamp | undefined {
  try {
    const stats = statSync(path, { bigint: true });
    const changed = stats.ctimeNs > stats.mtimeNs ? stats.ctimeNs : stats.mtimeNs;
    return { signature: `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}:${stats.dev}`, changedMs: Number(changed / 1_000_000n) };
  } catch {
    return undefined;
  }
}
