// Without an LMS the course still runs; progress stays in this browser's localStorage.
import { warn } from './log';
import type { Launch, Tracker } from './tracker';

interface Saved {
  location: string;
  suspendData: string;
  /** Typed by the learner for the certificate (no LMS gives a name here). */
  learnerName?: string;
}

export class StandaloneTracker implements Tracker {
  readonly standard = 'standalone';
  // localStorage keeps megabytes; this keeps one course from hogging it.
  readonly suspendDataLimit = 64000;
  private saved: Saved = { location: '', suspendData: '' };
  private finished = false;

  constructor(
    private readonly storage: Storage | undefined,
    private readonly key: string,
  ) {}

  start(): Launch {
    const stored = this.read();
    if (stored) this.saved = stored;
    return { resumed: Boolean(stored), mode: 'normal', learnerName: this.saved.learnerName ?? '', learnerId: '', location: this.saved.location, suspendData: this.saved.suspendData };
  }

  saveState(location: string, suspendData: string): void {
    this.saved = { ...this.saved, location, suspendData };
  }

  saveLearnerName(name: string): void {
    this.saved = { ...this.saved, learnerName: name };
    this.commit();
  }

  recordInteraction(): void {}
  reportScore(): void {}
  reportStatus(): void {}

  commit(): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.saved));
    } catch (error) {
      warn(`could not save progress in this browser: ${String(error)}`);
    }
  }

  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.commit();
  }

  private read(): Saved | undefined {
    try {
      const text = this.storage?.getItem(this.key);
      const value = text ? (JSON.parse(text) as Partial<Saved>) : undefined;
      if (!value || typeof value.location !== 'string' || typeof value.suspendData !== 'string') return undefined;
      const name = typeof value.learnerName === 'string' ? { learnerName: value.learnerName } : {};
      return { location: value.location, suspendData: value.suspendData, ...name };
    } catch {
      return undefined;
    }
  }
}

/** Sandboxed frames throw on the mere access of localStorage. */
export function localStorageOf(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}
