import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCli, tempDir } from './run-cli';

const basic = join(repoRoot, 'test/fixtures/valid/basic');

/** A copy of the basic fixture at `folder` with its own id. */
function course(folder: string, id: string): string {
  cpSync(basic, folder, { recursive: true });
  const file = join(folder, 'course.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^id: basic$/m, `id: ${id}`));
  return folder;
}

/** catalogue/{sales/{alpha,beta},hr/gamma} and a folder without any course. */
function catalogue(): string {
  const root = tempDir();
  course(join(root, 'catalogue/sales/alpha'), 'alpha');
  course(join(root, 'catalogue/sales/beta'), 'beta');
  course(join(root, 'catalogue/hr/gamma'), 'gamma');
  mkdirSync(join(root, 'catalogue/empty'));
  return root;
}

const zips = (out: string) => readdirSync(out).filter((file) => file.endsWith('.zip')).sort();

describe('a whole catalogue', () => {
  test('build <folder> builds every course below it, found by its course.yaml', () => {
    const root = catalogue();
    const result = runCli(['build', 'catalogue', '--target', 'scorm12', '--out', 'out'], root);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(zips(join(root, 'out'))).toEqual(['alpha-scorm12.zip', 'beta-scorm12.zip', 'gamma-scorm12.zip']);
  });

  test('a list of folders and quoted globs', () => {
    const root = catalogue();
    const result = runCli(['build', 'catalogue/sales/b*', 'catalogue/hr', '--target', 'xapi', '--out', 'out'], root);
    expect(result.code).toBe(0);
    expect(zips(join(root, 'out'))).toEqual(['beta-xapi.zip', 'gamma-xapi.zip']);
    const deep = runCli(['validate', 'catalogue/**/?lpha'], root);
    expect(deep.code).toBe(0);
    expect(deep.stdout).toBe('catalogue/sales/alpha: valid (5 pages, 1 warning)\n');
  });

  test('a folder with no course below it is still refused', () => {
    const root = catalogue();
    const result = runCli(['build', 'catalogue/empty', '--out', 'out'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No course.yaml found at "catalogue/empty". [not-a-course]');
  });

  test('one course id in two folders of the catalogue is an error naming both files', () => {
    const root = catalogue();
    course(join(root, 'catalogue/hr/alpha-copy'), 'alpha');
    const result = runCli(['build', 'catalogue', '--target', 'scorm12', '--out', 'out'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('catalogue/sales/alpha/course.yaml:1:5 error The course id "alpha" is also the id of catalogue/hr/alpha-copy/course.yaml');
    expect(zips(join(root, 'out'))).toEqual(['alpha-scorm12.zip', 'beta-scorm12.zip', 'gamma-scorm12.zip']);
  });
});
