import { readFileSync } from 'node:fs';
import type { OutputFile } from '../../src/render/output-file';

/** A package file's bytes (a streamed file's read from the course's file). */
export function contentsOf(file: OutputFile | undefined): Buffer {
  if (!file) throw new Error('no such file in the package');
  return 'contents' in file ? file.contents : readFileSync(file.source);
}
