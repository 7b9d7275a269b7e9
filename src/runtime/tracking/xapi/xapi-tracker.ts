// xAPI (Tin Can package) adapter: statements to the LRS named in the launch URL, bookmark and
// state through the State API, every write queued so a failing LRS loses nothing.
import type { CourseData } from '../../course-data';
import { isoDuration } from '../format';
import { localStorageOf } from '../standalone';
import type { ConnectionStatus, InteractionRecord, Launch, LaunchMode, Score, Status, Tracker } from '../tracker';
import type { Agent, LaunchParameters } from './launch';
import { LrsClient } from './lrs-client';
import { ACTIVITY_TYPES, activity, answeredResult, type Context, interactionActivity, statement, type VerbName } from './statements';

export const RESUME_STATE_ID = 'https://w3id.org/coursepack/state/resume';

/** Saved in the State API (and in localStorage, should the LRS be out of reach at relaunch). */
export interface ResumeDocument {
  location: string;
  suspendData: string;
  /** Verbs already sent in this registration: each of these may be sent once only. */
  reported: { completed?: boolean; passed?: boolean };
}

export class XapiTracker implements Tracker {
  readonly standard: 'xapi' | 'cmi5' = 'xapi';
  readonly suspendDataLimit = 64000;
  protected readonly client: LrsClient;
  protected readonly actor: Agent;
  protected readonly courseId: string;
  protected mode: LaunchMode = 'normal';
  protected masteryScore: number | undefined;
  protected resume: ResumeDocument = { location: '', suspendData: '', reported: {} };
  protected startedAt = Date.now();
  private score: Score | undefined;
  private failedThisSession = false;
  private finished = false;
  private readonly storage: Storage | undefined;

  constructor(
    protected readonly data: CourseData,
    protected readonly launch: LaunchParameters,
    protected readonly win: Window,
  ) {
    this.actor = launch.actor ?? { objectType: 'Agent', account: { homePage: win.location.origin, name: 'anonymous' } };
    this.courseId = launch.activityId ?? data.activityId;
    this.storage = localStorageOf(win);
    this.client = new LrsClient(launch.endpoint ?? '', this.storage, `coursepack:lrs:${this.courseId}:${launch.registration ?? JSON.stringify(this.actor)}`);
    this.client.authorization = launch.auth;
  }

  async prepare(): Promise<void> {
    this.resume = (await this.readResume()) ?? this.resume;
    this.startedAt = Date.now();
    this.send('initialized', this.courseActivity(), this.context('defined'));
  }

  start(): Launch {
    return {
      resumed: this.resume.location !== '' || this.resume.suspendData !== '',
      mode: this.mode,
      learnerName: this.actor.name ?? '',
      learnerId: this.actor.account?.name ?? this.actor.mbox ?? '',
      ...(this.masteryScore === undefined ? {} : { masteryScore: this.masteryScore * 100 }),
      location: this.resume.location,
      suspendData: this.resume.suspendData,
    };
  }

  onConnection(listener: (status: ConnectionStatus) => void): void {
    this.client.onConnection(listener);
  }

  pageViewed(page: { id: string; title: string }): void {
    const object = activity(`${this.courseId}/${page.id}`, ACTIVITY_TYPES.page, page.title, this.data.language);
    this.send('experienced', object, this.context('allowed'));
  }

  saveState(location: string, suspendData: string): void {
    this.resume = { ...this.resume, location, suspendData };
  }

  recordInteraction(record: InteractionRecord): void {
    const id = `${this.courseId}/${record.id.split('.').map(encodeURIComponent).join('/')}`;
    const context = this.context('allowed', record.pageId ? `${this.courseId}/${record.pageId}` : undefined);
    this.send('answered', interactionActivity(id, record, this.data.language), context, answeredResult(record), record.timestamp);
  }

  reportScore(score: Score): void {
    this.score = score;
  }

  reportStatus(status: Status): void {
    if (this.mode !== 'normal') return;
    const duration = isoDuration(Date.now() - this.startedAt);
    if (status.completion === 'completed' && !this.resume.reported.completed) {
      this.resume.reported.completed = true;
      this.send('completed', this.courseActivity(), this.context('defined', undefined, true), { completion: true, duration });
    }
    if (status.success === 'passed' && !this.resume.reported.passed) {
      this.resume.reported.passed = true;
      this.send('passed', this.courseActivity(), this.judgedContext(), { success: true, ...this.scoreResult(), duration });
    }
    if (status.success === 'failed' && !this.resume.reported.passed && !this.failedThisSession && this.mayFail()) {
      this.failedThisSession = true;
      this.send('failed', this.courseActivity(), this.judgedContext(), { success: false, ...this.scoreResult(), duration });
    }
  }

  commit(): void {
    this.writeResume();
  }

  finish(_reason: 'finished' | 'suspended', unloading = false): void {
    if (this.finished) return;
    this.finished = true;
    this.send('terminated', this.courseActivity(), this.context('defined'), { duration: isoDuration(Date.now() - this.startedAt) });
    this.writeResume();
    if (unloading) this.client.flushOnExit();
    else void this.client.flush().then(() => this.afterFinish());
  }

  /** What happens once everything is sent after the learner pressed Finish (cmi5: returnURL). */
  protected afterFinish(): void {}

  /** Whether a failed statement may be sent at all (cmi5: not without a mastery score). */
  protected mayFail(): boolean {
    return true;
  }

  protected courseActivity() {
    return activity(this.courseId, ACTIVITY_TYPES.course, this.data.title, this.data.language);
  }

  /** "defined": about the course itself; "allowed": about its pages and questions. */
  protected context(_kind: 'defined' | 'allowed', parent?: string, _moveOn = false): Context {
    return {
      ...(this.launch.registration ? { registration: this.launch.registration } : {}),
      language: this.data.language,
      contextActivities: _kind === 'allowed' ? { parent: [{ id: parent ?? this.courseId }], grouping: [{ id: this.courseId }] } : {},
    };
  }

  protected judgedContext(): Context {
    return this.context('defined', undefined, true);
  }

  protected send(verb: VerbName, object: ReturnType<typeof activity>, context: Context, result?: Record<string, unknown>, at?: Date): void {
    const built = statement(this.actor, verb, object, pruneContext(context), result);
    if (at) built.timestamp = at.toISOString();
    this.client.send(built);
  }

  private scoreResult(): Record<string, unknown> {
    const score = this.score;
    if (!score || score.max <= 0) return {};
    const raw = Math.round(score.raw);
    const max = Math.round(score.max);
    return { score: { scaled: Math.round((score.raw / score.max) * 10000) / 10000, raw, min: 0, max } };
  }

  private stateParams(): Record<string, string> {
    return {
      activityId: this.courseId,
      agent: JSON.stringify(this.actor),
      ...(this.launch.registration ? { registration: this.launch.registration } : {}),
      stateId: RESUME_STATE_ID,
    };
  }

  private writeResume(): void {
    if (this.mode !== 'normal') return;
    this.client.putState(this.stateParams(), this.resume);
    try {
      this.storage?.setItem(`${this.stateKey()}`, JSON.stringify(this.resume));
    } catch {
      // The LRS copy is the one that counts.
    }
  }

  private stateKey(): string {
    return `coursepack:resume:${this.courseId}:${this.launch.registration ?? ''}`;
  }

  /** The LRS's copy; this browser's copy when the LRS is out of reach or has an older one queued. */
  private async readResume(): Promise<ResumeDocument | undefined> {
    const local = parseResume(this.storage?.getItem(this.stateKey()) ?? null);
    if (this.client.backlog > 0 && local) return local;
    try {
      return parseResume(JSON.stringify(await this.client.getJson('activities/state', this.stateParams()))) ?? local;
    } catch {
      return local;
    }
  }
}

function parseResume(text: string | null): ResumeDocument | undefined {
  try {
    const value = JSON.parse(text ?? 'null') as Partial<ResumeDocument> | null;
    if (!value || typeof value.location !== 'string' || typeof value.suspendData !== 'string') return undefined;
    return { location: value.location, suspendData: value.suspendData, reported: value.reported ?? {} };
  } catch {
    return undefined;
  }
}

/** xAPI forbids empty contextActivities lists. */
function pruneContext(context: Context): Context {
  const activities = Object.fromEntries(Object.entries(context.contextActivities ?? {}).filter(([, list]) => list.length > 0));
  const { contextActivities: _, ...rest } = context;
  return Object.keys(activities).length ? { ...rest, contextActivities: activities } : rest;
}
