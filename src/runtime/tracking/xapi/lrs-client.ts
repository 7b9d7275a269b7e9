// A small xAPI 1.0.3 client: statements and state documents go through one ordered queue of
// typed requests, kept in localStorage until the LRS answers each one, retried with backoff, so a
// slow, failing or unreachable LRS loses nothing. Only the request that was answered leaves the
// queue. Each statement has its id: a resend is never counted twice.
import type { ConnectionStatus } from '../tracker';
import { warn } from '../log';

export type Statement = { id: string } & Record<string, unknown>;

/**
 * One write. `session` names the cmi5 session it belongs to (its credentials are kept with the
 * queue): cmi5 refuses a statement sent under another session's token (cmi5 8.2.1: the token is
 * "limited to the duration of the session"), so every request goes with its own session's.
 */
type Request = { session?: string } & ({ kind: 'statement'; statement: Statement } | { kind: 'state'; query: string; body: unknown });

interface Saved {
  version: 2;
  requests: Request[];
  /** Authorization of each session that still has requests queued. */
  sessions: Record<string, string>;
}

/** What the queue looked like before version 2 (statements first, then documents). */
interface SavedV1 {
  statements: Statement[];
  states: Array<{ query: string; body: unknown }>;
}

type Outcome = 'delivered' | 'dropped' | 'retry';

const BACKOFF_MS = [1000, 2000, 4000, 8000, 16000, 30000];
// Browsers allow 64 KiB of keepalive bodies in flight at once (Fetch standard, "keepalive").
const KEEPALIVE_BUDGET = 60000;

export class LrsClient {
  private saved: Saved;
  private busy = false;
  private failures = 0;
  /** The request sent and not yet answered, and whether it outlives the page (keepalive). */
  private inFlight: { request: Request; keepalive: boolean } | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private waiters: Array<() => void> = [];
  private listener: (status: ConnectionStatus) => void = () => {};
  private session: string | undefined;
  authorization: string | undefined;

  constructor(
    private readonly endpoint: string,
    private readonly storage: Storage | undefined,
    private readonly storageKey: string,
  ) {
    this.saved = this.load();
  }

  onConnection(listener: (status: ConnectionStatus) => void): void {
    this.listener = listener;
  }

  /** cmi5: requests queued from now on belong to this session and go with its credentials. */
  startSession(id: string, authorization: string): void {
    this.session = id;
    this.authorization = authorization;
  }

  /** How many writes wait for the LRS (those of an earlier session included). */
  get backlog(): number {
    return this.saved.requests.length;
  }

  /** Statements waiting in the queue (an earlier session's included). */
  queuedStatements(): Statement[] {
    return this.saved.requests.flatMap((request) => (request.kind === 'statement' ? [request.statement] : []));
  }

  send(statement: Statement): void {
    this.enqueue({ kind: 'statement', statement });
  }

  putState(params: Record<string, string>, body: unknown): void {
    const query = new URLSearchParams(params).toString();
    // Only the newest version of a document matters; the one on its way cannot be called back.
    const sending = this.inFlight?.request;
    this.saved.requests = this.saved.requests.filter((request) => request === sending || request.kind !== 'state' || request.query !== query);
    this.enqueue({ kind: 'state', query, body });
  }

  /** A JSON document from the LRS, undefined when it has none (404); throws when unreachable. */
  async getJson(path: string, params: Record<string, string>): Promise<unknown> {
    const response = await fetch(`${this.endpoint}${path}?${new URLSearchParams(params).toString()}`, { headers: this.headers(this.authorization, false) });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`LRS answered ${response.status} to GET ${path}`);
    return response.json();
  }

  /** Resolves once the LRS has answered every write queued so far (waiting through retries). */
  idle(): Promise<void> {
    if (this.backlog === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Sends what is queued, one request at a time, in order; on failure tries again later. */
  async flush(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let request = this.saved.requests[0]; request; request = this.saved.requests[0]) {
        if ((await this.deliver(request)) === 'retry') return this.retryLater();
        this.remove(request);
      }
      if (this.failures > 0) this.listener('online');
      this.failures = 0;
      this.waiters.splice(0).forEach((resolve) => resolve());
    } finally {
      this.busy = false;
    }
  }

  /**
   * The page is going away: hand the queue to the browser with keepalive (it outlives the page).
   * The request on its way already went with keepalive and is left to arrive. The others go in
   * queue order, consecutive statements as one POST (so they arrive in order), documents as PUTs;
   * the queue stays in localStorage, and what did not arrive is sent on the next launch (an LRS
   * ignores ids it already has).
   */
  flushOnExit(): void {
    let budget = KEEPALIVE_BUDGET;
    const sending = this.inFlight?.keepalive ? this.inFlight.request : undefined;
    if (sending) budget -= bodyOf(sending).length;
    let batch: Statement[] = [];
    let batchSession: string | undefined;
    const post = (): void => {
      if (batch.length) this.exitFetch(`${this.endpoint}statements`, 'POST', JSON.stringify(batch), batchSession);
      batch = [];
    };
    for (const request of this.saved.requests) {
      if (request === sending) continue;
      const size = bodyOf(request).length + 1;
      if (size > budget) break;
      budget -= size;
      if (request.kind === 'state') {
        post();
        this.exitFetch(this.urlOf(request), 'PUT', bodyOf(request), request.session);
        continue;
      }
      if (batch.length && batchSession !== request.session) post();
      batchSession = request.session;
      batch.push(request.statement);
    }
    post();
  }

  private enqueue(request: { kind: 'statement'; statement: Statement } | { kind: 'state'; query: string; body: unknown }): void {
    const session = this.session;
    if (session && this.authorization) this.saved.sessions[session] = this.authorization;
    this.saved.requests.push({ ...request, ...(session ? { session } : {}) });
    this.save();
    void this.flush();
  }

  private remove(request: Request): void {
    this.saved.requests = this.saved.requests.filter((queued) => queued !== request);
    const live = new Set(this.saved.requests.map((queued) => queued.session));
    for (const session of Object.keys(this.saved.sessions)) if (!live.has(session)) delete this.saved.sessions[session];
    this.save();
  }

  /** Sends one request and reads its answer. */
  private async deliver(request: Request): Promise<Outcome> {
    const authorization = this.authorizationOf(request);
    if (authorization === undefined) {
      warn(`no credentials are left for an earlier session's ${request.kind}; dropped`);
      return 'dropped';
    }
    const body = bodyOf(request);
    const keepalive = body.length <= KEEPALIVE_BUDGET;
    let status: number;
    this.inFlight = { request, keepalive };
    try {
      // keepalive: the request still arrives if the learner closes the window meanwhile.
      status = (await fetch(this.urlOf(request), { method: 'PUT', headers: this.headers(authorization, true), body, keepalive })).status;
    } catch {
      return 'retry';
    } finally {
      this.inFlight = undefined;
    }
    if (status >= 500 || status === 429 || status === 408) return 'retry';
    if (status < 300) return 'delivered';
    // 409: a statement with this id is already stored — a resend that arrived before.
    if (status !== 409) warn(`the LRS refused ${this.urlOf(request)} (${status}); dropped`);
    return 'dropped';
  }

  private urlOf(request: Request): string {
    if (request.kind === 'state') return `${this.endpoint}activities/state?${request.query}`;
    return `${this.endpoint}statements?statementId=${encodeURIComponent(request.statement.id)}`;
  }

  private authorizationOf(request: Request): string | undefined {
    if (!request.session) return this.authorization ?? '';
    return request.session === this.session ? this.authorization : this.saved.sessions[request.session];
  }

  private exitFetch(url: string, method: string, body: string, session: string | undefined): void {
    const authorization = session ? this.saved.sessions[session] : this.authorization;
    void fetch(url, { method, headers: this.headers(authorization, true), body, keepalive: true }).catch(() => undefined);
  }

  private retryLater(): void {
    if (this.failures === 0) this.listener('offline');
    const delay = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)] ?? 30000;
    this.failures++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), delay);
  }

  private headers(authorization: string | undefined, withBody: boolean): Record<string, string> {
    return {
      'X-Experience-API-Version': '1.0.3',
      ...(authorization ? { Authorization: authorization } : {}),
      ...(withBody ? { 'Content-Type': 'application/json' } : {}),
    };
  }

  private load(): Saved {
    try {
      const saved = JSON.parse(this.storage?.getItem(this.storageKey) ?? 'null') as Saved | SavedV1 | null;
      if (saved && 'version' in saved && Array.isArray(saved.requests) && saved.sessions && typeof saved.sessions === 'object') return saved;
      if (saved && 'statements' in saved && Array.isArray(saved.statements) && Array.isArray(saved.states)) return upgrade(saved);
    } catch {
      // A damaged queue is dropped rather than blocking the course.
    }
    return { version: 2, requests: [], sessions: {} };
  }

  private save(): void {
    try {
      if (this.backlog) this.storage?.setItem(this.storageKey, JSON.stringify(this.saved));
      else this.storage?.removeItem(this.storageKey);
    } catch (error) {
      warn(`could not keep unsent statements in this browser: ${String(error)}`);
    }
  }
}

function bodyOf(request: Request): string {
  return JSON.stringify(request.kind === 'statement' ? request.statement : request.body);
}

function upgrade(old: SavedV1): Saved {
  const statements = old.statements.map((statement): Request => ({ kind: 'statement', statement }));
  const states = old.states.map((state): Request => ({ kind: 'state', ...state }));
  return { version: 2, requests: [...statements, ...states], sessions: {} };
}
