import { realpathSync } from 'node:fs';
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

/**
 * Whether an existing path, once every symbolic link is followed, is still inside the folder:
 * a link inside the course may lead anywhere (a secrets file, /etc), and nothing outside the
 * course may be packaged or shown in a message. False when the path cannot be resolved.
 */
export function staysInside(root: string, target: string): boolean {
  try {
    return isInside(realpathSync(root), realpathSync(target));
  } catch {
    return false;
  }
}

/** The path with every symbolic link followed, or the path itself when it cannot be resolved. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
