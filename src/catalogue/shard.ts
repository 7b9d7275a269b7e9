// `--shard i/n`: a stable share of the catalogue for one machine of a CI matrix. A course's share
// follows from its id (the same on every machine and in every checkout, whatever else the
// catalogue holds), so two courses with one id land in one share and are still reported.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolveCourseFile } from '../load';

export interface Shard {
  /** 1-based: 1/4 … 4/4. */
  index: number;
  count: number;
}

/** "2/4" → { index: 2, count: 4 }; undefined when it is not that shape. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  return match && count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * The course's id as course.yaml writes it at the top level (ids are plain: letters, digits and
 * hyphens), read without loading the course; its path when the file cannot say (the course then
 * fails in whichever share it lands, with its diagnostics).
 */
function shardKey(course: string): string {
  try {
    const file = resolveCourseFile(course);
    const id = file && /^id:[ \t]*["']?([A-Za-z0-9_-]+)["']?[ \t]*(?:#.*)?$/m.exec(readFileSync(file, 'utf8'))?.[1];
    return id ? `id:${id}` : `path:${course}`;
  } catch {
    return `path:${course}`;
  }
}

export function inShard(course: string, shard: Shard): boolean {
  const hash = createHash('sha1').update(shardKey(course)).digest().readUInt32BE(0);
  return hash % shard.count === shard.index - 1;
}
