import { isAbsolute, relative, sep } from 'node:path';

/** Paths in messages are relative to where the user runs coursepack, as compilers print them. */
export function displayPath(absolute: string): string {
  const rel = relative(process.cwd(), absolute);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute).split(sep).join('/');
}

export function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
