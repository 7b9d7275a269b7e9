// The one place that knows the order of the phases (as Svelte's compile() does).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { messages, Report } from './diagnostics';
import { emitManifest } from './emit';
import { loadCourse } from './load';
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
}

export interface BuiltPackage {
  target: Target;
  path: string;
  bytes: number;
}

export interface BuildResult extends CheckResult {
  packages: BuiltPackage[];
}

/** The courses of one run by id: packages are named by it, so a second course would overwrite the first's. */
export class CourseIds {
  private readonly files = new Map<string, string>();

  /** Records the course's id, or reports that another course file of this run has it. */
  claim(course: Course, report: Report): void {
    const file = course.idSpan.file;
    const other = this.files.get(course.id);
    // The same file named twice (folder and course.yaml) is one course, built twice alike.
    if (other !== undefined && other !== file) report.add(messages.duplicateCourseId(course.idSpan, course.id, other));
    else this.files.set(course.id, file);
  }
}

/**
 * Load and validate: the course model, or the report of everything wrong with it. `ids` holds
 * the courses checked before this one in the same run.
 */
export function checkCourse(coursePath: string, ids = new CourseIds()): CheckResult {
  const report = new Report();
  const loaded = loadCourse(coursePath, report);
  if (!loaded) return { report, sources: [] };
  const course = validateCourse(loaded, report);
  if (course) ids.claim(course, report);
  return { course, report, sources: [...loaded.files, ...loaded.templates] };
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

/** Validates, renders and writes one zip per target; writes nothing when the course has errors. */
export async function buildCourse(coursePath: string, options: { targets: readonly Target[]; outDir: string; ids?: CourseIds }): Promise<BuildResult> {
  const checked = checkCourse(coursePath, options.ids);
  const { course, report } = checked;
  if (!course || report.hasErrors) return { ...checked, packages: [] };
  const packages: BuiltPackage[] = [];
  for (const target of options.targets) {
    checkSuspendData(course, target, report);
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
  return { ...checked, packages };
}
