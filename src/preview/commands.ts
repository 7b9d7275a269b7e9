// The long-running commands: `preview` (the course in a simulated LMS, updated on save) and
// `build --watch` (packages rewritten on save). Both keep the compiler warm in this process and
// rebuild only the course whose files changed; both stop on Ctrl-C.
import { join, relative } from 'node:path';
import { choose, packageName, renderPackage, type Selection } from '../compile';
import { writePackage } from '../package';
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

export async function watchBuild(courses: string[], options: Selection & { outDir: string }, out: Output, err: Output): Promise<number> {
  const lives = courses.map((course) => {
    const live = new LiveCourse(course, { preview: false });
    // Writes are chained: a save during a write waits for it, and the newest build wins.
    let writing = Promise.resolve();
    live.onBuild((build) => {
      writing = writing.then(() => write(course, build, options, out, err));
    });
    live.watch();
    return live;
  });
  out.write(`Watching ${courses.length === 1 ? courses[0] : `${courses.length} courses`} (Ctrl-C to stop)\n`);
  await stopped();
  for (const live of lives) live.close();
  return 0;
}

async function write(course: string, build: Build, options: Selection & { outDir: string }, out: Output, err: Output): Promise<void> {
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
  out.write(`rebuilt ${relative(process.cwd(), options.outDir) || '.'}/${build.course.id}-${languages}{${choice.targets.join(',')}}.zip in ${ms} ms\n`);
}
