// Which courses a run builds: each argument is a course (a folder holding course.yaml, or the
// file itself), a folder of courses (every course folder below it, found by its course.yaml),
// or a glob of either ("courses/*", "catalogue/**/sales-*"). Shells expand unquoted globs
// themselves; a quoted one (or one on Windows' cmd) is expanded here alike.
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { isFolder, resolveCourseFile } from '../load';

const COURSE_FILE = 'course.yaml';
/** Folders never holding a course of the catalogue: tooling, version control, caches. */
const SKIPPED = new Set(['node_modules']);

/**
 * The course paths the arguments stand for, in a stable order (each argument's courses sorted by
 * path). An argument matching nothing is kept as it is, so the run reports it (not-a-course).
 */
export function expandCourseArguments(args: readonly string[]): string[] {
  const found: string[] = [];
  for (const arg of args) {
    const paths = isGlob(arg) ? expandGlob(arg) : [arg];
    const courses = paths.flatMap(coursesAt);
    found.push(...(courses.length > 0 ? courses : [arg]));
  }
  // One course named several ways (its folder, its course.yaml, through a link) is built once, as first named.
  const named = new Map<string, string>();
  for (const path of found) if (!named.has(courseKey(path))) named.set(courseKey(path), path);
  return [...named.values()];
}

/** The course's real course.yaml; the path itself for one that is no course (reported as such). */
function courseKey(path: string): string {
  try {
    const file = resolveCourseFile(path);
    return file ? realpathSync(file) : path;
  } catch {
    return path;
  }
}

/**
 * The folders where the arguments would find a course added later (build --watch watches them): a
 * folder of courses, a glob's folder before its first wildcard. A course named itself has none.
 */
export function searchedFolders(args: readonly string[]): string[] {
  const folders = args.flatMap((arg) => {
    if (!isGlob(arg)) return isFolder(arg) && !existsSync(join(arg, COURSE_FILE)) ? [arg] : [];
    const segments = arg.split(/[\\/]+/);
    return [segments.slice(0, segments.findIndex(isGlob)).join('/') || (arg.startsWith('/') ? '/' : '.')];
  });
  return [...new Set(folders)];
}

/** The course at `path`, or every course folder below it when it is a folder of courses (none: []). */
export function coursesAt(path: string): string[] {
  if (!isFolder(path) || existsSync(join(path, COURSE_FILE))) return existsSync(path) ? [path] : [];
  const seen = new Set<string>();
  firstVisit(path, seen);
  return coursesBelow(path, seen);
}

/**
 * Linked folders are followed (a catalogue may link in courses kept elsewhere), each folder once:
 * a link back up the tree would lead round forever, and a second link to a folder already found
 * would name its courses twice (then refused as two courses with one id).
 */
function firstVisit(path: string, seen: Set<string>, key = ''): boolean {
  let real: string;
  try {
    real = `${realpathSync(path)}\0${key}`;
  } catch {
    return false;
  }
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}

/** `seen`: the real folders walked so far, `folder` among them. */
function coursesBelow(folder: string, seen: Set<string>): string[] {
  const courses: string[] = [];
  for (const name of subfolders(folder)) {
    const path = join(folder, name);
    if (!firstVisit(path, seen)) continue;
    // A course's own folders (pages/, assets/) hold no course: its folder ends the search.
    if (existsSync(join(path, COURSE_FILE))) courses.push(path);
    else courses.push(...coursesBelow(path, seen));
  }
  return courses;
}

function subfolders(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((entry) => !entry.name.startsWith('.') && !SKIPPED.has(entry.name) && (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(join(folder, entry.name)))))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

function isGlob(arg: string): boolean {
  return /[*?[]/.test(arg);
}

/** Paths matching a glob: `*` and `?` within one name, `[abc]` classes, `**` any folders deep. */
export function expandGlob(pattern: string): string[] {
  const segments = pattern.split(/[\\/]+/);
  const absolute = pattern.startsWith('/');
  const first = segments.findIndex(isGlob);
  const base = segments.slice(0, first).join('/') || (absolute ? '/' : '.');
  const matches = match(base, segments.slice(first), new Set());
  const prefix = first === 0 ? '' : `${segments.slice(0, first).join('/')}/`;
  return matches.map((rest) => (absolute && first === 0 ? `/${rest}` : `${prefix}${rest}`)).sort();
}

/**
 * Relative paths below `dir` matching the remaining segments. A `**` walks each folder once for
 * the segments after it (`seen`, as coursesBelow).
 */
function match(dir: string, segments: readonly string[], seen: Set<string>): string[] {
  const [segment, ...rest] = segments;
  if (segment === undefined) return [''];
  const join2 = (name: string, tail: string) => (tail ? `${name}/${tail}` : name);
  if (segment === '**') {
    const key = String(segments.length);
    firstVisit(dir, seen, key);
    const here = match(dir, rest, seen);
    const deeper = subfolders(dir)
      .filter((name) => firstVisit(join(dir, name), seen, key))
      .flatMap((name) => match(join(dir, name), segments, seen).map((tail) => join2(name, tail)));
    return [...new Set([...here, ...deeper])];
  }
  if (!isGlob(segment)) return existsSync(join(dir, segment)) ? match(join(dir, segment), rest, seen).map((tail) => join2(segment, tail)) : [];
  const regex = segmentRegex(segment);
  const names = rest.length > 0 ? subfolders(dir) : entries(dir);
  return names.filter((name) => regex.test(name)).flatMap((name) => match(join(dir, name), rest, seen).map((tail) => join2(name, tail)));
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
  } catch {
    return [];
  }
}

function segmentRegex(segment: string): RegExp {
  let source = '';
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i] as string;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = segment.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        source += `[${segment.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
