// The one place that knows the order of the phases (as Svelte's compile() does).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BuildCache } from './catalogue/cache';
import { displayPath } from './load/paths';
import { messages, Report } from './diagnostics';
import { emitManifest } from './emit';
import { loadCourse, resolveCourseFile } from './load';
import type { Course } from './model';
import { writePackage } from './package';
import { type OutputFile, renderCourse } from './render';
import { buildCourseData } from './render/course-data';
import { worstCaseSuspendData } from './render/suspend-budget';
import { type LmsId, LMS_PROFILES, packageSettings, suspendDataLimit } from './standards/lms-profiles';
import { DEFAULT_TARGETS, isTarget, type Target, TARGET_NAMES, TARGET_STANDARD } from './standards/targets';
import { validateCourse } from './validate';
import { checkLmsProfile } from './validate/lms-profile';

export { DEFAULT_TARGETS, TARGETS, type Target } from './standards/targets';

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

/** What the command line (or API caller) picked; course.yaml's `targets:` and `lms:` fill in the rest. */
export interface Selection {
  /** --target: these packages, whatever course.yaml says. */
  targets?: readonly Target[];
  /** --lms: this LMS's profile, over course.yaml's `lms:`. */
  lms?: LmsId;
}

export interface BuildOptions extends Selection {
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
export function checkCourse(coursePath: string, ids = new CourseIds(), selection: Selection = {}): CheckResult {
  const report = new Report();
  const loaded = loadCourse(coursePath, report);
  if (!loaded) return { report, sources: [], inputs: [] };
  const course = validateCourse(loaded, report);
  if (course) ids.claim(course, report);
  if (course && !report.hasErrors) checkChoice(course, choose(course, selection), report);
  const templates = loaded.templates.filter((file) => !file.path.endsWith('/')).map((file) => join(loaded.root, 'templates', file.path));
  return { course, report, sources: [...loaded.files, ...loaded.templates], inputs: [...loaded.files.map((file) => file.path), ...templates] };
}

/** The targets and LMS of a course: the command line's, else course.yaml's, else the LMS's, else the defaults. */
export interface Choice {
  targets: readonly Target[];
  lms?: LmsId;
}

export function choose(course: Course, selection: Selection = {}): Choice {
  const lms = selection.lms ?? course.lms?.value;
  const targets = selection.targets ?? course.targets?.value ?? (lms ? LMS_PROFILES[lms].builds : DEFAULT_TARGETS);
  return lms ? { targets, lms } : { targets };
}

/** The warnings of the chosen targets: saved progress beyond their limits, what the LMS will not show. */
function checkChoice(course: Course, choice: Choice, report: Report): void {
  for (const target of choice.targets) checkSuspendData(course, target, choice.lms, report);
  if (choice.lms) checkLmsProfile(course, choice.lms, choice.targets, report);
}

/** Warns when a learner's saved progress could outgrow what the target's LMSs (or the chosen LMS) keep. */
function checkSuspendData(course: Course, target: Target, lms: LmsId | undefined, report: Report): void {
  // xAPI and cmi5 keep state in the LRS's State API, which has no such limit.
  const limit = suspendDataLimit(target, lms);
  if (limit === undefined) return;
  const size = worstCaseSuspendData(buildCourseData(course, TARGET_STANDARD[target], course.strings));
  const keeper = lms ? `${TARGET_NAMES[target]} in ${LMS_PROFILES[lms].name}` : TARGET_NAMES[target];
  if (size > limit) report.add(messages.suspendDataMayOverflow(course.span, size, limit, keeper));
}

/**
 * A valid course's package for one target, in memory: rendered files and the manifest. The
 * preview serves these; `preview` ships the runtime with its developer hooks; `lms` applies
 * that LMS's profile.
 */
export function renderPackage(course: Course, target: Target, options: { preview?: boolean; lms?: LmsId } = {}): OutputFile[] {
  const settings = packageSettings(target, options.lms);
  const files = renderCourse(course, TARGET_STANDARD[target], { preview: options.preview, tracking: settings.tracking });
  return [...files, emitManifest(target, course, files, { sequencing: settings.sequencing })];
}

/**
 * Validates, renders and writes one zip per target; writes nothing when the course has errors.
 * With a cache, a course whose inputs are all unchanged is not even loaded, and a target whose
 * package is current is not rebuilt.
 */
export async function buildCourse(coursePath: string, options: BuildOptions): Promise<BuildResult> {
  const courseFile = resolveCourseFile(coursePath);
  const hit = courseFile ? options.cache?.lookup(courseFile, options) : undefined;
  const current = (target: Target) => hit?.packages.get(target);
  const unchanged = (targets: readonly Target[]) => targets.flatMap((target) => (current(target) ? [{ target, ...current(target)! }] : []));
  // Claimed as a loaded course would be: a clash is then reported by checking the course in full.
  const targets = hit?.targets.filter(isTarget);
  if (hit && targets?.every(current) && options.ids?.claimId(hit.id, displayPath(hit.courseFile)) === undefined) {
    return { id: hit.id, report: new Report(), sources: [], inputs: [], packages: [], unchanged: unchanged(targets) };
  }
  const checked = checkCourse(coursePath, options.ids, options);
  const { course, report } = checked;
  if (!course || report.hasErrors) return { ...checked, id: course?.id, packages: [], unchanged: [] };
  const choice = choose(course, options);
  const inputs = [...checked.inputs, ...course.assets.map((asset) => asset.absolutePath)];
  const hashes = options.cache && courseFile ? BuildCache.hashInputs(inputs) : undefined;
  const packages: BuiltPackage[] = [];
  for (const target of choice.targets) {
    if (current(target)) continue;
    try {
      const path = join(options.outDir, `${course.id}-${target}.zip`);
      await writePackage(path, renderPackage(course, target, { lms: choice.lms }));
      const bytes = statSync(path).size;
      packages.push({ target, path, bytes });
    } catch (cause) {
      report.add(messages.buildFailed(course.span, target, cause));
      break;
    }
  }
  if (hashes && courseFile && !report.hasErrors) options.cache?.store(courseFile, course.id, hashes, packages, { selection: options, chosen: choice.targets });
  return { ...checked, id: course.id, inputs, packages, unchanged: unchanged(choice.targets) };
}
