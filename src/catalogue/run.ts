// A run over many courses, shared by the CLI and the library's build(): the courses of the
// shard, handled on a pool of workers (or in this thread for one job), each outcome handed to
// the sink as it is produced.
import { availableParallelism } from 'node:os';
import { CourseIds } from '../compile';
import { type CourseOutcome, type CourseRunOptions, runCourse } from './outcome';
import { runPool, workerBundle } from './pool';
import { inShard, type Shard } from './shard';

export interface CatalogueSink {
  start(course: string): void;
  /** The outcome of the `index`th course of the list given to runCatalogue. */
  add(index: number, outcome: CourseOutcome): void;
}

export interface CatalogueOptions extends CourseRunOptions {
  /** Courses handled at once; default: defaultJobs. */
  jobs?: number;
  shard?: Shard;
}

/**
 * Courses a worker must have before the default starts it. A worker first compiles the tool and
 * warms its JIT, which a few dozen courses do not repay: on the bench's 2-core machine, 40 courses
 * took 2.2-2.3 s in one thread against 2.4-2.6 s on two workers, 70 courses 3.2-3.5 s both ways,
 * and two workers gained only from 100 (0.88x). So one worker per 50 courses, up to the cores;
 * under 100 courses the build runs in this thread. An explicit --jobs is taken as given.
 */
export const COURSES_PER_WORKER = 50;

/** The default number of jobs for `courses` courses: every core, once there is work for each. */
export function defaultJobs(courses: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(courses / COURSES_PER_WORKER)));
}

/** The courses of the shard (all without one), in the order given. */
export function shareOf(courses: readonly string[], shard: Shard | undefined): string[] {
  return shard ? courses.filter((course) => inShard(course, shard)) : [...courses];
}

export async function runCatalogue(courses: readonly string[], options: CatalogueOptions, sink: CatalogueSink): Promise<void> {
  const bundle = workerBundle();
  const jobs = Math.min(options.jobs ?? defaultJobs(courses.length), courses.length);
  if (bundle && jobs > 1) return runPool(bundle, courses, options, jobs, sink);
  const ids = new CourseIds();
  for (const [index, course] of courses.entries()) {
    sink.start(course);
    sink.add(index, await runCourse(course, options, ids));
  }
}
