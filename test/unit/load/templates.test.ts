// The course's templates/ folder as users have it: links that lead nowhere, folders the system
// will not list, files that are not files. Each is a positioned error, never an internal one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Report } from '../../../src/diagnostics';

// The module object itself (not an import namespace), so a test can make one call fail.
const fs: typeof import('node:fs') = require('node:fs');
import { loadTemplateFiles } from '../../../src/load/templates';

function courseFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'coursepack-templates-'));
  mkdirSync(join(root, 'templates', 'partials'), { recursive: true });
  return root;
}

const found = (report: Report) => report.diagnostics.map((d) => ({ code: d.code, file: d.span?.file.replace(/^.*\/coursepack-templates-\w+\//, ''), message: d.message.replace(/"[^"]*coursepack-templates-\w+\//g, '"') }));

afterEach(() => jest.restoreAllMocks());

test('a folder the system refuses to list (permissions, a failing network drive) is file-unreadable at the folder', () => {
  const root = courseFolder();
  const list = fs.readdirSync;
  jest.spyOn(fs, 'readdirSync').mockImplementation(((path: import('node:fs').PathLike, ...rest: unknown[]) => {
    if (String(path).endsWith('templates')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
    return (list as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readdirSync);
  const report = new Report();
  expect(loadTemplateFiles(root, report)).toEqual([]);
  expect(found(report)).toEqual([{ code: 'file-unreadable', file: 'templates', message: 'Could not read "templates": permission denied.' }]);
});

test('templates/ that is a file is said to be one', () => {
  const root = mkdtempSync(join(tmpdir(), 'coursepack-templates-'));
  writeFileSync(join(root, 'templates'), '<header></header>');
  const report = new Report();
  expect(loadTemplateFiles(root, report)).toEqual([]);
  expect(found(report)).toEqual([{ code: 'file-unreadable', file: 'templates', message: 'Could not read "templates": it is a file, not a folder of templates.' }]);
});

test('a templates/ link that leads nowhere is file-not-found, not silently ignored', () => {
  const root = mkdtempSync(join(tmpdir(), 'coursepack-templates-'));
  symlinkSync('../gone', join(root, 'templates'));
  const report = new Report();
  loadTemplateFiles(root, report);
  expect(found(report)).toEqual([{ code: 'file-not-found', file: 'templates', message: '"templates" is a symbolic link to "../gone", which does not exist.' }]);
});

test('a named pipe is refused without reading it (reading would wait forever)', () => {
  const root = courseFolder();
  execFileSync('mkfifo', [join(root, 'templates/partials/header.hbs')]);
  const report = new Report();
  expect(loadTemplateFiles(root, report)).toEqual([]);
  expect(found(report)).toEqual([{ code: 'file-unreadable', file: 'templates/partials/header.hbs', message: 'Could not read "templates/partials/header.hbs": it is not a regular file.' }]);
});

test('a link to itself is file-unreadable, in plain words', () => {
  const root = courseFolder();
  symlinkSync('header.hbs', join(root, 'templates/partials/header.hbs'));
  const report = new Report();
  loadTemplateFiles(root, report);
  expect(found(report)).toEqual([{ code: 'file-unreadable', file: 'templates/partials/header.hbs', message: 'Could not read "templates/partials/header.hbs": it is a symbolic link that leads back to itself.' }]);
});
