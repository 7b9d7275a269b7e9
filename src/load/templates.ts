import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { messages, type Report, fileSpan } from '../diagnostics';
import { displayPath, realFolder, staysInside } from './paths';

/** A template file is tiny; one this large is a mistake (a video saved with the wrong name). */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

/** A file of the course's own templates/ folder, read but not yet checked. */
export interface TemplateFile {
  /** Path inside templates/, with forward slashes: "partials/header.hbs". */
  path: string;
  displayPath: string;
  text: string;
}

/**
 * Every file under `<course>/templates/` (two levels, dot-files skipped); none when absent.
 * Whatever the file system does (a link to nothing, a folder it will not list, a pipe) is a
 * diagnostic about that path: it is the course's file at fault, never coursepack. `realRoot` is
 * the course folder as realFolder resolved it (the loader's, resolved once per course).
 */
export function loadTemplateFiles(root: string, report: Report, realRoot = realFolder(root)): TemplateFile[] {
  const folder = join(root, 'templates');
  const files: TemplateFile[] = [];
  const walk = (dir: string, prefix: string, depth: number): void => {
    for (const name of list(root, dir, report)) {
      if (name.startsWith('.')) continue;
      const absolute = join(dir, name);
      const path = `${prefix}${name}`;
      const stat = entry(root, absolute, report);
      if (stat?.isDirectory() && depth < 2) walk(absolute, `${path}/`, depth + 1);
      else if (stat?.isDirectory()) files.push({ path: `${path}/`, displayPath: displayPath(absolute), text: '' });
      else if (stat) files.push(...readTemplate(realRoot, absolute, path, report));
    }
  };
  if (!exists(folder)) return files;
  const stat = entry(root, folder, report);
  if (stat?.isDirectory()) walk(folder, '', 1);
  else if (stat) report.add(messages.fileUnreadable(fileSpan(displayPath(folder)), 'templates', 'it is a file, not a folder of templates'));
  return files;
}

/** The names in a folder; none (and a diagnostic) when the system will not list it. */
function list(root: string, dir: string, report: Report): string[] {
  try {
    return readdirSync(dir).sort();
  } catch (cause) {
    report.add(messages.fileUnreadable(fileSpan(displayPath(dir)), inCourse(root, dir), cause));
    return [];
  }
}

/**
 * What a path is, links followed: a folder or a regular file; undefined (and a diagnostic) for
 * a link to nothing, a loop of links, or anything that is neither (a pipe: reading it would
 * wait forever).
 */
function entry(root: string, path: string, report: Report): Stats | undefined {
  const span = fileSpan(displayPath(path));
  const name = inCourse(root, path);
  try {
    const stat = statSync(path);
    if (stat.isDirectory() || stat.isFile()) return stat;
    report.add(messages.fileUnreadable(span, name, 'it is not a regular file'));
  } catch (cause) {
    const target = linkTarget(path);
    if (target !== undefined && (cause as NodeJS.ErrnoException).code === 'ENOENT') report.add(messages.danglingLink(span, name, target));
    else report.add(messages.fileUnreadable(span, name, cause));
  }
  return undefined;
}

/** The path as the course author knows it: from the course folder, "templates/partials/x.hbs". */
function inCourse(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function linkTarget(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

function readTemplate(realRoot: string | undefined, absolute: string, path: string, report: Report): TemplateFile[] {
  const shown = displayPath(absolute);
  try {
    if (!staysInside(realRoot, absolute)) {
      report.add(messages.linkOutsideCourse(fileSpan(shown), `templates/${path}`));
      return [];
    }
    const size = statSync(absolute).size;
    if (size > MAX_TEMPLATE_BYTES) {
      report.add(messages.fileTooLarge(fileSpan(shown), shown, size, MAX_TEMPLATE_BYTES));
      return [];
    }
    return [{ path, displayPath: shown, text: readFileSync(absolute, 'utf8') }];
  } catch (cause) {
    report.add(messages.fileUnreadable(fileSpan(shown), shown, cause));
    return [];
  }
}
