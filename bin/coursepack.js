#!/usr/bin/env node
'use strict';
// The CLI is bundled into dist/ by `npm install` (prepare) so that start-up loads one file.
// It is compiled through V8's code cache: a cold `coursepack build` is mostly start-up, and the
// cache saves compiling 1 MB of JavaScript on every run. The cache is keyed by the source's
// hash (V8 itself checks little more than its length) and written after the first full run,
// in the user's cache folder: an installed coursepack never writes into node_modules. It holds
// the functions that run compiled, so each command has its own: a cache written by `--help`
// made every later build 8% slower than one written by a build.
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const vm = require('node:vm');

const file = join(__dirname, '..', 'dist', 'index.js');

/**
 * V8 as a command-line tool wants it, not as a long-lived browser page. Set here, before the bundle
 * is compiled: V8 refuses a code cache made under other flags, so the cache is made and taken under
 * these, in this thread and every build worker. Flags the user gives node are left as they are.
 *
 * How the heaps grow. By default an old generation grows to several times its live size between
 * full collections, from a starting size meant for long-lived browser pages: a catalogue build
 * thread's live heap is flat at about 20 MiB, yet it grew to 100 MiB, in each build worker.
 * Growing to twice the live size keeps each heap near what it holds (100 bench courses: peak RSS
 * 176 → 148 MiB with one worker, 244 → 211 with two, CPU within 2%); build workers, created later,
 * also start small.
 *
 * When a function is optimised. V8 hands a function to its optimising compiler (TurboFan, on
 * background threads) once it has run some 66 KiB of bytecode: in a process that lives a fifth of
 * a second, much of that compiling is for functions that are done before their optimised code
 * arrives, and a catalogue's build workers each optimise the same functions again (100 courses:
 * 455 functions, ~1.9 s of compiler time, a third of the CPU). Four times that budget leaves the
 * really hot ones optimised (paired runs: a cold build of the sample course 0.94× the wall and
 * 0.78× the CPU; 100 courses on two workers 0.92× the wall, 0.90× the CPU; on one, 0.94× the
 * CPU, the same wall; eight times gave no more).
 */
const V8_FLAGS = [
  ['heap-growing-percent', 100],
  ['initial-old-space-size', 8],
  ['interrupt-budget', 4 * 66 * 1024],
];

function tuneV8() {
  // node takes these on its command line only (NODE_OPTIONS refuses them).
  const given = process.execArgv.join(' ');
  for (const [name, value] of V8_FLAGS) {
    if (!given.includes(`--${name}`) && !given.includes(`--${name.replaceAll('-', '_')}`)) setFlagsFromString(`--${name}=${value}`);
  }
}
tuneV8();
const cacheDir = process.env.COURSEPACK_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'coursepack');
const COMMANDS = ['build', 'validate', 'preview', 'translate', 'inspect', 'lms'];
const command = COMMANDS.includes(process.argv[2]) ? process.argv[2] : 'other';

/**
 * The bundle compiled, through the code cache when there is one. The file's bytes and the cache's
 * stay inside: once compiled, V8 keeps only the wrapped source (4 MB less held for the whole run).
 */
function compile() {
  // Read as bytes and hashed as such: the only string of the source is the wrapped one V8 keeps
  // (the bundle is ASCII, so one byte a character).
  const bytes = readFileSync(file);
  const bundleHash = createHash('sha1').update(bytes).digest('hex');
  const version = createHash('sha1').update(bundleHash).update(process.version).digest('hex').slice(0, 12);
  // The build cache fingerprints the tool by this hash too (src/catalogue/cache.ts), while the
  // file is unchanged: size and mtime say so.
  const { size, mtimeMs } = statSync(file);
  process.env.COURSEPACK_BUNDLE = [file, size, mtimeMs, bundleHash].join('|');
  const cacheFile = join(cacheDir, `cli-${version}-${command}.v8cache`);
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // Build workers (worker threads) compile the same bundle: they read the same cache.
  process.env.COURSEPACK_CODE_CACHE = cacheFile;
  const script = new vm.Script(Module.wrap(bytes.toString('latin1')), { filename: file, cachedData });
  return { script, version, cacheFile, cached: cachedData !== undefined && !script.cachedDataRejected };
}

const { script, version, cacheFile, cached } = compile();
if (process.env.COURSEPACK_DEBUG) process.stderr.write(`coursepack: code cache ${cached ? 'taken' : 'refused or absent'} (main thread)\n`);
const cli = { exports: {} };
script.runInThisContext().call(cli.exports, cli.exports, require, cli, file, dirname(file));

// `coursepack build | head`: the reader may close the pipe before coursepack is done. As other
// command-line tools do, it then writes no more there and the build goes on, without a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

cli.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (cached) return;
  try {
    // Temp file + rename: a concurrent run never reads half a cache.
    mkdirSync(cacheDir, { recursive: true });
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
    // Caches of other versions (of coursepack or node) are never read again.
    for (const name of readdirSync(cacheDir)) if (/^cli-.*\.v8cache$/.test(name) && !name.startsWith(`cli-${version}-`)) rmSync(join(cacheDir, name), { force: true });
  } catch {
    // A read-only install still works, only without the cache.
  }
});
