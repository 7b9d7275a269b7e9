import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { messages, type Report, fileSpan } from '../diagnostics';
import { displayPath, staysInside } from './paths';

/** A template file is tiny; one this large is a mistake (a video saved with the wrong name). */
export const MAX_TEMPLATE_BYTES = 256 * 1024;

/** A file of the course's own templates/ folder, read but not yet checked. */
export interface TemplateFile {
  /** Path inside templates/, with forward slashes: "partials/header.hbs". */
  path: string;
  displayPath: string;
  text: string;
}

/** Every file under `<course>/templates/` (two levels, dot-files skipped); none when absent. */
export function loadTemplateFiles(root: string, report: Report): TemplateFile[] {
  const folder = join(root, 'templates');
  const files: TemplateFile[] = [];
  const walk = (dir: string, prefix: string, depth: number): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const absolute = join(dir, name);
      const path = `${prefix}${name}`;
      const stat = statSync(absolute);
      if (stat.isDirectory() && depth < 2) walk(absolute, `${path}/`, depth + 1);
      else if (stat.isDirectory()) files.push({ path: `${path}/`, displayPath: displayPath(absolute), text: '' });
      else files.push(...readTemplate(root, absolute, path, report));
    }
  };
  if (isFolder(folder)) walk(folder, '', 1);
  return files;
}

function readTemplate(root: string, absolute: string, path: string, report: Report): TemplateFile[] {
  const shown = displayPath(absolute);
  try {
    if (!staysInside(root, absolute)) {
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

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
