import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { walkYaml, type YamlWalker } from './yaml-walk';
import { messages, Report, type SourceFile, spanOf, spanOfRange, type SourceSpan } from '../diagnostics';
import { displayPath, isInside, realFolder, realPath, staysInside } from './paths';
import { loadTemplateFiles, type TemplateFile } from './templates';
import { ParsedFiles } from './parsed-files';
import { yamlDiagnostics } from './yaml-errors';

export type { TemplateFile } from './templates';
export { ParsedFiles } from './parsed-files';

/** YAML files larger than this are refused: a course file this big is a mistake, not a course. */
export const MAX_YAML_BYTES = 1024 * 1024;

export interface LoadedCourse {
  /** Absolute path of the course folder. */
  root: string;
  /** The course folder with every link of its path followed (realFolder), for staysInside. */
  realRoot: string | undefined;
  main: SourceFile;
  /** The file each `- include: path` item stands for; absent when loading it failed. */
  includes: Map<YAMLMap, SourceFile>;
  /** Every YAML file read, for code frames. */
  files: SourceFile[];
  /** The course's own templates/ folder (overrides of built-in partials), unchecked. */
  templates: TemplateFile[];
  /** Set by the translation phase: the language the texts were translated to. */
  language?: string;
}

/** Finds course.yaml from a folder or file path; undefined when there is none. */
export function resolveCourseFile(path: string): string | undefined {
  const absolute = resolve(path);
  if (!existsSync(absolute)) return undefined;
  const file = statSync(absolute).isDirectory() ? join(absolute, 'course.yaml') : absolute;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** A folder (or a link to one); false for anything else or nothing. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads course.yaml and every file it includes, keeping yaml's source positions; `parsed` holds
 * the files parsed before (a file whose text is unchanged is not parsed again). `writable`: the
 * documents will be written into (translated), so each is a copy of its own.
 */
export function loadCourse(coursePath: string, report: Report, parsed = new ParsedFiles(), writable = false): LoadedCourse | undefined {
  const mainPath = resolveCourseFile(coursePath);
  if (!mainPath) {
    const folder = join(coursePath, 'course.yaml');
    report.add(isFolder(folder) ? messages.courseFileIsAFolder(folder) : messages.notACourse(coursePath));
    return undefined;
  }
  const root = dirname(mainPath);
  const read: ReadSource = (path, at) => readSource(path, at, report, parsed, writable);
  const main = read(mainPath, undefined);
  if (!main) return undefined;
  const realRoot = realFolder(root);
  const loaded: LoadedCourse = { root, realRoot, main, includes: new Map(), files: [main], templates: loadTemplateFiles(root, report, realRoot) };
  resolveIncludes(loaded, main, [realPath(mainPath)], report, read);
  return loaded;
}

type ReadSource = (path: string, at: SourceSpan | undefined) => SourceFile | undefined;

function readSource(path: string, at: SourceSpan | undefined, report: Report, parsed: ParsedFiles, writable: boolean): SourceFile | undefined {
  const shown = displayPath(path);
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_YAML_BYTES) {
      report.add(messages.fileTooLarge(at, shown, size, MAX_YAML_BYTES));
      return undefined;
    }
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    report.add(messages.fileUnreadable(at, shown, cause));
    return undefined;
  }
  const { doc, lineCounter } = parsed.parse(path, text, writable);
  const file: SourceFile = { path, displayPath: shown, text, doc, lineCounter };
  for (const diagnostic of yamlDiagnostics(file)) report.add(diagnostic);
  return file;
}

/** Items of a list that are exactly `{ include: "path" }`. */
function includeItems(file: SourceFile): YAMLMap[] {
  const found: YAMLMap[] = [];
  walkYaml(file.doc, INCLUDES, found);
  return found;
}

// Module-level, not a closure made per file: see walkYaml.
const INCLUDES: YamlWalker<YAMLMap[]> = {
  Seq(seq, _path, found) {
    for (const item of seq.items) {
      if (isMap(item) && item.items.length === 1 && isScalar(item.items[0]?.key) && item.items[0]?.key.value === 'include') found.push(item);
    }
  },
};

function resolveIncludes(loaded: LoadedCourse, file: SourceFile, chain: string[], report: Report, read: ReadSource): void {
  if (file.doc.errors.length > 0) return;
  for (const item of includeItems(file)) {
    const value = item.items[0]?.value;
    const span = spanOf(file, (value as never) ?? item);
    if (!isScalar(value) || typeof value.value !== 'string' || value.value.trim() === '') {
      report.add(messages.wrongType(span, '"include"', 'a file path', isSeq(value) ? 'a list' : 'this value'));
      continue;
    }
    const target = resolve(dirname(file.path), value.value);
    if (!isInside(loaded.root, target)) {
      report.add(messages.pathOutsideCourse(span, value.value));
    } else if (!existsSync(target) || !statSync(target).isFile()) {
      report.add(messages.fileNotFound(span, value.value, 'included file'));
    } else if (!staysInside(loaded.realRoot, target)) {
      report.add(messages.linkOutsideCourse(span, value.value));
    } else {
      // Compared by real path: through a linked folder, one file has endless names.
      const real = realPath(target);
      if (chain.includes(real)) {
        report.add(messages.includeCycle(span, value.value));
        continue;
      }
      const included = read(target, span);
      if (!included) continue;
      loaded.includes.set(item, included);
      loaded.files.push(included);
      resolveIncludes(loaded, included, [...chain, real], report, read);
    }
  }
}
