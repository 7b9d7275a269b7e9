// The library's build(): what `coursepack build` does, for a company's own pipeline script.
//   import { build } from 'coursepack';
//   const result = await build({ courses: ['catalogue'], targets: ['scorm2004'], outDir: 'dist/lms' });
// The same options as the CLI's, typed; nothing is printed: each course's outcome (its packages,
// its diagnostics as text with positions and as data) is handed to onCourse as it is produced
// and returned at the end.
import { resolve } from 'node:path';
import { type Target, TARGETS } from '../compile';
import { closest } from '../diagnostics/did-you-mean';
import { isLmsId, type LmsId, LMS_IDS } from '../standards/lms-profiles';
import { outputFolderBlocker } from '../package';
import { expandCourseArguments } from './discover';
import type { CourseOutcome } from './outcome';
import { runCatalogue, shareOf } from './run';
import { parseShard, type Shard } from './shard';

export type { CourseOutcome, PackageOutcome } from './outcome';
export type { Shard } from './shard';

export interface CatalogueBuildOptions {
  /** Courses: folders holding course.yaml, course.yaml paths, folders of courses, or globs. */
  courses: readonly string[];
  /** Default: course.yaml's `targets:`, else its LMS's, else scorm12, scorm2004, xapi and cmi5. */
  targets?: readonly Target[];
  /** An LMS profile (see docs/lms-profiles.md), over course.yaml's `lms:`. */
  lms?: LmsId;
  /** Only these of a course's `languages:` (as --lang); a language a course is not in is its error. */
  languages?: readonly string[];
  /** Default: "build" (relative to the current folder). */
  outDir?: string;
  /** Courses built at once (worker threads). Default: the number of cores, one per 50 courses (under 100, this thread). */
  jobs?: number;
  /** Rebuild packages whose inputs are unchanged. */
  force?: boolean;
  /** Only this stable share of the courses: { index: 2, count: 4 } or "2/4". */
  shard?: Shard | string;
  /** Called with each course's outcome as soon as it (and every course before it) is done. */
  onCourse?: (outcome: CourseOutcome) => void;
}

export interface CatalogueBuildResult {
  /** No course had an error. */
  ok: boolean;
  /** In the order the courses were found. */
  courses: CourseOutcome[];
}

/**
 * Every option build() takes (a script in plain JavaScript has no compiler to tell it `lang` is
 * not one): a record of the interface's keys, so an option added there and not here does not compile.
 */
const OPTION_KEYS: Record<keyof CatalogueBuildOptions, true> = { courses: true, targets: true, lms: true, languages: true, outDir: true, jobs: true, force: true, shard: true, onCourse: true };
const OPTIONS = Object.keys(OPTION_KEYS) as Array<keyof CatalogueBuildOptions>;

/** The CLI's names of options this API names otherwise (--lang, --target, --out). */
const CLI_NAMES: Record<string, keyof CatalogueBuildOptions> = { lang: 'languages', target: 'targets', out: 'outDir' };

export async function build(options: CatalogueBuildOptions): Promise<CatalogueBuildResult> {
  const unknownOption = Object.keys(options).find((key) => !(OPTIONS as readonly string[]).includes(key));
  if (unknownOption !== undefined) {
    const suggestion = CLI_NAMES[unknownOption] ?? closest(unknownOption, OPTIONS);
    throw new TypeError(`coursepack build: unknown option "${unknownOption}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; options: ${OPTIONS.join(', ')}.`);
  }
  const shard = typeof options.shard === 'string' ? parseShard(options.shard) : options.shard;
  if (options.shard !== undefined && !shard) throw new TypeError(`coursepack build: "${String(options.shard)}" is not a shard (i/n, 1 ≤ i ≤ n).`);
  const targets = options.targets && [...options.targets];
  const unknown = targets?.find((target) => !(TARGETS as readonly string[]).includes(target));
  if (unknown) throw new TypeError(`coursepack build: unknown target "${unknown}" (targets: ${TARGETS.join(', ')}).`);
  if (options.lms !== undefined && !isLmsId(options.lms)) throw new TypeError(`coursepack build: unknown LMS "${String(options.lms)}" (LMSs: ${LMS_IDS.join(', ')}).`);
  const jobs = options.jobs;
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new TypeError(`coursepack build: jobs must be a whole number from 1, not ${jobs}.`);
  const outDir = resolve(options.outDir ?? 'build');
  const blocker = outputFolderBlocker(outDir);
  if (blocker) throw new Error(`coursepack build: the output folder ${outDir} cannot be made: ${blocker} is a file.`);
  const courses = shareOf(expandCourseArguments(options.courses), shard);
  const outcomes: CourseOutcome[] = [];
  const pending = new Map<number, CourseOutcome>();
  await runCatalogue(courses, { command: 'build', targets, lms: options.lms, ...(options.languages ? { languages: [...options.languages] } : {}), outDir, force: Boolean(options.force), color: false, jobs, shard }, {
    start: () => undefined,
    add: (index, outcome) => {
      // Handed on in the order of the courses, as the CLI prints them.
      pending.set(index, outcome);
      for (let next = pending.get(outcomes.length); next; next = pending.get(outcomes.length)) {
        pending.delete(outcomes.length);
        outcomes.push(next);
        options.onCourse?.(next);
      }
    },
  });
  return { ok: outcomes.every((outcome) => outcome.errors === 0), courses: outcomes };
}
