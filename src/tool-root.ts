import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/**
 * The folder of coursepack's own package.json: templates/ and dist/runtime/ are found from
 * it whether the code runs bundled (dist/index.js) or from source (tests).
 */
export function toolRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'coursepack') return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('coursepack: cannot find its own package folder');
    dir = parent;
  }
}
