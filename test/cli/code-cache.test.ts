// The CLI's V8 code cache (bin/coursepack.js): written once, then taken by every later run. A
// cache V8 refuses (its flags differ from those of the process that made it) costs each run a
// full compile of the bundle and a rewrite of the cache, unseen: V8 says so only to the caller.
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli, tempDir } from './run-cli';

function cacheFiles(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((file) => file.endsWith('.v8cache')).map((file) => [file, `${statSync(join(dir, file)).mtimeMs} ${readFileSync(join(dir, file)).length}`]));
}

test('a build, a catalogue build on one and on two workers, then another build: the cache is written once and taken after', () => {
  const cache = tempDir();
  const work = tempDir();
  for (const name of ['one', 'two']) {
    const course = join(work, 'catalogue', name);
    cpSync(join(repoRoot, 'test/fixtures/valid/basic'), course, { recursive: true });
    writeFileSync(join(course, 'course.yaml'), readFileSync(join(course, 'course.yaml'), 'utf8').replace(/^id: .*$/m, `id: ${name}`));
  }
  const env = { COURSEPACK_CACHE_DIR: cache };
  const build = (...args: string[]) => {
    const result = runCli(['build', ...args, '--out', join(work, 'out'), '--force'], work, env);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
  };
  build(join(work, 'catalogue', 'one'));
  const written = cacheFiles(cache);
  expect(written.size).toBe(1);
  build('catalogue', '--jobs', '1');
  build('catalogue', '--jobs', '2');
  build(join(work, 'catalogue', 'one'));
  expect(cacheFiles(cache)).toEqual(written);
  // Each build worker compiles the bundle through the same cache, and V8 takes it there too (a
  // worker refused it when the catalogue's heap flags were set after the cache was made).
  const debug = runCli(['build', 'catalogue', '--jobs', '2', '--out', join(work, 'out'), '--force'], work, { ...env, COURSEPACK_DEBUG: '1' });
  expect(debug.code).toBe(0);
  expect(debug.stderr.match(/^coursepack: code cache .*$/gm)?.sort()).toEqual(['coursepack: code cache taken (main thread)', 'coursepack: code cache taken (worker)', 'coursepack: code cache taken (worker)']);
});

test("each command has its cache, so one written by --help does not slow every build; other versions' caches go", () => {
  const cache = tempDir();
  const work = tempDir();
  cpSync(join(repoRoot, 'test/fixtures/valid/basic'), join(work, 'course'), { recursive: true });
  const env = { COURSEPACK_CACHE_DIR: cache };
  writeFileSync(join(cache, 'cli-0123456789ab-build.v8cache'), 'an older version');
  writeFileSync(join(cache, 'cli-0123456789ab.v8cache'), 'an older layout');
  expect(runCli(['--help'], work, env).code).toBe(0);
  const afterHelp = [...cacheFiles(cache).keys()];
  expect(afterHelp).toEqual([expect.stringMatching(/^cli-[0-9a-f]{12}-other\.v8cache$/)]);
  expect(runCli(['build', 'course', '--out', 'out'], work, env).code).toBe(0);
  expect([...cacheFiles(cache).keys()].sort()).toEqual([afterHelp[0]!.replace('-other', '-build'), afterHelp[0]]);
});

