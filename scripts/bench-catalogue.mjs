// A whole catalogue: N copies of the sample course (each with its own id and texts) built in one run, cold
// and then unchanged, with one worker and with every core. Wall, CPU and peak RSS of the process
// come from GNU time (/usr/bin/time -f), as the OS counts them for the process and its threads.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, visit } from 'yaml';

/** The YAML files of a course folder, relative to it. */
function yamlFiles(folder, below = '') {
  return readdirSync(join(folder, below), { withFileTypes: true }).flatMap((entry) => {
    const path = join(below, entry.name);
    if (entry.isDirectory()) return yamlFiles(folder, path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

/**
 * A course's YAML with every text (a string holding a space: titles, bodies, feedback, alt
 * text) ending in the course's number: each copy has texts of its own, as a real catalogue's
 * courses do, so nothing the tool remembers of one course's texts serves another.
 */
function ownTexts(text, number) {
  const doc = parseDocument(text);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.value.includes(' ')) node.value = node.value.endsWith('\n') ? `${node.value}${number}\n` : `${node.value} ${number}`;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** N courses below one folder: the sample course with ids course-0001… and texts of their own. */
export function generate(root, sample, count) {
  const dir = mkdtempSync(join(tmpdir(), 'coursepack-catalogue-'));
  const files = yamlFiles(join(root, sample)).map((path) => [path, readFileSync(join(root, sample, path), 'utf8')]);
  for (let i = 1; i <= count; i++) {
    const id = `course-${String(i).padStart(4, '0')}`;
    const folder = join(dir, 'catalogue', id);
    cpSync(join(root, sample), folder, { recursive: true });
    for (const [path, text] of files) writeFileSync(join(folder, path), ownTexts(path === 'course.yaml' ? text.replace(/^id: .*$/m, `id: ${id}`) : text, i));
  }
  return dir;
}

/** One timed run: { wall ms, cpu ms, rss MiB }. */
function timed(root, args, cwd, env) {
  const result = spawnSync('/usr/bin/time', ['-f', 'BENCH %e %U %S %M', process.execPath, join(root, 'bin/coursepack.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  const line = /BENCH (\S+) (\S+) (\S+) (\S+)/.exec(result.stderr);
  if (!line || (result.status !== 0 && result.status !== null)) throw new Error(`coursepack ${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`);
  const [wall, user, sys, kb] = line.slice(1).map(Number);
  return { wall: wall * 1000, cpu: (user + sys) * 1000, rss: kb / 1024 };
}

export function catalogueBench(root, sample, counts = [10, 100, 500]) {
  if (!existsSync('/usr/bin/time')) return console.log('catalogue: skipped (needs GNU time at /usr/bin/time)');
  const cores = availableParallelism();
  console.log(`catalogue (copies of ${sample}, four targets, ${cores} cores):`);
  for (const count of counts) {
    const dir = generate(root, sample, count);
    const env = { COURSEPACK_CACHE_DIR: join(dir, 'cache'), NO_COLOR: '1' };
    mkdirSync(env.COURSEPACK_CACHE_DIR);
    // --lang en: the sample course's English packages only, as before it was also in German.
    const one = timed(root, ['build', 'catalogue', '--out', 'out-1', '--jobs', '1', '--lang', 'en'], dir, env);
    // Every core asked for: the default starts a worker per 50 courses only (src/catalogue/run.ts).
    const all = timed(root, ['build', 'catalogue', '--out', 'out-n', '--jobs', String(cores), '--lang', 'en'], dir, env);
    const again = timed(root, ['build', 'catalogue', '--out', 'out-n', '--lang', 'en'], dir, env);
    const per = (t) => (t / count).toFixed(1);
    console.log(
      `  ${String(count).padStart(3)} courses: 1 worker ${(one.wall / 1000).toFixed(1)} s, ${cores} workers ${(all.wall / 1000).toFixed(1)} s (${(all.wall / one.wall).toFixed(2)}× the one-worker wall, budget ≤ 0.6); ` +
        `CPU ${per(all.cpu)} ms/course (1 worker ${per(one.cpu)}; budget ≤ 40); peak RSS ${all.rss.toFixed(0)} MiB (1 worker ${one.rss.toFixed(0)}; budget ≤ 150); ` +
        `unchanged rebuild ${per(again.wall)} ms/course wall, ${per(again.cpu)} CPU (budget ≤ 5)`,
    );
    // One worker keeps more than its building thread busy (V8's collector, libuv's file writes):
    // the cores it keeps busy bound what more workers can gain, for the same CPU.
    const busy = one.cpu / one.wall;
    console.log(`       1 worker keeps ${busy.toFixed(2)} cores busy: with its CPU, ${cores} cores could at best take ${(busy / cores).toFixed(2)}× its wall`);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The floor a cold build is held to: a process doing the least any such tool does (load esbuild,
 * Handlebars and archiver, render one page and zip it with the runtime).
 */
export function minimalProcessMs(root, runs) {
  const script = `
    require('esbuild'); const Handlebars = require('handlebars'); const archiver = require('archiver');
    const fs = require('node:fs');
    const html = Handlebars.compile('<h1>{{title}}</h1>{{#each pages}}<p>{{this}}</p>{{/each}}')({ title: 'x', pages: ['a', 'b'] });
    const archive = archiver('zip', { zlib: { level: 6 } });
    archive.pipe(fs.createWriteStream(require('node:path').join(require('node:os').tmpdir(), 'coursepack-minimal-' + process.pid + '.zip')));
    archive.append(html, { name: 'index.html' }); archive.append(fs.readFileSync('dist/runtime/scorm2004.js'), { name: 'coursepack.js' });
    archive.finalize();`;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', script], { cwd: root });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  spawnSync('sh', ['-c', `rm -f ${tmpdir()}/coursepack-minimal-*.zip`]);
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url).pathname;
  catalogueBench(root, 'courses/social-media-policy', (process.argv[2] ?? '10,100,500').split(',').map(Number));
}
