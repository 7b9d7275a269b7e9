// What a run prints, course by course in the order the courses were named whatever order the
// workers finish them in: a line per package as it is produced (stdout; stderr with --json,
// whose stdout is the JSON), a live progress line on a terminal, and at the end every course's
// diagnostics with their positions, then a line per failed course. An outcome is dropped once
// printed; only the JSON report (small, without sources) is kept to the end.
import { relative } from 'node:path';
import { fitColumns } from './columns';
import type { CourseOutcome } from './outcome';

type Output = { write(text: string): void };

export interface ReporterOptions {
  command: 'build' | 'validate';
  json: boolean;
  /** A live progress line on stderr (a terminal, not CI, not --json). */
  live: boolean;
}

const CLEAR_LINE = '\r\u001b[2K';

export class RunReporter {
  private readonly pending = new Map<number, CourseOutcome>();
  private next = 0;
  private done = 0;
  private current = '';
  private readonly started = Date.now();
  private readonly diagnostics: string[] = [];
  private readonly failed: string[] = [];
  private readonly jsonCourses: object[] = [];
  private readonly counts = { built: 0, unchanged: 0 };

  constructor(private readonly total: number, private readonly options: ReporterOptions, private readonly out: Output, private readonly err: Output) {}

  /** A course has started: the progress line names it. */
  start(course: string): void {
    this.current = course;
    this.draw();
  }

  /** The outcome of the `index`th course; printed once every course before it has been. */
  add(index: number, outcome: CourseOutcome): void {
    this.done++;
    this.pending.set(index, outcome);
    for (let ready = this.pending.get(this.next); ready; ready = this.pending.get(this.next)) {
      this.pending.delete(this.next++);
      this.print(ready);
    }
    this.draw();
  }

  /** Prints what was kept for the end; the exit code's verdict: did any course fail? */
  finish(): boolean {
    this.clear();
    for (const text of this.diagnostics) this.err.write(`${text}\n\n`);
    for (const line of this.failed) this.err.write(`${line}\n`);
    if (this.options.json) this.out.write(`${JSON.stringify({ ok: this.failed.length === 0, courses: this.jsonCourses }, null, 2)}\n`);
    else if (this.total > 1 && this.options.command === 'build') this.out.write(`${this.summary()}\n`);
    return this.failed.length > 0;
  }

  private print(outcome: CourseOutcome): void {
    this.diagnostics.push(...outcome.text);
    const lines = this.options.json ? this.err : this.out;
    const warned = outcome.warnings ? `, ${count(outcome.warnings, 'warning')}` : '';
    this.clear();
    if (outcome.errors > 0) this.failed.push(`${outcome.course}: ${count(outcome.errors, 'error')}${warned}; nothing was written.`);
    else if (this.options.command === 'validate') lines.write(`${outcome.course}: valid (${count(outcome.pages ?? 0, 'page')}${warned})\n`);
    for (const built of outcome.packages) {
      this.counts[built.unchanged ? 'unchanged' : 'built']++;
      lines.write(`${built.unchanged ? 'unchanged' : 'built'} ${relativeToCwd(built.path)} (${(built.bytes / 1024).toFixed(1)} KiB)\n`);
    }
    if (this.options.json) this.jsonCourses.push(toJson(outcome, this.options.command));
  }

  private summary(): string {
    const failed = this.failed.length ? `, ${count(this.failed.length, 'course')} failed` : '';
    return `${count(this.total, 'course')}: ${count(this.counts.built, 'package')} built, ${this.counts.unchanged} unchanged${failed} (${seconds(Date.now() - this.started)})`;
  }

  private draw(): void {
    if (!this.options.live) return;
    const elapsed = Date.now() - this.started;
    const eta = this.done > 0 && this.done < this.total ? `, about ${seconds((elapsed / this.done) * (this.total - this.done))} left` : '';
    const width = (process.stderr as { columns?: number }).columns || 80;
    const line = `[${this.done}/${this.total}] ${seconds(elapsed)}${eta} · ${this.current}`;
    // One column short of the width: a line that fills the last column wraps on some terminals.
    this.err.write(`${CLEAR_LINE}${fitColumns(line, Math.max(10, width - 1))}`);
  }

  private clear(): void {
    if (this.options.live) this.err.write(CLEAR_LINE);
  }
}

function toJson(outcome: CourseOutcome, command: 'build' | 'validate') {
  const list = (unchanged: boolean) => outcome.packages.filter((p) => p.unchanged === unchanged).map((p) => ({ target: p.target, path: relativeToCwd(p.path), bytes: p.bytes }));
  return {
    course: outcome.course,
    id: outcome.id,
    ok: outcome.errors === 0,
    diagnostics: outcome.json,
    packages: command === 'build' ? list(false) : undefined,
    unchanged: command === 'build' ? list(true) : undefined,
  };
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function relativeToCwd(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}
