// The long-running commands: `preview` (the course in a simulated LMS, updated on save) and
// `build --watch` (packages rewritten on save). Both keep the compiler warm in this process and
// rebuild only the course whose files changed; both stop on Ctrl-C.
import { join, relative } from 'node:path';
import { existsSync } from 'node:fs';
import { choose, CourseIds, packageName, renderPackage, type Selection } from '../compile';
import { writePackage } from '../package';
import { FolderWatcher } from './folder-watcher';
import { type Build, LiveCourse } from './live-course';
import { PreviewServer } from './server';

type Output = { write(text: string): void };

/** Resolves when the user stops the command (Ctrl-C, or the terminal or CI ending it). */
function stopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(signal, stop);
      resolve();
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  });
}

function report(course: string, build: Build, out: Output, err: Output, said: { done: string; failed: string }): void {
  if (build.ok) {
    if (build.warnings) err.write(`${build.warnings}\n\n`);
    out.write(`${course}: ${said.done} (${build.ms} ms)\n`);
  } else {
    err.write(`${build.errors}\n\n${course}: has errors; ${said.failed}\n`);
  }
}

const SHOWN = 'the preview shows them over the last version that built.';

export async function preview(course: string, port: number, out: Output, err: Output): Promise<number> {
  const live = new LiveCourse(course, { preview: true });
  const server = new PreviewServer(live);
  await server.start(port);
  report(course, live.build, out, err, { done: 'ready', failed: SHOWN });
  live.onBuild((build) => report(course, build, out, err, { done: 'rebuilt', failed: SHOWN }));
  live.watch();
  out.write(`Preview: ${server.origin}/  (Ctrl-C to stop)\n`);
  await stopped();
  live.close();
  await server.stop();
  return 0;
}

/** What build --watch watches: the courses found now (and again on a change in `folders`). */
export interface WatchedCourses {
  find(): string[];
  /** Folders a new course may appear in: folders of courses, globs' folders. */
  folders: readonly string[];
}

/** A change in a watched folder settles before courses are looked for again (a checkout writes many files). */
const REDISCOVER_AFTER_MS = 100;

export async function watchBuild(watched: WatchedCourses, options: Selection & { outDir: string }, out: Output, err: Output): Promise<number> {
  const lives = new Map<string, LiveCourse>();
  // Each build asks the other courses' ids afresh: one saved with another's id is refused, as a build refuses it.
  const ids = (): CourseIds => new WatchedIds(lives);
  const add = (course: string, isNew: boolean): void => {
    const live = new LiveCourse(course, { preview: false, selection: options, ids, output: options.outDir });
    // Writes are chained: a save during a write waits for it, and the newest build wins.
    let writing = Promise.resolve();
    const save = (build: Build, verb: string): void => {
      writing = writing.then(() => write(course, build, options, out, err, verb));
    };
    // A course folder removed: looked for again shortly, when it is let go (its packages stay).
    live.onBuild((build) => existsSync(live.courseFile) && save(build, 'rebuilt'));
    live.watch();
    lives.set(course, live);
    if (isNew) save(live.build, 'built');
  };
  for (const course of watched.find()) add(course, false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rediscover = (): void => {
    const found = new Set(watched.find());
    for (const [course, live] of lives) if (!found.has(course)) live.close(), lives.delete(course);
    for (const course of found) if (!lives.has(course)) add(course, true);
  };
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(rediscover, REDISCOVER_AFTER_MS);
  };
  const folders = watched.folders.map((folder) => new FolderWatcher(folder, changed, options.outDir));
  out.write(`Watching ${lives.size === 1 ? [...lives.keys()][0] : `${lives.size} courses`}${folders.length > 0 ? `; a course added to ${watched.folders.join(', ')} is built too` : ''} (Ctrl-C to stop)\n`);
  await stopped();
  clearTimeout(timer);
  for (const folder of folders) folder.close();
  for (const live of lives.values()) live.close();
  return 0;
}

/** The ids of the watched courses as last built, but the one building (its own file). */
class WatchedIds extends CourseIds {
  constructor(private readonly lives: ReadonlyMap<string, LiveCourse>) {
    super();
  }

  override claimId(id: string, file: string): string | undefined {
    for (const live of this.lives.values()) {
      const build = live.build;
      if (build.ok && build.course.id === id && build.course.idSpan.file !== file) return build.course.idSpan.file;
    }
    return undefined;
  }
}

async function write(course: string, build: Build, options: Selection & { outDir: string }, out: Output, err: Output, verb: string): Promise<void> {
  if (!build.ok) return report(course, build, out, err, { done: '', failed: 'nothing was written; the last packages stay.' });
  const started = performance.now();
  const choice = choose(build.course, options);
  try {
    for (const edition of build.editions.values()) {
      for (const target of choice.targets) await writePackage(join(options.outDir, packageName(edition, target)), renderPackage(edition, target, { lms: choice.lms }));
    }
  } catch (cause) {
    err.write(`${course}: could not write the packages: ${(cause as Error).message}\n`);
    return;
  }
  const ms = Math.round(build.ms + performance.now() - started);
  const languages = build.course.languages ? `{${[...build.editions.keys()].join(',')}}-` : '';
  out.write(`${verb} ${relative(process.cwd(), options.outDir) || '.'}/${build.course.id}-${languages}{${choice.targets.join(',')}}.zip in ${ms} ms\n`);
}
