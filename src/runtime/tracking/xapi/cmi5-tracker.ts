// cmi5 adapter: the xAPI adapter plus cmi5's rules — one POST to the fetch URL for the token,
// LMS.LaunchData (mode, mastery score, moveOn, returnURL, context template), learner
// preferences, defined statements with the cmi5 categories and session id, returnURL on exit.
import { LaunchError } from '../tracker';
import type { Context } from './statements';
import { XapiTracker } from './xapi-tracker';

const CATEGORY_CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const CATEGORY_MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const EXTENSION_MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const EXTENSION_SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

interface LaunchData {
  contextTemplate?: Context;
  launchMode?: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
}

export class Cmi5Tracker extends XapiTracker {
  override readonly standard = 'cmi5';
  private launchData: LaunchData = {};
  private languagePreference = '';

  override async prepare(): Promise<void> {
    const { fetch: fetchUrl, activityId, actor, registration } = this.launch;
    if (!fetchUrl || !activityId || !actor || !registration) throw new LaunchError(this.data.strings.cmi5LaunchIncomplete ?? 'This course was launched without its cmi5 launch parameters.');
    const authorization = `Basic ${await this.authToken(fetchUrl)}`;
    this.client.authorization = authorization;
    const params = { activityId, agent: JSON.stringify(actor), registration };
    try {
      this.launchData = ((await this.client.getJson('activities/state', { ...params, stateId: 'LMS.LaunchData' })) as LaunchData | undefined) ?? {};
      // cmi5 10.0 (Learner Preferences): a multi-language package opens in languagePreference,
      // "a comma-separated list of RFC 5646 language tags" in order of preference.
      const preferences = (await this.client.getJson('agents/profile', { agent: JSON.stringify(actor), profileId: 'cmi5LearnerPreferences' }).catch(() => undefined)) as { languagePreference?: unknown } | undefined;
      if (typeof preferences?.languagePreference === 'string') this.languagePreference = preferences.languagePreference;
    } catch {
      throw new LaunchError(this.data.strings.lmsUnreachable ?? 'The learning management system cannot be reached. Please try again later.');
    }
    this.mode = this.launchData.launchMode === 'Browse' ? 'browse' : this.launchData.launchMode === 'Review' ? 'review' : 'normal';
    this.masteryScore = typeof this.launchData.masteryScore === 'number' ? this.launchData.masteryScore : undefined;
    // A launch without a session id in its context template is still a session of its own.
    const sessionId = this.launchData.contextTemplate?.extensions?.[EXTENSION_SESSION];
    this.client.startSession(typeof sessionId === 'string' ? sessionId : fetchUrl, authorization);
    await super.prepare();
  }

  preferredLanguage(): string {
    return this.languagePreference;
  }

  /** POSTs the one-time fetch URL once per session; a reload of the page reuses the token. */
  private async authToken(fetchUrl: string): Promise<string> {
    const key = `coursepack:cmi5-token:${fetchUrl}`;
    const cached = safeSession(this.win)?.getItem(key);
    if (cached) return cached;
    let body: Record<string, string> = {};
    try {
      body = (await (await fetch(fetchUrl, { method: 'POST' })).json()) as Record<string, string>;
    } catch {
      throw new LaunchError(this.data.strings.lmsUnreachable ?? 'The learning management system cannot be reached.');
    }
    const token = body['auth-token'];
    if (!token) {
      const reason = body['error-code'] === '1' ? this.data.strings.cmi5LaunchUsed : this.data.strings.cmi5LaunchRefused;
      throw new LaunchError(`${reason ?? 'The course could not start.'}${body['error-text'] ? ` (${body['error-text']})` : ''}`);
    }
    safeSession(this.win)?.setItem(key, token);
    return token;
  }

  protected override mayFail(): boolean {
    // Without a mastery score, moveOn decides; "failed" would be a judgement cmi5 does not ask for.
    return this.masteryScore !== undefined;
  }

  protected override afterFinish(): void {
    if (this.launchData.returnURL) this.win.location.href = this.launchData.returnURL;
  }

  protected override context(kind: 'defined' | 'allowed', parent?: string, moveOn = false): Context {
    const template = structuredCloneSafe(this.launchData.contextTemplate ?? {});
    const activities = { ...(template.contextActivities ?? {}) };
    if (kind === 'defined') activities.category = [...(activities.category ?? []), { id: CATEGORY_CMI5 }, ...(moveOn ? [{ id: CATEGORY_MOVEON }] : [])];
    else activities.parent = [{ id: parent ?? this.courseId }];
    return { ...template, registration: this.launch.registration, language: this.data.language, contextActivities: activities };
  }

  protected override judgedContext(): Context {
    const context = this.context('defined', undefined, true);
    if (this.masteryScore === undefined) return context;
    return { ...context, extensions: { ...(context.extensions ?? {}), [EXTENSION_MASTERY]: this.masteryScore } };
  }
}

function safeSession(win: Window): Storage | undefined {
  try {
    return win.sessionStorage;
  } catch {
    return undefined;
  }
}

function structuredCloneSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
