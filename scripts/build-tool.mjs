// Builds the tool itself: the compiler/CLI for Node, the browser runtime that ships in every
// package, and the JSON Schemas of the course files for editors. Runs on `npm install`
// (prepare) and before `npm test`.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Code caches of older CLI builds (kept in dist/ before they moved to the user's cache folder).
mkdirSync('dist', { recursive: true });
for (const file of readdirSync('dist', { withFileTypes: true }).filter((f) => f.name.endsWith('.v8cache') || f.name.startsWith('cli.js'))) rmSync(`dist/${file.name}`);

await Promise.all([
  build({
    entryPoints: { index: 'src/index.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Dependencies are bundled too: one file loads far faster than hundreds of small modules,
    // and a cold `coursepack build` is mostly module loading.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    logLevel: 'warning',
  }),
  build({
    entryPoints: { runtime: 'src/runtime/main.ts' },
    outdir: 'dist',
    bundle: true,
    platform: 'browser',
    // ES2020 keeps ?. and ?? as written (0.8 KiB gzip less); every LMS browser and webview since 2020 runs it.
    target: ['es2020'],
    format: 'iife',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  }),
]);

// schema/<kind>.schema.json, from the bundle just built: the starter project's VS Code settings
// point the YAML extension at node_modules/coursepack/schema/ (no network, no `coursepack schema`
// run needed). The same text as `coursepack schema --for <kind>` prints.
const { jsonSchema, SCHEMA_KINDS } = createRequire(import.meta.url)('../dist/index.js');
mkdirSync('schema', { recursive: true });
for (const kind of SCHEMA_KINDS) writeFileSync(`schema/${kind}.schema.json`, `${JSON.stringify(jsonSchema(kind), null, 2)}\n`);
