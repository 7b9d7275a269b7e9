// xAPI (Tin Can package) adapter: statements to the LRS named in the launch URL, bookmark and
// state through the State API, every write queued so a failing LRS loses nothing.
import type { CourseData } from '../../course-data';
import { isoDuration } from '../format';
import { localStorageOf } from '../standalone';
import type { ConnectionStatus, InteractionRecord, Launch, LaunchMode, Score, Status, Tracker } from '../tracker';
import type { Agent, LaunchParameters } from './launch';
import { LrsClient } from './lrs-client';
import { ACTIVITY_TYPES, activity, answeredResult, type Context, interactionActivity, statement, type VerbName, verbId } from './statements';

export { RESUME_STATE_ID } from './state-ids';
import { RESUME_STATE_ID } from './state-ids';
/** How long a launch waits for an earlier launch's unsent writes before it starts. */
const LEFTOVER_WAIT_MS = 3000;

/** Saved in the State API (and in localStorage, should the LRS be out of reach at relaunch). */
export interface ResumeDocument {
  location: string;
  suspendData: string;
  /** Verbs already sent in this registration: each of these may be sent once only. */
  reported: { completed?: boolean; passed?: boolean };
  /** When it was written (ms since 1970): of two copies, the newer wins. */
  at?: number;
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
  activeTime?: () => number;
  private unloading = false;
  /** The resume document as last handed to the LRS: an unchanged one is not written again. */
  private written = '';
  private readonly storage: Storage | undefined;

  constructor(
    protected data: CourseData,
    protected readonly launch: LaunchParameters,
    protected readonly win: Window,
  ) {
    this.actor = launch.actor ?? { objectType: 'Agent', account: { homePage: win.location.origin, name: 'anonymous' } };
    this.courseId = launch.activityId ?? data.activityId;
    this.storage = localStorageOf(win);
    this.client = new LrsClient(launch.endpoint ?? '', this.storage, `coursepack:lrs:${this.courseId}:${launch.registration ?? JSON.stringify(this.actor)}`);
    this.client.authorization = launch.auth;
  }

  useCourseData(data: CourseData): void {
    this.data = data;
  }

  async prepare(): Promise<void> {
    await this.sendLeftovers();
    this.resume = (await this.readResume()) ?? this.resume;
    this.resume.reported = await this.reportedSoFar(this.resume.reported);
    const { at: _, ...content } = this.resume;
    this.written = JSON.stringify(content);
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
    const duration = this.duration();
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
    if (!this.finished) {
      // The last bookmark goes before terminated: a cmi5 LMS refuses every write after it
      // (cmi5 9.3: terminated is the session's last statement; CATAPULT 8.1.2.0-2).
      this.writeResume();
      this.send('terminated', this.courseActivity(), this.context('defined'), { duration: this.duration() });
      this.finished = true;
      void this.client.idle().then(() => this.unloading || this.afterFinish());
    }
    // Also after Finish: whatever the LRS has not acknowledged yet is handed to the browser, once.
    if (unloading && !this.unloading) {
      this.unloading = true;
      this.client.flushOnExit();
    }
  }

  /** The session's time: the active time where the course counts seat time, else the wall clock's. */
  private duration(): string {
    return isoDuration(this.activeTime?.() ?? Date.now() - this.startedAt);
  }

  settled(): Promise<void> {
    return this.client.idle();
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
    // Nothing follows terminated in a session (cmi5 9.3).
    if (this.finished) return;
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
    const { at: _, ...content } = this.resume;
    const text = JSON.stringify(content);
    if (this.mode !== 'normal' || text === this.written) return;
    this.written = text;
    this.resume = { ...content, at: Date.now() };
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

  /**
   * Writes left by an earlier launch in this browser go first, each with its own session's
   * credentials (see LrsClient); the LRS gets a few seconds for them before this session starts.
   */
  private async sendLeftovers(): Promise<void> {
    if (this.client.backlog === 0) return;
    void this.client.flush();
    await Promise.race([this.client.idle(), new Promise((resolve) => setTimeout(resolve, LEFTOVER_WAIT_MS))]);
  }

  /**
   * Which of completed and passed this registration already has. The LRS's statements are the
   * truth: the resume document may have been lost with the last session (another device, a tab
   * closed mid-write), and cmi5 allows each once per registration (cmi5 9.3). Statements still
   * queued in this browser count too. Without an answer from the LRS, the resume document decides.
   */
  private async reportedSoFar(fromDocument: ResumeDocument['reported']): Promise<ResumeDocument['reported']> {
    const queued = (verb: VerbName) => this.client.queuedStatements().some((s) => (s.verb as { id?: string } | undefined)?.id === verbId(verb) && (s.object as { id?: string } | undefined)?.id === this.courseId);
    const stored = async (verb: VerbName): Promise<boolean> => {
      const params = { agent: JSON.stringify(this.actor), verb: verbId(verb), activity: this.courseId, limit: '1', ...(this.launch.registration ? { registration: this.launch.registration } : {}) };
      const found = (await this.client.getJson('statements', params)) as { statements?: unknown[] } | undefined;
      return Boolean(found?.statements?.length);
    };
    try {
      const [completed, passed] = await Promise.all([stored('completed'), stored('passed')]);
      return { completed: completed || queued('completed'), passed: passed || queued('passed') };
    } catch {
      return { completed: Boolean(fromDocument.completed) || queued('completed'), passed: Boolean(fromDocument.passed) || queued('passed') };
    }
  }

  /** The LRS's copy; this browser's copy when the LRS is out of reach or has an older one queued. */
  private async readResume(): Promise<ResumeDocument | undefined> {
    const local = parseResume(this.storage?.getItem(this.stateKey()) ?? null);
    if (this.client.backlog > 0 && local) return local;
    try {
      const remote = parseResume(JSON.stringify(await this.client.getJson('activities/state', this.stateParams())));
      // This browser's copy is newer when its last write never reached the LRS.
      return !remote || (local && (local.at ?? 0) > (remote.at ?? 0)) ? local : remote;
    } catch {
      return local;
    }
  }
}

function parseResume(text: string | null): ResumeDocument | undefined {
  try {
    const value = JSON.parse(text ?? 'null') as Partial<ResumeDocument> | null;
    if (!value || typeof value.location !== 'string' || typeof value.suspendData !== 'string') return undefined;
    return { location: value.location, suspendData: value.suspendData, reported: value.reported ?? {}, ...(typeof value.at === 'number' ? { at: value.at } : {}) };
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
