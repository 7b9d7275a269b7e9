// Some LMSs answer "true" to a commit and store nothing (Moodle, once its session has expired).
// A copy of every committed bookmark and state stays in this browser; when the LMS hands back
// a state this browser committed earlier in the same attempt, the newer copy is resumed instead,
// and written to the LMS again.
import { warn } from './log';
import type { ConnectionStatus, InteractionRecord, Launch, Score, Status, Tracker } from './tracker';

interface Backup {
  location: string;
  suspendData: string;
  /** Fingerprints of the states committed in this attempt, oldest first, the LMS's own included. */
  chain: string[];
}

// Enough to recognise the LMS's copy however many commits it lost; a fingerprint is 7 characters.
const CHAIN_LIMIT = 500;

export class LocalBackupTracker implements Tracker {
  readonly standard: Tracker['standard'];
  readonly suspendDataLimit: number;
  private key = '';
  private backup: Backup | undefined;
  private latest: { location: string; suspendData: string } | undefined;

  constructor(
    private readonly inner: Tracker,
    private readonly storage: Storage | undefined,
    private readonly keyPrefix: string,
  ) {
    this.standard = inner.standard;
    this.suspendDataLimit = inner.suspendDataLimit;
  }

  /** The SCORM adapter behind reports the session's time. */
  set activeTime(read: (() => number) | undefined) {
    this.inner.activeTime = read;
  }

  get activeTime(): (() => number) | undefined {
    return this.inner.activeTime;
  }

  start(): Launch {
    const launch = this.inner.start();
    // Browse and review leave the record alone; without a learner id, whose copy would it be?
    if (launch.mode !== 'normal' || !launch.learnerId || !this.storage) return launch;
    this.key = `${this.keyPrefix}:${launch.learnerId}`;
    const fromLms = fingerprint(launch.location, launch.suspendData);
    const kept = this.read();
    const position = kept ? kept.chain.lastIndexOf(fromLms) : -1;
    // The LMS's state is an earlier one of this attempt: it lost what came after. An empty state
    // counts only when the LMS says the attempt goes on; otherwise it is a new attempt.
    const lmsIsBehind = kept && position >= 0 && position < kept.chain.length - 1 && (launch.suspendData !== '' || launch.resumed);
    if (kept && lmsIsBehind) {
      warn('the LMS handed back an older state than this browser committed; resuming from the newer one');
      this.backup = kept;
      this.inner.saveState(kept.location, kept.suspendData);
      // At once: the LMS must hold the newer state before the learner goes on.
      this.inner.commit(true);
      return { ...launch, resumed: true, location: kept.location, suspendData: kept.suspendData };
    }
    this.backup = { location: launch.location, suspendData: launch.suspendData, chain: [fromLms] };
    return launch;
  }

  preferredLanguage(): string {
    return this.inner.preferredLanguage?.() ?? '';
  }

  keepAlive(): void {
    this.inner.keepAlive?.();
  }

  saveState(location: string, suspendData: string): void {
    this.latest = { location, suspendData };
    this.inner.saveState(location, suspendData);
  }

  commit(now?: boolean): void {
    this.keep();
    this.inner.commit(now);
  }

  finish(reason: 'finished' | 'suspended', unloading?: boolean): void {
    this.keep();
    this.inner.finish(reason, unloading);
  }

  settled(): Promise<void> {
    return this.inner.settled?.() ?? Promise.resolve();
  }

  recordInteraction(record: InteractionRecord): void {
    this.inner.recordInteraction(record);
  }

  reportScore(score: Score): void {
    this.inner.reportScore(score);
  }

  reportStatus(status: Status): void {
    this.inner.reportStatus(status);
  }

  onConnection(listener: (status: ConnectionStatus) => void): void {
    this.inner.onConnection?.(listener);
  }

  onRecording(listener: (recording: boolean) => void): void {
    this.inner.onRecording?.(listener);
  }

  /** Adds the state about to be committed to the chain, and keeps it in this browser. */
  private keep(): void {
    const backup = this.backup;
    const latest = this.latest;
    if (!backup || !latest) return;
    const print = fingerprint(latest.location, latest.suspendData);
    if (backup.chain[backup.chain.length - 1] !== print) backup.chain = [...backup.chain, print].slice(-CHAIN_LIMIT);
    backup.location = latest.location;
    backup.suspendData = latest.suspendData;
    try {
      this.storage?.setItem(this.key, JSON.stringify(backup));
    } catch (error) {
      warn(`could not keep a copy of the progress in this browser: ${String(error)}`);
    }
  }

  private read(): Backup | undefined {
    try {
      const value = JSON.parse(this.storage?.getItem(this.key) ?? 'null') as Partial<Backup> | null;
      if (value && typeof value.location === 'string' && typeof value.suspendData === 'string' && Array.isArray(value.chain)) return value as Backup;
    } catch {
      // A damaged copy is no copy.
    }
    return undefined;
  }
}

/** FNV-1a (32 bits) of the bookmark and state: enough to tell this attempt's states apart. */
export function fingerprint(location: string, suspendData: string): string {
  const text = `${location}\n${suspendData}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
