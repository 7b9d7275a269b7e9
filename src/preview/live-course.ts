// A course kept built in memory and rebuilt when one of its files changes: the preview serves it
// and `build --watch` writes it. It reuses the compiler in-process (compile.ts keeps the order),
// so templates, strings and the runtime are read once and a rebuild costs only the course itself.
import { dirname, join, resolve } from 'node:path';
import { checkCourse, type CheckResult, type CourseIds, renderPackage, type Selection, type Target } from '../compile';
import { ParsedFiles } from '../load';
import { formatDiagnostic } from '../diagnostics';
import type { Course } from '../model';
import type { OutputFile } from '../render';
import { FolderWatcher } from './folder-watcher';

/** What the last build gave: a course to show, or what is wrong with it (never a stale course). */
export type Build =
  | { version: number; ok: true; course: Course; editions: Map<string, Course>; warnings: string; ms: number }
  | { version: number; ok: false; errors: string; ms: number };

/** Editors save in bursts (write, rename, chmod) within a millisecond or two: one rebuild per burst. */
const SETTLE_MS = 2;
/** How long after a save the other languages are checked: a relaunch takes about a tenth of this. */
const OTHER_LANGUAGES_AFTER_MS = 400;

export class LiveCourse {
  private current: Build;
  /** The last course that built, by language (the source first): served while the files have errors. */
  private good: Map<string, Course> | undefined;
  private readonly packages = new Map<string, Map<string, OutputFile>>();
  /** The course's YAML as last parsed: a save parses only the files it changed. */
  private readonly parsed = new ParsedFiles();
  private watcher: FolderWatcher | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(build: Build) => void>();
  /** The target and language last asked for: rendered ahead while the page relaunches. */
  private lastTarget: Target | undefined;
  private lastLanguage: string | undefined;

  /**
   * `selection`: build --watch's --target, --lms and --lang (its warnings are the build's, and
   * --lang's languages only are checked); `ids`: the ids of the other courses watched, asked
   * afresh on each build (a course given another's id would overwrite its packages); `output`:
   * build --watch's output folder, whose packages are no change of the course (FolderWatcher).
   */
  constructor(
    readonly path: string,
    private readonly options: { preview: boolean; selection?: Selection; ids?: () => CourseIds; output?: string },
  ) {
    this.current = this.compile(0);
    if (this.current.ok) this.good = this.current.editions;
  }

  get build(): Build {
    return this.current;
  }

  /** The folder watched: the course folder (course.yaml, includes, assets, templates). */
  get folder(): string {
    return this.path.endsWith('.yaml') ? dirname(resolve(this.path)) : resolve(this.path);
  }

  /** Its course.yaml: gone when the course was removed. */
  get courseFile(): string {
    return this.path.endsWith('.yaml') ? resolve(this.path) : join(resolve(this.path), 'course.yaml');
  }

  onBuild(listener: (build: Build) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A file of the package for a target, rendered on first request after each build; in one of
   * the course's languages (`languages:`), the source when `language` is not one of them.
   */
  file(target: Target, path: string, language?: string): OutputFile | undefined {
    const course = this.good && (this.good.get(language ?? '') ?? [...this.good.values()][0]);
    if (!course) return undefined;
    this.lastTarget = target;
    this.lastLanguage = course.language;
    const key = `${target} ${course.language}`;
    let files = this.packages.get(key);
    if (!files) {
      // As the course is built: its own `lms:` profile applies (keep-alive, limits).
      files = new Map(renderPackage(course, target, { ...this.options, lms: course.lms?.value }).map((file: OutputFile) => [file.path, file]));
      this.packages.set(key, files);
    }
    return files.get(path);
  }

  watch(): void {
    this.watcher ??= new FolderWatcher(
      this.folder,
      () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.rebuild(), SETTLE_MS);
      },
      this.options.output,
    );
  }

  rebuild(): Build {
    const version = this.current.version + 1;
    // The preview of a course in several languages checks the language on show first, so the
    // page relaunches after one language's check, not all of them; the others follow at once.
    const several = this.current.ok && (this.current.course.languages?.length ?? 0) > 1;
    const shown = this.options.preview && several ? this.lastLanguage : undefined;
    this.current = this.compile(version, shown);
    if (this.current.ok) {
      this.good = this.current.editions;
      this.packages.clear();
    }
    for (const listener of this.listeners) listener(this.current);
    // The page is told first; rendering the package meanwhile overlaps its relaunch.
    const target = this.lastTarget;
    if (this.current.ok && target) setImmediate(() => this.file(target, 'index.html', shown));
    // Once the page has relaunched: the check blocks this process, which serves the page too.
    if (this.current.ok && shown) setTimeout(() => this.checkEveryLanguage(version), OTHER_LANGUAGES_AFTER_MS);
    return this.current;
  }

  /** After a check of one language: every language, so an error in another is never hidden. */
  private checkEveryLanguage(version: number): void {
    if (this.current.version !== version || !this.current.ok) return;
    const full = this.compile(version);
    if (this.current.version !== version) return;
    if (full.ok) {
      // The shown language's course stays (its package may be rendered already).
      for (const [language, course] of full.editions) if (!this.good?.has(language)) this.good?.set(language, course);
      if (full.warnings === this.current.warnings) return;
      this.current = { ...this.current, warnings: full.warnings };
    } else {
      this.current = full;
    }
    for (const listener of this.listeners) listener(this.current);
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }

  /** Checks the course, in every language or (`language`) in one of them. */
  private compile(version: number, language?: string): Build {
    const started = performance.now();
    const selection = this.options.selection ?? {};
    const checked = checkCourse(this.path, this.options.ids?.(), language ? { ...selection, languages: [language] } : selection, this.parsed);
    const ms = Math.round(performance.now() - started);
    const errors = checked.report.errors;
    if (!checked.course || errors.length > 0) return { version, ok: false, errors: describe(checked, 'errors'), ms };
    const editions = new Map((checked.editions ?? [checked.course]).map((course) => [course.language, course]));
    return { version, ok: true, course: checked.course, editions, warnings: describe(checked, 'warnings'), ms };
  }
}

/** The diagnostics as the terminal shows them: position, code frame, hint. */
function describe(checked: CheckResult, which: 'errors' | 'warnings'): string {
  const sources = new Map(checked.sources.map((file) => [file.displayPath, file.text]));
  const list = which === 'errors' ? checked.report.sorted().filter((d) => d.severity === 'error') : checked.report.warnings;
  return list.map((d) => formatDiagnostic(d, { sources, color: false })).join('\n\n');
}
