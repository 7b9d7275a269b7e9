// `coursepack init [folder]`: a starter project a designer can read without the docs. The files
// are data in templates/starter/ (course/ becomes courses/<id>/, project/ the folder's root);
// nothing that exists is overwritten.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Diagnostic, messages } from './diagnostics';
import { ID_PATTERN } from './format';
import { toolRoot } from './tool-root';

export interface InitResult {
  /** Files written, relative to the folder. */
  written: string[];
  /** The project's own files that were there already and were left as they are. */
  kept: string[];
  /** Set when nothing was written. */
  problem?: Diagnostic;
}

/** npm leaves dotfiles out of packed tarballs; the starter keeps them under plain names. */
const DOTTED: Record<string, string> = { gitignore: '.gitignore', vscode: '.vscode' };

export function initProject(folder: string, id: string): InitResult {
  if (!ID_PATTERN.test(id)) return { written: [], kept: [], problem: messages.badArgument(`"${id}" cannot be a course id.`, 'Use lower-case letters, digits and hyphens, e.g. --id data-privacy.') };
  const root = resolve(folder);
  const starter = join(toolRoot(), 'templates', 'starter');
  const course = filesOf(join(starter, 'course'), join('courses', id));
  const project = filesOf(join(starter, 'project'), '');
  const clashes = course.filter((file) => existsSync(join(root, file.target)));
  if (clashes.length > 0) {
    const list = clashes.map((file) => file.target).join(', ');
    return { written: [], kept: [], problem: messages.badArgument(`init writes nothing over existing files: ${list}.`, 'Pick another course id (coursepack init --id my-second-course), or run it in a new folder.') };
  }
  const result: InitResult = { written: [], kept: [] };
  for (const file of [...course, ...project]) {
    const target = join(root, file.target);
    const text = readFileSync(file.source, 'utf8').replaceAll('__ID__', id);
    if (!existsSync(target)) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text, { flag: 'wx' });
      result.written.push(file.target);
    } else if (file.target === '.gitignore') {
      // The project's own .gitignore gains build/ when it lacks it; nothing else changes.
      if (!/^\/?build\/?$/m.test(readFileSync(target, 'utf8'))) appendFileSync(target, `\n${text}`);
    } else {
      result.kept.push(file.target);
    }
  }
  return result;
}

function filesOf(dir: string, under: string): Array<{ source: string; target: string }> {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const source = join(dir, name);
      const target = join(under, DOTTED[name] ?? name);
      return statSync(source).isDirectory() ? filesOf(source, target) : [{ source, target }];
    });
}
