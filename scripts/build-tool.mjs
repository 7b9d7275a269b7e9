// Builds the tool itself: the compiler/CLI for Node and the browser runtime that ships in
// every package. Runs on `npm install` (prepare) and before `npm test`.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies ?? {});

await Promise.all([
  build({
    entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external,
    sourcemap: true,
    logLevel: 'warning',
  }),
  build({
    entryPoints: { runtime: 'src/runtime/main.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    target: ['es2019'],
    format: 'iife',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  }),
]);
