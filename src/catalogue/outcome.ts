// What one course of a run produced, as plain data: the text of its diagnostics already formatted
// (code frames need the sources, which are dropped here), its packages and its counts. A worker
// sends it to the main thread as it is; nothing of the course (model, sources) outlives it, so a
// run's memory does not grow with the number of courses.
import { buildCourse, type BuiltPackage, type BuildResult, checkCourse, type CheckResult, type CourseIds, type Selection, type Target, TARGETS } from '../compile';
import { diagnosticToJson, formatDiagnostic } from '../diagnostics';
import { BuildCache } from './cache';

export interface CourseRunOptions extends Selection {
  command: 'build' | 'validate';
  outDir: string;
  force: boolean;
  color: boolean;
}

export interface PackageOutcome {
  target: Target;
  language?: string;
  path: string;
  bytes: number;
  /** Left as it was: nothing it is made of changed. */
  unchanged: boolean;
}

export interface CourseOutcome {
  /** The course as the run named it (a folder or a course.yaml path). */
  course: string;
  id: string | null;
  errors: number;
  warnings: number;
  /** Every diagnostic, formatted with its position and code frame, in source order. */
  text: string[];
  json: Array<ReturnType<typeof diagnosticToJson>>;
  packages: PackageOutcome[];
  /** validate: the number of pages of a valid course. */
  pages?: number;
}

/**
 * One cache per output folder and --force, kept for the courses of a run (a build worker's, too).
 * A program that calls build() again with another folder or force gets a cache of its own: one
 * kept from the first call answered for the first folder (the second call wrote nothing).
 */
let cache: { outDir: string; force: boolean; cache: BuildCache } | undefined;

function cacheFor(options: CourseRunOptions): BuildCache {
  const force = Boolean(options.force);
  if (cache?.outDir !== options.outDir || cache.force !== force) cache = { outDir: options.outDir, force, cache: new BuildCache(options.outDir, { force }) };
  return cache.cache;
}

/** Checks or builds one course; `ids` holds the ids of the courses before it in the run. */
export async function runCourse(course: string, options: CourseRunOptions, ids: CourseIds): Promise<CourseOutcome> {
  const result: CheckResult & Partial<BuildResult> = options.command === 'build' ? await buildCourse(course, { targets: options.targets, lms: options.lms, languages: options.languages, outDir: options.outDir, ids, cache: cacheFor(options) }) : checkCourse(course, ids, options);
  const sources = new Map(result.sources.map((file) => [file.displayPath, file.text]));
  const diagnostics = result.report.sorted();
  const outcome = ({ target, language, path, bytes }: BuiltPackage, unchanged: boolean): PackageOutcome => ({ target, ...(language ? { language } : {}), path, bytes, unchanged });
  const packages = [...(result.packages ?? []).map((p) => outcome(p, false)), ...(result.unchanged ?? []).map((p) => outcome(p, true))];
  const order: readonly Target[] = options.targets ?? TARGETS;
  return {
    course,
    id: result.id ?? result.course?.id ?? null,
    errors: result.report.errors.length,
    warnings: result.report.warnings.length,
    text: diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, { sources, color: options.color })),
    json: diagnostics.map(diagnosticToJson),
    packages: packages.sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target)),
    pages: result.course?.pages.length,
  };
}
