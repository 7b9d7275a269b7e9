// One wrapper for both SCORM APIs: checks every call, logs LMS errors, writes only what changed,
// and writes through a queue that lets the page answer between calls (write-queue.ts).
import { warn } from './log';
import type { LaunchMode } from './tracker';
import { WriteQueue, type Write } from './write-queue';

/** The method names of an API; SCORM 1.2 prefixes them with "LMS". */
export interface Dialect {
  initialize: string;
  terminate: string;
  getValue: string;
  setValue: string;
  commit: string;
  getLastError: string;
  getErrorString: string;
  getDiagnostic: string;
}

type ApiObject = Record<string, ((...args: string[]) => unknown) | undefined>;

export class ScormSession {
  private readonly written = new Map<string, string>();
  private open = false;
  /** The LMS is not recording: Initialize failed, or since the last good commit an essential write or a commit did. */
  private refused = false;
  private failedSinceCommit = false;
  private listener: ((recording: boolean) => void) | undefined;
  private readonly queue = new WriteQueue({
    set: (element, value) => this.write(element, value),
    append: (element, value) => this.open && this.call(this.dialect.setValue, element, value),
    commit: () => this.commitNow(),
  });

  /** `essential`: the elements without which the LMS records nothing of the learner's progress. */
  constructor(
    private readonly api: object,
    private readonly dialect: Dialect,
    private readonly essential: readonly string[] = [],
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  initialize(): boolean {
    this.open = this.call(this.dialect.initialize, '');
    if (!this.open) this.setRefused(true);
    return this.open;
  }

  /** Every queued write, then Terminate: exactly once, after all writes. */
  terminate(): void {
    if (!this.open) return;
    this.queue.drain();
    this.call(this.dialect.terminate, '');
    this.open = false;
    this.queue.clear();
  }

  /** Commits after the writes queued so far; `now`: the page may be going away, so all of it before returning. */
  commit(now = false): void {
    if (!this.open) return;
    this.queue.commit();
    if (now) this.queue.drain();
  }

  /**
   * A Commit of whatever is queued (often nothing): the one call that every LMS sends to its
   * server, so the server's session is renewed (SAP SuccessFactors times out after 30 minutes
   * otherwise, SAP KBA 2978409). GetValue is answered from the page's own copy in most LMSs.
   * At once: the learner is idle, and a timer may not run again before the session ends.
   */
  keepAlive(): void {
    this.commit(true);
  }

  /**
   * Tells the listener when the LMS stops recording (Initialize failed, the API throws, the
   * progress or a commit is refused) and when a later commit shows it records again; at once if
   * it already does not.
   */
  onRecording(listener: (recording: boolean) => void): void {
    this.listener = listener;
    if (this.refused) listener(false);
  }

  /** The element's value, or "" when the LMS does not support it (logged). */
  get(element: string): string {
    if (!this.open) return '';
    const value = this.invoke(this.dialect.getValue, element);
    const text = value === undefined || value === null ? '' : String(value);
    // 403 is SCORM 2004's "not initialized": an element with no value yet, nothing to log.
    if (text === '' && ![0, 403].includes(this.lastError())) this.report(`${this.dialect.getValue}("${element}")`);
    return text;
  }

  /** Queues the value unless the LMS has it already (only what changed is written). */
  set(element: string, value: string): void {
    if (!this.open || (!this.queue.has(element) && this.written.get(element) === value)) return;
    this.queue.set(element, value);
  }

  /** Queues an interaction's writes, new elements each time; the rest are dropped when the LMS refuses the first (the id). */
  record(writes: readonly Write[]): void {
    if (this.open) this.queue.record(writes);
  }

  private write(element: string, value: string): boolean {
    if (!this.open) return false;
    const ok = this.call(this.dialect.setValue, element, value);
    if (ok) this.written.set(element, value);
    else if (this.essential.includes(element)) {
      this.failedSinceCommit = true;
      this.setRefused(true);
    }
    return ok;
  }

  private commitNow(): void {
    if (!this.open) return;
    const ok = this.call(this.dialect.commit, '');
    this.setRefused(!ok || this.failedSinceCommit);
    this.failedSinceCommit = false;
  }

  private setRefused(refused: boolean): void {
    if (refused === this.refused) return;
    this.refused = refused;
    this.listener?.(!refused);
  }

  private call(method: string, ...args: string[]): boolean {
    const result = this.invoke(method, ...args);
    // LMSs answer "true", true, or (Cornerstone during unload) null; anything else is a failure.
    const ok = result === true || String(result) === 'true';
    if (!ok) this.report(`${method}(${args.map((a) => JSON.stringify(a.length > 40 ? `${a.slice(0, 40)}…` : a)).join(', ')})`);
    return ok;
  }

  private invoke(method: string, ...args: string[]): unknown {
    const fn = (this.api as ApiObject)[method];
    if (typeof fn !== 'function') return undefined;
    try {
      return fn.apply(this.api, args);
    } catch (error) {
      warn(`${method} threw: ${String(error)}`);
      return undefined;
    }
  }

  private lastError(): number {
    return Number(this.invoke(this.dialect.getLastError)) || 0;
  }

  private report(what: string): void {
    const code = this.lastError();
    const text = code ? String(this.invoke(this.dialect.getErrorString, String(code)) ?? '') : '';
    const diagnostic = code ? String(this.invoke(this.dialect.getDiagnostic, String(code)) ?? '') : '';
    warn(`${what} failed${code ? `: ${code} ${text}${diagnostic && diagnostic !== text ? ` (${diagnostic})` : ''}` : ''}`);
  }
}

/** cmi.core.lesson_mode (1.2) and cmi.mode (2004) share their vocabulary; anything else is normal. */
export function scormLaunchMode(value: string): LaunchMode {
  return value === 'browse' || value === 'review' ? value : 'normal';
}
