// The one place that knows the order of the phases (as Svelte's compile() does).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BuildCache } from './catalogue/cache';
import { displayPath } from './load/paths';
import { messages, Report } from './diagnostics';
import { emitManifest } from './emit';
import { checkPolicyVersions } from './evidence/policy-lock';
import { loadCourse, resolveCourseFile } from './load';
import type { Course } from './model';
import { writePackage } from './package';
import { type OutputFile, renderCourse } from './render';
import { buildCourseData } from './render/course-data';
import { worstCaseSuspendData } from './render/suspend-budget';
import { STANDARD_NAMES, SUSPEND_DATA_LIMITS } from './standards/limits';
import { validateCourse } from './validate';

export const TARGETS = ['scorm12', 'scorm2004', 'xapi', 'cmi5'] as const;
export type Target = (typeof TARGETS)[number];

/** A file's text under the path diagnostics show for it. */
export interface SourceText {
  displayPath: string;
  text: string;
}

export interface CheckResult {
  course?: Course;
  report: Report;
  /** Files read (YAML and templates), for code frames. */
  sources: SourceText[];
  /** Absolute paths of every course file read so far (YAML and templates): the build cache's inputs. */
  inputs: string[];
}

export interface BuiltPackage {
  target: Target;
  path: string;
  bytes: number;
}

export interface BuildResult extends CheckResult {
  /** The course's id, also when it was not loaded (all its packages unchanged). */
  id?: string;
  /** Packages written by this build. */
  packages: BuiltPackage[];
  /** Packages left as they were: nothing they are made of changed since they were built. */
  unchanged: BuiltPackage[];
}

export interface BuildOptions {
  targets: readonly Target[];
  outDir: string;
  ids?: CourseIds;
  /** Skips packages whose inputs are unchanged (and records the ones built); none: always build. */
  cache?: BuildCache;
}

/** The courses of one run by id: packages are named by it, so a second course would overwrite the first's. */
export class CourseIds {
  private readonly files = new Map<string, string>();

  /** Records the course's id, or reports that another course file of this run has it. */
  claim(course: Course, report: Report): void {
    const other = this.claimId(course.id, course.idSpan.file);
    if (other !== undefined) report.add(messages.duplicateCourseId(course.idSpan, course.id, other));
  }

  /** Records the id for the course file (as shown); the other course file holding it, if any. */
  claimId(id: string, file: string): string | undefined {
    const other = this.files.get(id);
    // The same file named twice (folder and course.yaml) is one course, built twice alike.
    if (other !== undefined && other !== file) return other;
    this.files.set(id, file);
    return undefined;
  }
}

/**
 * Load and validate: the course model, or the report of everything wrong with it. `ids` holds
 * the courses checked before this one in the same run.
 */
export function checkCourse(coursePath: string, ids = new CourseIds()): CheckResult {
  const report = new Report();
  const loaded = loadCourse(coursePath, report);
  if (!loaded) return { report, sources: [], inputs: [] };
  const course = validateCourse(loaded, report);
  if (course) ids.claim(course, report);
  const templates = loaded.templates.filter((file) => !file.path.endsWith('/')).map((file) => join(loaded.root, 'templates', file.path));
  return { course, report, sources: [...loaded.files, ...loaded.templates], inputs: [...loaded.files.map((file) => file.path), ...templates] };
}

/** Warns when a learner's saved progress could outgrow what the target's LMSs keep. */
function checkSuspendData(course: Course, target: Target, report: Report): void {
  // xAPI and cmi5 keep state in the LRS's State API, which has no such limit.
  if (target !== 'scorm12' && target !== 'scorm2004') return;
  const size = worstCaseSuspendData(buildCourseData(course, target, course.strings));
  const limit = SUSPEND_DATA_LIMITS[target];
  if (size > limit) report.add(messages.suspendDataMayOverflow(course.span, size, limit, STANDARD_NAMES[target]));
}

/**
 * A valid course's package for one target, in memory: rendered files and the manifest. The
 * preview serves these; `preview` ships the runtime with its developer hooks.
 */
export function renderPackage(course: Course, target: Target, options: { preview?: boolean } = {}): OutputFile[] {
  const files = renderCourse(course, target, options);
  return [...files, emitManifest(target, course, files)];
}

/**
 * Validates, renders and writes one zip per target; writes nothing when the course has errors.
 * With a cache, a course whose inputs are all unchanged is not even loaded, and a target whose
 * package is current is not rebuilt.
 */
export async function buildCourse(coursePath: string, options: BuildOptions): Promise<BuildResult> {
  const courseFile = resolveCourseFile(coursePath);
  const hit = courseFile ? options.cache?.lookup(courseFile, options.targets) : undefined;
  const current = (target: Target) => hit?.packages.get(target);
  const unchanged = () => options.targets.flatMap((target) => (current(target) ? [{ target, ...current(target)! }] : []));
  // Claimed as a loaded course would be: a clash is then reported by checking the course in full.
  if (hit && options.targets.every(current) && options.ids?.claimId(hit.id, displayPath(hit.courseFile)) === undefined) {
    return { id: hit.id, report: new Report(), sources: [], inputs: [], packages: [], unchanged: unchanged() };
  }
  const checked = checkCourse(coursePath, options.ids);
  const { course, report } = checked;
  if (!course || report.hasErrors) return { ...checked, id: course?.id, packages: [], unchanged: [] };
  checkPolicyVersions(course, report);
  const inputs = [...checked.inputs, ...course.assets.map((asset) => asset.absolutePath)];
  const hashes = options.cache && courseFile ? BuildCache.hashInputs(inputs) : undefined;
  const packages: BuiltPackage[] = [];
  for (const target of options.targets) {
    checkSuspendData(course, target, report);
    if (current(target)) continue;
    try {
      const path = join(options.outDir, `${course.id}-${target}.zip`);
      await writePackage(path, renderPackage(course, target));
      const bytes = statSync(path).size;
      packages.push({ target, path, bytes });
    } catch (cause) {
      report.add(messages.buildFailed(course.span, target, cause));
      break;
    }
  }
  if (hashes && courseFile && !report.hasErrors) options.cache?.store(courseFile, course.id, hashes, packages);
  return { ...checked, id: course.id, inputs, packages, unchanged: unchanged() };
}
