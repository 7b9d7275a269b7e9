// A run over many courses, shared by the CLI and the library's build(): the courses of the
// shard, handled on a pool of workers (or in this thread for one job), each outcome handed to
// the sink as it is produced.
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
  jobs: number;
  shard?: Shard;
}

/** The courses of the shard (all without one), in the order given. */
export function shareOf(courses: readonly string[], shard: Shard | undefined): string[] {
  return shard ? courses.filter((course) => inShard(course, shard)) : [...courses];
}

export async function runCatalogue(courses: readonly string[], options: CatalogueOptions, sink: CatalogueSink): Promise<void> {
  const bundle = workerBundle();
  const jobs = Math.min(options.jobs, courses.length);
  if (bundle && jobs > 1) return runPool(bundle, courses, options, jobs, sink);
  const ids = new CourseIds();
  for (const [index, course] of courses.entries()) {
    sink.start(course);
    sink.add(index, await runCourse(course, options, ids));
  }
}
