// The one place that knows the order of the phases (as Svelte's compile() does).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BuildCache, packageKey } from './catalogue/cache';
import { displayPath } from './load/paths';
import { messages, Report } from './diagnostics';
import { emitManifest } from './emit';
import { loadCourse, resolveCourseFile } from './load';
import type { Course } from './model';
import { writePackage } from './package';
import { type OutputFile, renderCourse } from './render';
import { buildCourseData } from './render/course-data';
import { worstCaseSuspendData } from './render/suspend-budget';
import { STANDARD_NAMES, SUSPEND_DATA_LIMITS } from './standards/limits';
import { applyTranslation, translationFileOf } from './translate/apply';
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
  /**
   * With `languages:`, the course in each language built (the source first; --lang picks some),
   * each translated from translations/<language>.xlf; absent for a course in one language.
   */
  editions?: Course[];
  report: Report;
  /** Files read (YAML and templates), for code frames. */
  sources: SourceText[];
  /** Absolute paths of every course file read so far (YAML and templates): the build cache's inputs. */
  inputs: string[];
}

export interface BuiltPackage {
  target: Target;
  /** The package's language, for a course with `languages:`. */
  language?: string;
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
  /** Of a course with `languages:`, only these (--lang); all when absent. */
  languages?: readonly string[];
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
 * Load, translate (for a course with `languages:`, each language but the source) and validate:
 * the course model, or the report of everything wrong with it. `ids` holds the courses checked
 * before this one in the same run; `languages` picks some of the course's languages (--lang).
 */
export function checkCourse(coursePath: string, ids = new CourseIds(), languages?: readonly string[]): CheckResult {
  const checked = checkEdition(coursePath, ids);
  const { course, report } = checked;
  if (!course?.languages) return checked;
  const editions: Course[] = [];
  for (const language of chosenLanguages(course, languages, report)) {
    if (language === course.language) {
      editions.push(course);
      continue;
    }
    // A fresh load: the translation phase writes into the loaded YAML.
    const translated = checkEdition(coursePath, new CourseIds(), language);
    for (const diagnostic of translated.report.diagnostics) report.add(diagnostic);
    checked.sources.push(...translated.sources.filter((file) => !checked.sources.some((known) => known.displayPath === file.displayPath)));
    checked.inputs.push(...translated.inputs.filter((input) => !checked.inputs.includes(input)));
    if (translated.course) editions.push(translated.course);
  }
  return { ...checked, editions };
}

/** The course in one language: load, the translation phase when `language` is given, validate. */
function checkEdition(coursePath: string, ids: CourseIds, language?: string): CheckResult {
  const report = new Report();
  const loaded = loadCourse(coursePath, report);
  if (!loaded) return { report, sources: [], inputs: [] };
  const translation = language === undefined ? undefined : translationFileOf(loaded.root, language);
  if (language !== undefined) applyTranslation(loaded, language, translation, report);
  const course = validateCourse(loaded, report);
  if (course && language === undefined) ids.claim(course, report);
  const templates = loaded.templates.filter((file) => !file.path.endsWith('/')).map((file) => join(loaded.root, 'templates', file.path));
  const sources: SourceText[] = [...loaded.files, ...loaded.templates, ...(translation ? [translation] : [])];
  return { course, report, sources, inputs: [...loaded.files.map((file) => file.path), ...templates, ...(translation ? [translation.path] : [])] };
}

/** The course's languages --lang picks (all without it); a language the course lacks is an error. */
function chosenLanguages(course: Course, wanted: readonly string[] | undefined, report: Report): string[] {
  const all = course.languages ?? [course.language];
  if (!wanted) return all;
  for (const language of wanted) if (!all.includes(language)) report.add(messages.languageNotInCourse(course.span, language, all));
  return all.filter((language) => wanted.includes(language));
}

/** Warns when a learner's saved progress could outgrow what the target's LMSs keep. */
function checkSuspendData(course: Course, target: Target, report: Report): void {
  // xAPI and cmi5 keep state in the LRS's State API, which has no such limit.
  if (target !== 'scorm12' && target !== 'scorm2004') return;
  const size = worstCaseSuspendData(buildCourseData(course, target, course.strings));
  const limit = SUSPEND_DATA_LIMITS[target];
  if (size > limit) report.add(messages.suspendDataMayOverflow(course.span, size, limit, STANDARD_NAMES[target]));
}

/** `<id>-<target>.zip`; `<id>-<language>-<target>.zip` for a course with `languages:`. */
export function packageName(course: Course, target: Target): string {
  return course.languages ? `${course.id}-${course.language}-${target}.zip` : `${course.id}-${target}.zip`;
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
  const wanted = (languages: readonly string[] | undefined) => packageKeys(languages, options);
  const hit = courseFile ? options.cache?.lookup(courseFile, (languages) => wanted(languages).map((key) => packageKey(key.target, key.language))) : undefined;
  const current = ({ target, language }: PackageKey) => hit?.packages.get(packageKey(target, language));
  const unchanged = (languages: readonly string[] | undefined) => wanted(languages).flatMap((key) => (current(key) ? [{ ...key, ...current(key)! }] : []));
  const keys = hit && wanted(hit.languages);
  const everyLanguage = (options.languages ?? []).every((language) => !hit?.languages || hit.languages.includes(language));
  // Claimed as a loaded course would be: a clash is then reported by checking the course in full.
  if (hit && keys && keys.length > 0 && keys.every(current) && everyLanguage && options.ids?.claimId(hit.id, displayPath(hit.courseFile)) === undefined) {
    return { id: hit.id, report: new Report(), sources: [], inputs: [], packages: [], unchanged: unchanged(hit.languages) };
  }
  const checked = checkCourse(coursePath, options.ids, options.languages);
  const { course, report } = checked;
  if (!course || report.hasErrors) return { ...checked, id: course?.id, packages: [], unchanged: [] };
  const inputs = [...checked.inputs, ...course.assets.map((asset) => asset.absolutePath)];
  const hashes = options.cache && courseFile ? BuildCache.hashInputs(inputs) : undefined;
  const packages: BuiltPackage[] = [];
  for (const edition of checked.editions ?? [course]) {
    for (const target of options.targets) {
      checkSuspendData(edition, target, report);
      const language = checked.editions ? edition.language : undefined;
      if (current({ target, language })) continue;
      try {
        const path = join(options.outDir, packageName(edition, target));
        await writePackage(path, renderPackage(edition, target));
        packages.push({ target, ...(language ? { language } : {}), path, bytes: statSync(path).size });
      } catch (cause) {
        report.add(messages.buildFailed(course.span, target, cause));
        return { ...checked, id: course.id, inputs, packages, unchanged: [] };
      }
    }
  }
  if (hashes && courseFile && !report.hasErrors) options.cache?.store(courseFile, course, hashes, packages);
  return { ...checked, id: course.id, inputs, packages, unchanged: unchanged(course.languages) };
}

interface PackageKey {
  target: Target;
  language?: string;
}

/** The packages a build makes: per target, and per language (--lang picks) with `languages:`. */
function packageKeys(languages: readonly string[] | undefined, options: BuildOptions): PackageKey[] {
  if (!languages) return options.targets.map((target) => ({ target }));
  const chosen = languages.filter((language) => !options.languages || options.languages.includes(language));
  return chosen.flatMap((language) => options.targets.map((target) => ({ target, language })));
}
