// Files a course's text links to or shows (Markdown links and images) travel in the package and
// are listed in its manifest, byte for byte as in the course folder.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli, tempDir } from './run-cli';

const course = join(repoRoot, 'test/fixtures/valid/linked-files');
const LINKED = ['assets/chart.svg', 'assets/contact sheet.txt', 'assets/policy.pdf'];
const out = tempDir();

afterAll(() => rmSync(out, { recursive: true, force: true }));

const unzip = (zip: string, ...args: string[]) => execFileSync('unzip', [...args, join(out, zip)], { maxBuffer: 1 << 24 });

test.each(['scorm12', 'scorm2004'])('%s: linked files are in the zip and in imsmanifest.xml', (target) => {
  const result = runCli(['build', course, '--target', target, '--out', out]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const zip = `linked-files-${target}.zip`;
  const entries = unzip(zip, '-Z1').toString('utf8').trim().split('\n');
  expect(entries).toEqual(expect.arrayContaining(LINKED));
  for (const path of LINKED) {
    expect(execFileSync('unzip', ['-p', join(out, zip), path.replace(/ /g, '?')])).toEqual(readFileSync(join(course, path)));
  }
  const manifest = execFileSync('unzip', ['-p', join(out, zip), 'imsmanifest.xml'], { encoding: 'utf8' });
  for (const href of ['assets/chart.svg', 'assets/contact%20sheet.txt', 'assets/policy.pdf']) expect(manifest).toContain(`<file href="${href}"/>`);
});
