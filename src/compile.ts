// The one place that knows the order of the phases (as Svelte's compile() does).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BuildCache, packageKey, replayedWarnings } from './catalogue/cache';
import { displayPath } from './load/paths';
import { messages, Report } from './diagnostics';
import { emitManifest } from './emit';
import { checkPolicyVersions, policyLockOf } from './evidence/policy-lock';
import { loadCourse, ParsedFiles, resolveCourseFile } from './load';
import { newGeneration } from './markdown/remembered';
import type { Course } from './model';
import { writePackage } from './package';
import { type OutputFile, renderCourse, renderMultiLanguage } from './render';
import { buildCourseData } from './render/course-data';
import { worstCaseSuspendData } from './render/suspend-budget';
import { type LmsId, LMS_PROFILES, packageSettings, suspendDataLimit } from './standards/lms-profiles';
import { DEFAULT_TARGETS, isTarget, type Target, TARGET_NAMES, TARGET_STANDARD } from './standards/targets';
import { applyTranslation, translationFileOf } from './translate/apply';
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
  /**
   * The text of each of those files as the check read it, by absolute path: what the packages
   * are built from, and so what the build cache records (a file saved again meanwhile differs).
   */
  texts?: ReadonlyMap<string, string>;
}

export interface BuiltPackage {
  target: Target;
  /** The package's language, for a course with `languages:`. */
  language?: string;
  path: string;
  bytes: number;
  /** The zip's SHA-1, for a package this build wrote. */
  sha1?: string;
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
  /** --lang: of a course with `languages:`, only these; all when absent. */
  languages?: readonly string[];
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
    // Named as its packages are (in several languages: <id>-<language>-…), its first target's.
    if (other !== undefined) report.add(messages.duplicateCourseId(course.idSpan, course.id, other, packageName(course, course.targets?.value[0] ?? 'scorm12')));
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
 * before this one in the same run; `selection` the command line's targets, LMS and languages;
 * `parsed` the YAML files parsed before (a preview keeps them from one rebuild to the next).
 */
export function checkCourse(coursePath: string, ids = new CourseIds(), selection: Selection = {}, parsed = new ParsedFiles()): CheckResult {
  // Each check begins a build: the Markdown remembered for the one before last is let go.
  newGeneration();
  const checked = checkEdition(coursePath, ids, parsed);
  const { course, report } = checked;
  if (course && !report.hasErrors) checkChoice(course, choose(course, selection), report);
  if (!course?.languages) {
    if (course) checkSingleLanguage(course, selection.languages, report);
    return checked;
  }
  const editions: Course[] = [];
  // A multi-language package holds every language: --lang picks none out of it.
  for (const language of chosenLanguages(course, course.multiLanguage ? undefined : selection.languages, report)) {
    if (language === course.language) {
      editions.push(course);
      continue;
    }
    // A load of its own (from the files parsed already): the translation phase writes into the loaded YAML.
    const translated = checkEdition(coursePath, new CourseIds(), parsed, language);
    for (const diagnostic of translated.report.diagnostics) report.add(diagnostic);
    checked.sources.push(...translated.sources.filter((file) => !checked.sources.some((known) => known.displayPath === file.displayPath)));
    checked.inputs.push(...translated.inputs.filter((input) => !checked.inputs.includes(input)));
    checked.texts = new Map([...(translated.texts ?? []), ...(checked.texts ?? [])]);
    if (translated.course) editions.push(translated.course);
  }
  return { ...checked, editions };
}

/** The course in one language: load, the translation phase when `language` is given, validate. */
function checkEdition(coursePath: string, ids: CourseIds, parsed: ParsedFiles, language?: string): CheckResult {
  const report = new Report();
  const loaded = loadCourse(coursePath, report, parsed, language !== undefined);
  if (!loaded) return { report, sources: [], inputs: [] };
  const translation = language === undefined ? undefined : translationFileOf(loaded.root, language);
  if (language !== undefined) applyTranslation(loaded, language, translation, report);
  const course = validateCourse(loaded, report);
  if (course && language === undefined) ids.claim(course, report);
  // Their texts only (for code frames): the parsed YAML is let go as soon as the course is checked.
  const sources: SourceText[] = [...loaded.files, ...loaded.templates, ...(translation ? [translation] : [])].map(({ displayPath, text }) => ({ displayPath, text }));
  const templates = loaded.templates.filter((file) => !file.path.endsWith('/')).map((file) => ({ path: join(loaded.root, 'templates', file.path), text: file.text }));
  const read = [...loaded.files, ...templates, ...(translation ? [translation] : [])];
  return { course, report, sources, inputs: read.map((file) => file.path), texts: new Map(read.map((file) => [file.path, file.text])) };
}

/** --lang is not ignored: a course without `languages:` is in its source language only. */
function checkSingleLanguage(course: Course, wanted: readonly string[] | undefined, report: Report): void {
  for (const language of wanted ?? []) if (language !== course.language) report.add(messages.languageWithoutLanguages(course.languagesSpan, language, course.language));
}

/** The course's languages --lang picks (all without it); a language the course lacks is an error. */
function chosenLanguages(course: Course, wanted: readonly string[] | undefined, report: Report): string[] {
  const all = course.languages ?? [course.language];
  if (!wanted) return all;
  for (const language of wanted) if (!all.includes(language)) report.add(messages.languageNotInCourse(course.languagesSpan, language, all));
  return all.filter((language) => wanted.includes(language));
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

/** `<id>-<target>.zip`; `<id>-<language>-<target>.zip` for a course with `languages:` (not `multi-language`: one package holds them all). */
export function packageName(course: Course, target: Target): string {
  return course.languages && !course.multiLanguage ? `${course.id}-${course.language}-${target}.zip` : `${course.id}-${target}.zip`;
}

/**
 * A valid course's package for one target, in memory: rendered files and the manifest. The
 * preview serves these; `preview` ships the runtime with its developer hooks; `lms` applies
 * that LMS's profile.
 */
export function renderPackage(course: Course, target: Target, options: { preview?: boolean; lms?: LmsId; editions?: readonly Course[] } = {}): OutputFile[] {
  const settings = packageSettings(target, options.lms);
  const render = { preview: options.preview, tracking: settings.tracking };
  const editions = options.editions;
  const files = editions ? renderMultiLanguage(editions, TARGET_STANDARD[target], render) : renderCourse(course, TARGET_STANDARD[target], render);
  return [...files, emitManifest(target, course, files, { sequencing: settings.sequencing, ...(editions && { editions }) })];
}

/**
 * Validates, renders and writes one zip per target; writes nothing when the course has errors.
 * With a cache, a course whose inputs are all unchanged is not even loaded, and a target whose
 * package is current is not rebuilt.
 */
export async function buildCourse(coursePath: string, options: BuildOptions): Promise<BuildResult> {
  const courseFile = resolveCourseFile(coursePath);
  const hit = courseFile ? options.cache?.lookup(courseFile, options) : undefined;
  const current = ({ target, language }: PackageKey) => hit?.packages.get(packageKey(target, language));
  const unchanged = (keys: readonly PackageKey[]) => keys.flatMap((key) => (current(key) ? [{ ...key, ...current(key)! }] : []));
  const hitKeys = hit && packageKeys(hit.targets.filter(isTarget), hit.languages, options.languages);
  // A course without languages: is checked in full for --lang, which then names no language of it.
  const everyLanguage = (options.languages ?? []).every((language) => hit?.languages?.includes(language));
  // Claimed as a loaded course would be: a clash is then reported by checking the course in full.
  if (hit && hitKeys && hitKeys.length > 0 && hitKeys.every(current) && everyLanguage && options.ids?.claimId(hit.id, displayPath(hit.courseFile)) === undefined) {
    const replayed = replayedWarnings(hit.warnings);
    const report = new Report();
    for (const diagnostic of replayed.diagnostics) report.add(diagnostic);
    return { id: hit.id, report, sources: replayed.sources, inputs: [], packages: [], unchanged: unchanged(hitKeys) };
  }
  const checked = checkCourse(coursePath, options.ids, options);
  const { course, report } = checked;
  if (!course || report.hasErrors) return { ...checked, id: course?.id, packages: [], unchanged: [] };
  const choice = choose(course, options);
  checkPolicyVersions(course, report);
  // Every edition's assets: a translation may show an image of its own (Markdown in its text).
  const assets = new Set((checked.editions ?? [course]).flatMap((edition) => edition.assets.map((asset) => asset.absolutePath)));
  // The lock as checkPolicyVersions left it (it writes the versions it had not seen).
  const lock = policyLockOf(course);
  const inputs = [...checked.inputs, ...assets, ...(lock && existsSync(lock) ? [lock] : [])];
  const hashes = options.cache && courseFile ? options.cache.hashInputs(courseFile, inputs, checked.texts) : undefined;
  // multi-language: one package per target, built from the source with every edition in it.
  const multi = course.multiLanguage ? checked.editions : undefined;
  // Each zip is flushed to disk (on libuv's threads) while the next is rendered and deflated.
  const writes: Array<Promise<{ built: BuiltPackage } | { failed: ReturnType<typeof messages.buildFailed> }>> = [];
  for (const edition of multi ? [course] : (checked.editions ?? [course])) {
    for (const target of choice.targets) {
      const language = checked.editions && !multi ? edition.language : undefined;
      if (current({ target, language })) continue;
      const path = join(options.outDir, packageName(edition, target));
      const write = async (): Promise<BuiltPackage> => {
        const written = await writePackage(path, renderPackage(edition, target, { lms: choice.lms, ...(multi && { editions: multi }) }));
        return { target, ...(language ? { language } : {}), path, ...written };
      };
      writes.push(write().then((built) => ({ built }), (cause: unknown) => ({ failed: messages.buildFailed(course.span, target, cause) })));
    }
  }
  const written = await Promise.all(writes);
  const packages = written.flatMap((outcome) => ('built' in outcome ? [outcome.built] : []));
  const failed = written.flatMap((outcome) => ('failed' in outcome ? [outcome.failed] : []));
  for (const diagnostic of failed) report.add(diagnostic);
  if (failed.length > 0) return { ...checked, id: course.id, inputs, packages, unchanged: [] };
  if (hashes && courseFile && !report.hasErrors) options.cache?.store(courseFile, multi ? { id: course.id } : course, hashes, packages, { selection: options, chosen: choice.targets }, report.warnings);
  return { ...checked, id: course.id, inputs, packages, unchanged: unchanged(packageKeys(choice.targets, multi ? undefined : course.languages, options.languages)) };
}

interface PackageKey {
  target: Target;
  language?: string;
}

/** The packages a build makes: per target, and per language (--lang picks) with `languages:`. */
export function packageKeys(targets: readonly Target[], languages: readonly string[] | undefined, wanted: readonly string[] | undefined): PackageKey[] {
  if (!languages) return targets.map((target) => ({ target }));
  const chosen = languages.filter((language) => !wanted || wanted.includes(language));
  return chosen.flatMap((language) => targets.map((target) => ({ target, language })));
}
