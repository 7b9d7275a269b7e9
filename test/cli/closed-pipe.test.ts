// `coursepack build … | head -1`: the reader closes the pipe early. The build goes on and writes
// every package; coursepack says nothing more, and no stack trace ("write EPIPE") reaches the user.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from './run-cli';

test('a closed output pipe neither crashes the build nor prints a stack trace', () => {
  const dir = tempDir();
  const ids = ['pipe-a', 'pipe-b', 'pipe-c', 'pipe-d'];
  for (const id of ids) {
    const course = join(dir, 'catalogue', id);
    mkdirSync(course, { recursive: true });
    cpSync(join(repoRoot, 'courses/social-media-policy'), course, { recursive: true });
    writeFileSync(join(course, 'course.yaml'), readFileSync(join(course, 'course.yaml'), 'utf8').replace(/^id: .*$/m, `id: ${id}`));
  }
  // The shell runs the reader (`head -c1` reads one byte and exits) as a user's pipeline does.
  const bin = join(repoRoot, 'bin/coursepack.js');
  const result = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" build catalogue --out out --target scorm12 --force 2>err.txt | head -c1 >/dev/null`], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', COURSEPACK_CACHE_DIR: join(dir, 'cache') },
  });
  expect(result.status).toBe(0);
  const stderr = readFileSync(join(dir, 'err.txt'), 'utf8');
  expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  // The sample course is in English and German: <id>-<language>-scorm12.zip each.
  const written = readdirSync(join(dir, 'out')).sort();
  expect(written).toEqual(ids.flatMap((id) => [`${id}-de-scorm12.zip`, `${id}-en-scorm12.zip`]));
});
