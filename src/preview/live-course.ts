// A course kept built in memory and rebuilt when one of its files changes: the preview serves it
// and `build --watch` writes it. It reuses the compiler in-process (compile.ts keeps the order),
// so templates, strings and the runtime are read once and a rebuild costs only the course itself.
import { dirname, resolve } from 'node:path';
import { checkCourse, type CheckResult, renderPackage, type Target } from '../compile';
import { formatDiagnostic } from '../diagnostics';
import type { Course } from '../model';
import type { OutputFile } from '../render';
import { FolderWatcher } from './folder-watcher';

/** What the last build gave: a course to show, or what is wrong with it (never a stale course). */
export type Build =
  | { version: number; ok: true; course: Course; warnings: string; ms: number }
  | { version: number; ok: false; errors: string; ms: number };

/** Editors save in bursts (write, rename, chmod): one rebuild per burst. */
const SETTLE_MS = 10;

export class LiveCourse {
  private current: Build;
  /** The last course that built: served while the files have errors (the page says so). */
  private good: Course | undefined;
  private readonly packages = new Map<Target, Map<string, Buffer>>();
  private watcher: FolderWatcher | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(build: Build) => void>();
  /** The target last asked for: rendered ahead while the page relaunches. */
  private lastTarget: Target | undefined;

  constructor(
    readonly path: string,
    private readonly options: { preview: boolean },
  ) {
    this.current = this.compile(0);
    if (this.current.ok) this.good = this.current.course;
  }

  get build(): Build {
    return this.current;
  }

  /** The folder watched: the course folder (course.yaml, includes, assets, templates). */
  get folder(): string {
    return this.path.endsWith('.yaml') ? dirname(resolve(this.path)) : resolve(this.path);
  }

  onBuild(listener: (build: Build) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A file of the package for a target, rendered on first request after each build. */
  file(target: Target, path: string): Buffer | undefined {
    if (!this.good) return undefined;
    this.lastTarget = target;
    let files = this.packages.get(target);
    if (!files) {
      // As the course is built: its own `lms:` profile applies (keep-alive, limits).
      files = new Map(renderPackage(this.good, target, { ...this.options, lms: this.good.lms?.value }).map((file: OutputFile) => [file.path, file.contents]));
      this.packages.set(target, files);
    }
    return files.get(path);
  }

  watch(): void {
    this.watcher ??= new FolderWatcher(this.folder, () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.rebuild(), SETTLE_MS);
    });
  }

  rebuild(): Build {
    this.current = this.compile(this.current.version + 1);
    if (this.current.ok) {
      this.good = this.current.course;
      this.packages.clear();
    }
    for (const listener of this.listeners) listener(this.current);
    // The page is told first; rendering the package meanwhile overlaps its relaunch.
    const target = this.lastTarget;
    if (this.current.ok && target) setImmediate(() => this.file(target, 'index.html'));
    return this.current;
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }

  private compile(version: number): Build {
    const started = performance.now();
    const checked = checkCourse(this.path);
    const ms = Math.round(performance.now() - started);
    const errors = checked.report.errors;
    if (!checked.course || errors.length > 0) return { version, ok: false, errors: describe(checked, 'errors'), ms };
    return { version, ok: true, course: checked.course, warnings: describe(checked, 'warnings'), ms };
  }
}

/** The diagnostics as the terminal shows them: position, code frame, hint. */
function describe(checked: CheckResult, which: 'errors' | 'warnings'): string {
  const sources = new Map(checked.sources.map((file) => [file.displayPath, file.text]));
  const list = which === 'errors' ? checked.report.sorted().filter((d) => d.severity === 'error') : checked.report.warnings;
  return list.map((d) => formatDiagnostic(d, { sources, color: false })).join('\n\n');
}
