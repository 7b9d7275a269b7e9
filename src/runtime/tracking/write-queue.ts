// Writes to a SCORM API go through this queue: in order, a slice at a time, each slice after the
// page has painted. An LMS whose API blocks on every call (a synchronous request to its server
// each time) froze the page for 20 s after a quiz was submitted (70 calls of 300 ms in one go);
// now the learner sees the feedback first and the page answers between calls.

/** One SetValue: element, value. */
export type Write = readonly [element: string, value: string];

type Op =
  | { kind: 'set'; element: string; value: string }
  /** One interaction: its writes in order (SCORM 2004 RTE 4.2.9: id, then type, then the rest). */
  | { kind: 'record'; writes: readonly Write[]; next: number }
  | { kind: 'commit' };

/** What the queue calls, one LMS call each. */
export interface Writer {
  /** A value that replaces the element's last one; true when the LMS took it. */
  set(element: string, value: string): boolean;
  /** A new element (of an interaction); true when the LMS took it. */
  append(element: string, value: string): boolean;
  commit(): void;
}

// How long one slice of calls may hold the page: well within a frame (16 ms at 60 Hz).
const SLICE_MS = 8;

export class WriteQueue {
  private readonly ops: Op[] = [];
  private scheduled = false;

  constructor(
    private readonly writer: Writer,
    private readonly later: (run: () => void) => void = afterPaint,
  ) {}

  /** True while a value for the element waits. */
  has(element: string): boolean {
    return this.ops.some((op) => op.kind === 'set' && op.element === element);
  }

  /** Queues a value; one still waiting for the same element is replaced where it stands. */
  set(element: string, value: string): void {
    const waiting = this.ops.find((op): op is Extract<Op, { kind: 'set' }> => op.kind === 'set' && op.element === element);
    if (waiting) waiting.value = value;
    else this.push({ kind: 'set', element, value });
  }

  /** Queues an interaction's writes; when the LMS refuses the first (the id), the rest are dropped. */
  record(writes: readonly Write[]): void {
    if (writes.length) this.push({ kind: 'record', writes, next: 0 });
  }

  /** Queues a commit after everything queued so far (Moodle stores only what a commit carries). */
  commit(): void {
    if (this.ops[this.ops.length - 1]?.kind !== 'commit') this.push({ kind: 'commit' });
  }

  /** Makes every queued call now, in order: the page may be going away, or the session ends. */
  drain(): void {
    while (this.ops.length) this.step();
  }

  clear(): void {
    this.ops.length = 0;
  }

  private push(op: Op): void {
    this.ops.push(op);
    if (this.scheduled) return;
    this.scheduled = true;
    this.later(() => this.slice());
  }

  /** Calls until the slice's time is up (at least one call), then lets the page paint and answer. */
  private slice(): void {
    this.scheduled = false;
    const start = Date.now();
    do this.step();
    while (this.ops.length && Date.now() - start < SLICE_MS);
    if (this.ops.length && !this.scheduled) {
      this.scheduled = true;
      this.later(() => this.slice());
    }
  }

  private step(): void {
    const op = this.ops[0];
    if (!op) return;
    if (op.kind === 'record') {
      const [element, value] = op.writes[op.next++] as Write;
      const ok = this.writer.append(element, value);
      if ((op.next === 1 && !ok) || op.next >= op.writes.length) this.ops.shift();
      return;
    }
    this.ops.shift();
    if (op.kind === 'set') this.writer.set(op.element, op.value);
    else this.writer.commit();
  }
}

/**
 * Runs `run` once the page has painted what just changed (a task after the next frame), or after
 * 100 ms when no frame comes (a hidden page draws none; it is flushed on visibilitychange anyway).
 */
export function afterPaint(run: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    run();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}
