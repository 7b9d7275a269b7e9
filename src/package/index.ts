// The package phase: one deterministic zip per target, written atomically.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import archiver from 'archiver';
import type { OutputFile } from '../render/output-file';

/** Every entry gets this date, so the same input gives the same bytes (stored as UTC by archiver). */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
const FILE_MODE = 0o644;

/** Sorted by path: zip order must not depend on the order the phases produced files in. */
function sorted(files: readonly OutputFile[]): OutputFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function zipTo(path: string, files: readonly OutputFile[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const output = createWriteStream(path, { flags: 'wx', mode: FILE_MODE });
    const archive = archiver('zip', { zlib: { level: 9 } });
    output.on('close', resolve);
    output.on('error', reject);
    archive.on('error', reject);
    archive.on('warning', reject);
    archive.pipe(output);
    for (const file of sorted(files)) archive.append(file.contents, { name: file.path, date: FIXED_DATE, mode: FILE_MODE });
    void archive.finalize().catch(reject);
  });
}

/**
 * Writes the zip next to its final path and renames it into place, so a reader (or an LMS
 * upload) never sees a partial package; on failure nothing is left behind.
 */
export async function writePackage(outFile: string, files: readonly OutputFile[]): Promise<void> {
  const folder = dirname(outFile);
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `.${basename(outFile)}.${process.pid}.tmp`);
  try {
    await zipTo(temp, files);
    await rename(temp, outFile);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
