// Builds the tool itself: the compiler/CLI for Node, the browser runtime that ships in every
// package, and the JSON Schemas of the course files for editors. Runs on `npm install`
// (prepare) and before `npm test`.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Learning Locker's statement validator (used by the preview's LRS) loads its rules with
 * require(variable), which a bundler cannot follow: this lists them as static, lazy requires
 * (lazy, as in the original, because the rules and their map require each other).
 */
const staticValidatorRules = {
  name: 'xapi-validation-static-requires',
  setup(build) {
    build.onLoad({ filter: /xapi-validation[\\/]dist[\\/]factory\.js$/ }, ({ path }) => {
      const rules = ['schemaRules', 'regexValues'].flatMap((folder) => readdirSync(join(dirname(path), folder)).filter((file) => file.endsWith('.js')).map((file) => `./${folder}/${file.slice(0, -3)}`));
      const table = ['./maps', ...rules].map((file) => `${JSON.stringify(file)}: () => require(${JSON.stringify(file)})`).join(',\n');
      const source = readFileSync(path, 'utf8').replace('require(file)', '__rules[file]()');
      return { contents: `var __rules = {\n${table}\n};\n${source}`, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

/**
 * The built-in templates (templates/*.hbs), precompiled into the bundle as Handlebars specs, each
 * with the hash of its text: compiling them was a fifth of a cold build. Named as
 * src/render/templates.ts registers them (layout, partials by file name, page-<type>,
 * block-<type>) and src/emit/index.ts uses them (manifest-<standard>, strict).
 */
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(build) {
    build.onResolve({ filter: /^coursepack:precompiled-templates$/ }, ({ path }) => ({ path, namespace: 'precompiled-templates' }));
    build.onLoad({ filter: /.*/, namespace: 'precompiled-templates' }, () => {
      const Handlebars = createRequire(import.meta.url)('handlebars');
      const page = { strict: false, noEscape: false };
      const files = [['', 'layout.hbs', '', page]].concat(
        ...[['partials', '', page], ['pages', 'page-', page], ['blocks', 'block-', page], ['manifests', 'manifest-', { strict: true }]].map(([folder, prefix, options]) =>
          readdirSync(join('templates', folder)).filter((file) => file.endsWith('.hbs')).map((file) => [folder, file, prefix, options]),
        ),
      );
      const entries = files.map(([folder, file, prefix, options]) => {
        const path = join('templates', folder, file);
        const source = readFileSync(path, 'utf8');
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 22);
        const name = prefix + file.replace(/(\.xml)?\.hbs$/, '');
        return `${JSON.stringify(name)}: { hash: ${JSON.stringify(hash)}, spec: ${Handlebars.precompile(source, options)} }`;
      });
      return { contents: `module.exports = {\n${entries.join(',\n')}\n};\n`, loader: 'js', watchFiles: files.map(([folder, file]) => join('templates', folder, file)) };
    });
  },
};

/**
 * Requires of archiver's that only its directory and glob features use (archive.directory(),
 * archive.glob(), file.expand): glob, with path-scurry, lru-cache, minimatch and fs/promises
 * behind it, and readdir-glob. A package is zipped from Buffers only, yet loading them cost a
 * cold build ~10 ms. Each is loaded on first use instead. Should a new archiver word the line
 * otherwise, the tool's build stops here rather than quietly load them again.
 */
const LAZY_REQUIRES = [
  { file: /archiver-utils[\\/]file\.js$/, lines: ["var glob = require('glob');", "var fs = require('graceful-fs');"] },
  { file: /archiver-utils[\\/]index\.js$/, lines: ["var fs = require('graceful-fs');"] },
  { file: /archiver[\\/]lib[\\/]core\.js$/, lines: ["var glob = require('readdir-glob');"] },
];

/** `var name = require('module');` as a stand-in that loads the module when first called or read. */
function lazyRequire(line) {
  const [, name, module] = /^var (\w+) = require\(('[^']+')\);$/.exec(line);
  return `var ${name} = (function () { var loaded; var load = function () { return loaded || (loaded = require(${module})); }; return new Proxy(function () {}, { apply: function (_, self, args) { return Reflect.apply(load(), self, args); }, get: function (_, key) { return load()[key]; } }); })();`;
}

const lazyRequires = {
  name: 'lazy-requires',
  setup(build) {
    for (const { file, lines } of LAZY_REQUIRES) {
      build.onLoad({ filter: file }, ({ path }) => {
        let source = readFileSync(path, 'utf8');
        for (const line of lines) {
          if (!source.includes(line)) throw new Error(`lazy-requires: ${path} no longer holds ${line}`);
          source = source.replace(line, lazyRequire(line));
        }
        return { contents: source, loader: 'js', resolveDir: dirname(path) };
      });
    }
  },
};

/**
 * The yaml library's debug switches (LOG_TOKENS, LOG_STREAM) are looked up in process.env on
 * every token: a call into C++ of ~0.4 µs, some 4,000 times a course (1.5 ms of a catalogue
 * build's ~48 a course). Here each is read once, when the library loads; setting one still logs.
 */
const YAML_SWITCHES = [
  { file: /yaml[\\/]dist[\\/]parse[\\/]parser\.js$/, name: 'LOG_TOKENS' },
  { file: /yaml[\\/]dist[\\/]compose[\\/]composer\.js$/, name: 'LOG_STREAM' },
];

const yamlSwitchesOnce = {
  name: 'yaml-switches-once',
  setup(build) {
    for (const { file, name } of YAML_SWITCHES) {
      build.onLoad({ filter: file }, ({ path }) => {
        const lookup = `node_process.env.${name}`;
        const source = readFileSync(path, 'utf8');
        if (!source.includes(lookup)) throw new Error(`yaml-switches-once: ${path} no longer holds ${lookup}`);
        const once = `__yaml${name}`;
        return { contents: `var ${once} = require('node:process').env.${name};\n${source.replaceAll(lookup, once)}`, loader: 'js', resolveDir: dirname(path) };
      });
    }
  },
};

/**
 * entities ships a CommonJS and an ES module build of the same code: markdown-it imports one,
 * sanitize-html's dom-serializer requires the other, and each builds its decoding tables when
 * loaded (~2 ms of a cold build, twice). Imports of it get the CommonJS build too.
 */
const oneEntities = {
  name: 'one-entities',
  setup(build) {
    build.onResolve({ filter: /^entities$/ }, (args) => {
      if (args.kind !== 'import-statement' || args.pluginData === 'one-entities') return undefined;
      return build.resolve(args.path, { kind: 'require-call', importer: args.importer, resolveDir: args.resolveDir, pluginData: 'one-entities' });
    });
  },
};

// Code caches of older CLI builds (kept in dist/ before they moved to the user's cache folder).
mkdirSync('dist', { recursive: true });
for (const file of readdirSync('dist', { withFileTypes: true }).filter((f) => f.name.endsWith('.v8cache') || f.name.startsWith('cli.js'))) rmSync(`dist/${file.name}`);

/** The library's type declarations (dist/types/, package.json "types"), from the sources by tsc. */
function declarations() {
  return new Promise((resolve, reject) => {
    const tsc = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
    tsc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc (declarations) failed with ${code}`))));
  });
}

rmSync('dist/types', { recursive: true, force: true });
// The single runtime of older builds, before one per standard.
rmSync('dist/runtime.js', { force: true });
rmSync('dist/runtime.js.map', { force: true });
const STANDARDS = ['scorm12', 'scorm2004', 'xapi', 'cmi5'];
await Promise.all([
  declarations(),
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
    plugins: [staticValidatorRules, precompiledTemplates, lazyRequires, oneEntities, yamlSwitchesOnce],
    logLevel: 'warning',
  }),
  // One learners' runtime per standard: a SCORM 1.2 package carries no xAPI client and an xAPI
  // package no SCORM adapter (STANDARD lets esbuild drop the others as dead code). The preview's
  // runtime holds every adapter and the developer hooks the preview page drives.
  ...[...STANDARDS.map((standard) => ({ name: `runtime/${standard}`, standard, preview: false })), { name: 'runtime-preview', standard: 'all', preview: true }].map(({ name, standard, preview }) =>
    build({
      entryPoints: { [name]: 'src/runtime/main.ts' },
      outdir: 'dist',
      bundle: true,
      platform: 'browser',
      // ES2020 keeps ?. and ?? as written (0.8 KiB gzip less); every LMS browser and webview since 2020 runs it.
      target: ['es2020'],
      format: 'iife',
      minify: true,
      define: { PREVIEW: String(preview), STANDARD: JSON.stringify(standard) },
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ),
]);

// A bundle of ASCII only: V8 holds a source with one character past Latin-1 as two bytes a
// character, and keeps it for lazy compiling, in the CLI and in every build worker (2.1 MB
// became 4.3, twice over with the CommonJS wrapper). esbuild escapes strings, not the two
// characters of markdown-it's regular expressions; \uXXXX means the same there.
const bundlePath = 'dist/index.js';
const bundleText = readFileSync(bundlePath, 'utf8');
// eslint-disable-next-line no-control-regex
const asciiText = bundleText.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
if (asciiText !== bundleText) writeFileSync(bundlePath, asciiText);

// The preview plays the LMS with scorm-again (MIT, see its licence beside it); a designer's
// installed coursepack carries its two browser builds, never a learner's package.
mkdirSync('dist/preview', { recursive: true });
for (const name of ['scorm12.min.js', 'scorm2004.min.js']) copyFileSync(`node_modules/scorm-again/dist/${name}`, `dist/preview/${name}`);
copyFileSync('node_modules/scorm-again/LICENSE', 'dist/preview/scorm-again-LICENSE');

// schema/<kind>.schema.json, from the bundle just built: the starter project's VS Code settings
// point the YAML extension at node_modules/coursepack/schema/ (no network, no `coursepack schema`
// run needed). The same text as `coursepack schema --for <kind>` prints.
const { jsonSchema, SCHEMA_KINDS } = createRequire(import.meta.url)('../dist/index.js');
mkdirSync('schema', { recursive: true });
for (const kind of SCHEMA_KINDS) writeFileSync(`schema/${kind}.schema.json`, `${JSON.stringify(jsonSchema(kind), null, 2)}\n`);
