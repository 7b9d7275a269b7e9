// SCORM 1.2 adapter (cmi.core.*). Scores go out as percentages: many 1.2 LMSs read raw that way.
import { cmiTime, cmiTimespan, decimal } from './format';
import { patternLimit, scorm12Response, scorm12Result, scorm12Type } from './interaction-format';
import { warn } from './log';
import { ScormSession, scormLaunchMode } from './scorm-session';
import type { InteractionRecord, Launch, Score, Status, Tracker } from './tracker';
import type { Write } from './write-queue';

const DIALECT = {
  initialize: 'LMSInitialize',
  terminate: 'LMSFinish',
  getValue: 'LMSGetValue',
  setValue: 'LMSSetValue',
  commit: 'LMSCommit',
  getLastError: 'LMSGetLastError',
  getErrorString: 'LMSGetErrorString',
  getDiagnostic: 'LMSGetDiagnostic',
};

// Without the status, bookmark and state the LMS keeps nothing of the learner's progress.
const ESSENTIAL = ['cmi.core.lesson_status', 'cmi.core.lesson_location', 'cmi.suspend_data'];
const LOCATION_LIMIT = 255;
const SUSPEND_DATA_LIMIT = 4096;

export class Scorm12Tracker implements Tracker {
  readonly standard = 'scorm12';
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

  /** SCORM 1.2 RTE 3.4.2.3.2: the learner's preferred language, '' when unset. */
  preferredLanguage(): string {
    return this.session.get('cmi.student_preference.language');
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
    const mastery = Number.parseFloat(s.get('cmi.student_data.mastery_score'));
    const suspendData = s.get('cmi.suspend_data');
    const status = s.get('cmi.core.lesson_status');
    // An LMS without _count still takes interactions; start at 0 then.
    this.nextInteraction = Number.parseInt(s.get('cmi.interactions._count'), 10) || 0;
    const mode = scormLaunchMode(s.get('cmi.core.lesson_mode'));
    // Browse and review launches must leave the record as it is.
    if (mode === 'normal' && (status === 'not attempted' || status === '')) s.set('cmi.core.lesson_status', 'incomplete');
    return {
      resumed: s.get('cmi.core.entry') === 'resume' || suspendData !== '',
      mode,
      learnerName: s.get('cmi.core.student_name'),
      learnerId: s.get('cmi.core.student_id'),
      ...(Number.isFinite(mastery) ? { masteryScore: mastery } : {}),
      location: s.get('cmi.core.lesson_location'),
      suspendData,
    };
  }

  saveState(location: string, suspendData: string): void {
    this.session.set('cmi.core.lesson_location', location.slice(0, LOCATION_LIMIT));
    // Writing more than the limit makes LMSs truncate it into unreadable JSON: keep the last good state.
    if (suspendData.length > this.suspendDataLimit) return warn(`suspend data of ${suspendData.length} characters exceeds the LMS's ${this.suspendDataLimit}; not saved`);
    this.session.set('cmi.suspend_data', suspendData);
  }

  recordInteraction(record: InteractionRecord): void {
    const prefix = `cmi.interactions.${this.nextInteraction++}`;
    const response = scorm12Response(record, record.response);
    const patterns = record.correctResponses.slice(0, patternLimit(record.type)).map((pattern) => scorm12Response(record, pattern));
    // A choice without a single-character name (past the 36th) cannot be written as 1.2 asks.
    if (response === undefined || patterns.includes(undefined)) warn(`${record.id}: a choice past the 36th has no SCORM 1.2 name; its response is not recorded`);
    const writes: Write[] = [
      [`${prefix}.id`, record.scorm?.id ?? record.id],
      [`${prefix}.type`, scorm12Type(record.type)],
      ...(response === undefined ? [] : [[`${prefix}.student_response`, response] as const]),
      ...patterns.flatMap((pattern, k) => (pattern === undefined ? [] : [[`${prefix}.correct_responses.${k}.pattern`, pattern] as const])),
      [`${prefix}.result`, scorm12Result(record.result)],
      [`${prefix}.weighting`, decimal(record.weighting)],
      [`${prefix}.time`, cmiTime(record.timestamp)],
      [`${prefix}.latency`, cmiTimespan(record.latencyMs)],
    ];
    this.session.record(writes);
  }

  reportScore(score: Score): void {
    this.session.set('cmi.core.score.min', '0');
    this.session.set('cmi.core.score.max', '100');
    this.session.set('cmi.core.score.raw', decimal((100 * score.raw) / score.max));
  }

  reportStatus(status: Status): void {
    this.session.set('cmi.core.lesson_status', lessonStatus(status));
  }

  commit(now?: boolean): void {
    this.session.commit(now);
  }

  finish(reason: 'finished' | 'suspended'): void {
    if (this.finished) return;
    this.finished = true;
    this.session.set('cmi.core.exit', reason === 'finished' ? '' : 'suspend');
    this.session.set('cmi.core.session_time', cmiTimespan(this.activeTime?.() ?? Date.now() - this.startedAt));
    // Everything still queued, a commit, then LMSFinish, before returning: the page may be going away.
    this.session.commit(true);
    this.session.terminate();
  }
}

/** 1.2 has one status for both completion and success. */
function lessonStatus(status: Status): string {
  if (status.success !== 'unknown') return status.success;
  return status.completion;
}
