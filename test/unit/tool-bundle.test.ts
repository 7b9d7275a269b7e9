// The tool's bundle as `npm install` builds it (scripts/build-tool.mjs; `npm test` builds it first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(__dirname, '../../bin/coursepack.js');
const course = join(__dirname, '../../courses/social-media-policy');

test('the bundle is ASCII only: V8 keeps its source at one byte a character, in the CLI and in each build worker', () => {
  const text = readFileSync(join(__dirname, '../../dist/index.js'), 'latin1');
  const wide = [...text.matchAll(/[^\x00-\x7f]/g)].map((match) => text.slice(Math.max(0, match.index - 30), match.index + 10));
  expect(wide).toEqual([]);
});

test("a one-course build loads none of node's modules that only other work needs", () => {
  // Node's own modules are loaded where first required: a cold build pays for each (worker_threads
  // for a pool it does not start, fs/promises and perf_hooks behind archiver's glob, which zips
  // from Buffers never use). process.moduleLoadList names them as they load.
  const out = mkdtempSync(join(tmpdir(), 'coursepack-loads-'));
  try {
    const script = `process.argv = [process.argv[0], ${JSON.stringify(bin)}, 'build', ${JSON.stringify(course)}, '--out', ${JSON.stringify(out)}, '--force'];
process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(process.moduleLoadList) + '\\n'));
require(${JSON.stringify(bin)});`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, COURSEPACK_CACHE_DIR: join(out, 'cache') } });
    expect(result.status).toBe(0);
    expect(readdirSync(out).filter((name) => name.endsWith('.zip'))).toHaveLength(8);
    const loaded = JSON.parse(/^LOADED (.*)$/m.exec(result.stderr)?.[1] ?? '[]') as string[];
    expect(loaded).toContain('NativeModule zlib');
    expect(loaded.filter((name) => /^NativeModule (worker_threads|fs\/promises|perf_hooks|internal\/fs\/streams|readline)$/.test(name))).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('checking a course reads the environment a few times, not once a YAML token', () => {
  // process.env is a call into C++ (~0.4 µs): the yaml library's debug switches, looked up on
  // every token, cost a catalogue build 1.5 ms a course. The bundle reads them once, at load.
  const script = `const tool = require(${JSON.stringify(join(__dirname, '../../dist/index.js'))});
const real = process.env; const reads = new Map();
process.env = new Proxy(real, { get(target, key) { reads.set(key, (reads.get(key) || 0) + 1); return Reflect.get(target, key); } });
const checked = tool.checkCourse(${JSON.stringify(course)});
process.env = real;
process.stdout.write(JSON.stringify({ errors: checked.report.errors.length, pages: checked.course.pages.length, reads: Object.fromEntries(reads) }));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  const { errors, pages, reads } = JSON.parse(result.stdout) as { errors: number; pages: number; reads: Record<string, number> };
  expect(errors).toBe(0);
  expect(pages).toBeGreaterThan(5);
  expect(Object.entries(reads).filter(([, count]) => count > 10)).toEqual([]);
});
