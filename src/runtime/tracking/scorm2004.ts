// SCORM 2004 4th edition adapter (cmi.*): points as raw/max, scaled for the LMS's sequencing.
import { decimal, isoDuration, isoTimestamp } from './format';
import { patternLimit, scorm2004Description, scorm2004LmsResponse } from './interaction-format';
import { warn } from './log';
import { ScormSession, scormLaunchMode } from './scorm-session';
import type { InteractionRecord, Launch, Score, Status, Tracker } from './tracker';
import type { Write } from './write-queue';

const DIALECT = {
  initialize: 'Initialize',
  terminate: 'Terminate',
  getValue: 'GetValue',
  setValue: 'SetValue',
  commit: 'Commit',
  getLastError: 'GetLastError',
  getErrorString: 'GetErrorString',
  getDiagnostic: 'GetDiagnostic',
};

// Without the status, bookmark and state the LMS keeps nothing of the learner's progress.
const ESSENTIAL = ['cmi.completion_status', 'cmi.location', 'cmi.suspend_data'];
const LOCATION_LIMIT = 1000;
const SUSPEND_DATA_LIMIT = 64000;

export class Scorm2004Tracker implements Tracker {
  readonly standard = 'scorm2004';
  readonly suspendDataLimit: number;
  private readonly session: ScormSession;
  private startedAt = Date.now();
  private nextInteraction = 0;
  private finished = false;
  activeTime?: () => number;

  /** `suspendDataLimit`: what the edition or LMS keeps, when less than the standard's. */
  constructor(api: object, suspendDataLimit = SUSPEND_DATA_LIMIT) {
    this.session = new ScormSession(api, DIALECT, ESSENTIAL);
    this.suspendDataLimit = Math.min(suspendDataLimit, SUSPEND_DATA_LIMIT);
  }

  /** SCORM 2004 RTE 4.2.14.2: the learner's preferred language, '' when unset. */
  preferredLanguage(): string {
    return this.session.get('cmi.learner_preference.language');
  }

  keepAlive(): void {
    this.session.keepAlive();
  }

  onRecording(listener: (recording: boolean) => void): void {
    this.session.onRecording(listener);
  }

  start(): Launch {
    this.startedAt = Date.now();
    this.session.initialize();
    const s = this.session;
    const passing = Number.parseFloat(s.get('cmi.scaled_passing_score'));
    const suspendData = s.get('cmi.suspend_data');
    this.nextInteraction = Number.parseInt(s.get('cmi.interactions._count'), 10) || 0;
    const mode = scormLaunchMode(s.get('cmi.mode'));
    const completion = s.get('cmi.completion_status');
    // Browse and review launches must leave the record as it is.
    if (mode === 'normal' && (completion === 'not attempted' || completion === 'unknown')) s.set('cmi.completion_status', 'incomplete');
    return {
      resumed: s.get('cmi.entry') === 'resume' || suspendData !== '',
      mode,
      learnerName: s.get('cmi.learner_name'),
      learnerId: s.get('cmi.learner_id'),
      ...(Number.isFinite(passing) ? { masteryScore: passing * 100 } : {}),
      location: s.get('cmi.location'),
      suspendData,
    };
  }

  saveState(location: string, suspendData: string): void {
    this.session.set('cmi.location', location.slice(0, LOCATION_LIMIT));
    if (suspendData.length > this.suspendDataLimit) return warn(`suspend data of ${suspendData.length} characters exceeds the LMS's ${this.suspendDataLimit}; not saved`);
    this.session.set('cmi.suspend_data', suspendData);
  }

  recordInteraction(record: InteractionRecord): void {
    const prefix = `cmi.interactions.${this.nextInteraction++}`;
    // The data model requires id first, then type before any response or pattern (RTE 4.2.9).
    const writes: Write[] = [
      [`${prefix}.id`, record.scorm?.id ?? record.id],
      [`${prefix}.type`, record.type],
      ...(record.description ? [[`${prefix}.description`, scorm2004Description(record.scorm?.description ?? record.description)] as const] : []),
      [`${prefix}.timestamp`, isoTimestamp(record.timestamp)],
      [`${prefix}.weighting`, decimal(record.weighting)],
      ...record.correctResponses.slice(0, patternLimit(record.type)).map((pattern, k) => [`${prefix}.correct_responses.${k}.pattern`, scorm2004LmsResponse(record.type, pattern)] as const),
      [`${prefix}.learner_response`, scorm2004LmsResponse(record.type, record.response)],
      [`${prefix}.result`, record.result],
      [`${prefix}.latency`, isoDuration(record.latencyMs)],
    ];
    this.session.record(writes);
  }

  reportScore(score: Score): void {
    this.session.set('cmi.score.min', '0');
    this.session.set('cmi.score.max', decimal(score.max));
    this.session.set('cmi.score.raw', decimal(score.raw));
    this.session.set('cmi.score.scaled', decimal(score.raw / score.max, 4));
  }

  reportStatus(status: Status): void {
    this.session.set('cmi.completion_status', status.completion);
    this.session.set('cmi.success_status', status.success);
    this.session.set('cmi.progress_measure', decimal(status.progress, 4));
  }

  commit(now?: boolean): void {
    this.session.commit(now);
  }

  finish(reason: 'finished' | 'suspended'): void {
    if (this.finished) return;
    this.finished = true;
    // "suspend" keeps the attempt: 2004 LMSs start a new, empty attempt after a normal exit.
    this.session.set('cmi.exit', reason === 'finished' ? 'normal' : 'suspend');
    this.session.set('cmi.session_time', isoDuration(this.activeTime?.() ?? Date.now() - this.startedAt));
    // Everything still queued, a commit, then Terminate, before returning: the page may be going away.
    this.session.commit(true);
    this.session.terminate();
  }
}
