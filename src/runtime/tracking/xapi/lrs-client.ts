// A small xAPI 1.0.3 client: statements and state documents go through one queue of typed
// requests, kept in localStorage until the LRS answers each one, retried with backoff, so a slow,
// failing or unreachable LRS loses nothing. Only the request that was answered leaves the queue.
// Each statement has its id: a resend is never counted twice. Two lanes drain the queue, each with
// one request in flight: statements in order, and state documents, which do not depend on
// statement order and so never wait behind a slow statement batch.
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

/** delivered / dropped: the requests leave the queue; split: a batch goes again statement by statement. */
type Outcome = 'delivered' | 'dropped' | 'retry' | 'split';

type Lane = Request['kind'];

const TERMINATED = 'http://adlnet.gov/expapi/verbs/terminated';

const BACKOFF_MS = [1000, 2000, 4000, 8000, 16000, 30000];
// Browsers allow 64 KiB of keepalive bodies in flight at once (Fetch standard, "keepalive").
const KEEPALIVE_BUDGET = 60000;
/** Statements queued one after another go as one POST: one round trip however slow the LRS. */
const BATCH_LIMIT = 50;

export class LrsClient {
  private saved: Saved;
  private readonly busy: Record<Lane, boolean> = { statement: false, state: false };
  /** Failed attempts in a row, per lane: the LRS may refuse documents and take statements. */
  private readonly failures: Record<Lane, number> = { statement: 0, state: 0 };
  private readonly retryTimers: Partial<Record<Lane, ReturnType<typeof setTimeout>>> = {};
  /** Each lane's requests sent and not yet answered, and whether they outlive the page (keepalive). */
  private readonly inFlight: Partial<Record<Lane, { requests: Request[]; keepalive: boolean }>> = {};
  /** Handed to the browser at exit and not answered yet: a page that lives on does not send them again. */
  private readonly handedOver = new Set<Request>();
  /**
   * Statements of a batch the LRS refused: each goes again on its own (PUT), where an exact repeat
   * is accepted (a batch that arrived before its answer was lost) and a bad one is refused alone.
   */
  private readonly singles = new WeakSet<Request>();
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
    const sending = this.inFlight.state?.requests ?? [];
    this.saved.requests = this.saved.requests.filter((request) => sending.includes(request) || request.kind !== 'state' || request.query !== query);
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

  /** Sends what is queued, each lane in order, one request (or batch) at a time; on failure tries again later. */
  async flush(): Promise<void> {
    await Promise.all([this.drain('state'), this.drain('statement')]);
  }

  private async drain(lane: Lane): Promise<void> {
    if (this.busy[lane]) return;
    this.busy[lane] = true;
    try {
      for (let batch = this.next(lane); batch.length; batch = this.next(lane)) {
        const outcome = await this.deliver(lane, batch);
        if (outcome === 'retry') return this.retryLater(lane);
        if (outcome === 'split') batch.forEach((request) => this.singles.add(request));
        else this.remove(batch);
        this.recovered(lane);
        // An answered state document may free the terminated statement that waited for it.
        if (lane === 'state') void this.drain('statement');
      }
      if (this.backlog === 0) this.waiters.splice(0).forEach((resolve) => resolve());
    } finally {
      this.busy[lane] = false;
    }
  }

  /**
   * The page is going away: hand the queue to the browser with keepalive (it outlives the page).
   * Documents go first as PUTs; each session's statements as one POST, so they arrive all
   * together and in order or not at all. The requests on their way are left to arrive while the
   * LRS has been answering (in a batch, a strict LRS that already stored one would refuse the
   * whole batch); while the LRS is failing they most likely did not arrive and go again, the
   * statements in the batch, which keeps the order. Requests handed over at once, or one sent
   * while another is on its way, may reach the LRS in any order (a slower path, a CORS preflight),
   * so a cmi5 session's terminated goes only when no other write of its session is unanswered or
   * sent now outside its own POST (the session's statements go in it, in order); state documents
   * count only while the LRS takes them. Else it stays queued: a cmi5 LMS refuses every write
   * after terminated (cmi5 9.3), the last bookmark and completed or passed included, and abandons
   * a session left open. The queue stays in localStorage: what did not arrive goes at the next
   * launch (an LRS ignores ids it already has).
   */
  flushOnExit(): void {
    let budget = KEEPALIVE_BUDGET;
    const sending = (['state', 'statement'] as const).flatMap((lane) => {
      const flight = this.inFlight[lane];
      return flight?.keepalive && this.failures[lane] === 0 ? flight.requests : [];
    });
    for (const request of sending) budget -= bodyOf(request).length;
    const fits = (request: Request): boolean => {
      const size = bodyOf(request).length + 1;
      budget -= size;
      return budget >= 0;
    };
    const late = new Set<string | undefined>();
    // While the LRS refuses documents, the bookmark will most likely not land: it holds nothing back.
    const mayOvertake = (request: Request): boolean => request.session !== undefined && (request.kind === 'statement' || this.failures.state === 0);
    for (const request of [...(this.inFlight.state?.requests ?? []), ...(this.inFlight.statement?.requests ?? [])]) {
      if (mayOvertake(request)) late.add(request.session);
    }
    for (const request of this.saved.requests) {
      if (sending.includes(request) || this.handedOver.has(request) || request.kind !== 'state') continue;
      if (mayOvertake(request)) late.add(request.session);
      if (fits(request)) this.exitFetch(this.urlOf(request), 'PUT', bodyOf(request), [request]);
    }
    const batches = new Map<string | undefined, Request[]>();
    for (const request of this.saved.requests) {
      if (sending.includes(request) || this.handedOver.has(request) || request.kind !== 'statement' || (isTerminated(request) && late.has(request.session)) || !fits(request)) continue;
      batches.set(request.session, [...(batches.get(request.session) ?? []), request]);
    }
    for (const batch of batches.values()) this.exitFetch(`${this.endpoint}statements`, 'POST', batchBody(batch), batch);
  }

  private enqueue(request: { kind: 'statement'; statement: Statement } | { kind: 'state'; query: string; body: unknown }): void {
    const session = this.session;
    if (session && this.authorization) this.saved.sessions[session] = this.authorization;
    this.saved.requests.push({ ...request, ...(session ? { session } : {}) });
    this.save();
    void this.flush();
  }

  private remove(batch: Request[]): void {
    this.saved.requests = this.saved.requests.filter((queued) => !batch.includes(queued));
    const live = new Set(this.saved.requests.map((queued) => queued.session));
    for (const session of Object.keys(this.saved.sessions)) if (!live.has(session)) delete this.saved.sessions[session];
    this.save();
  }

  /**
   * What goes next in a lane: the oldest state document; or the oldest statement with the
   * statements of its session queued behind it. A cmi5 session's terminated waits while a state
   * document of its session is unanswered: a cmi5 LMS refuses every write after it (cmi5 9.3), the
   * last bookmark included.
   */
  private next(lane: Lane): Request[] {
    const queued = this.saved.requests.filter((request) => request.kind === lane && !this.handedOver.has(request));
    const head = queued[0];
    if (!head || lane === 'state' || this.singles.has(head)) return head && !this.held(head) ? [head] : [];
    const batch: Request[] = [];
    let size = 0;
    for (const request of queued.slice(0, BATCH_LIMIT)) {
      size += bodyOf(request).length + 1;
      if (request.session !== head.session || (batch.length && this.singles.has(request)) || this.held(request) || (batch.length && size > KEEPALIVE_BUDGET)) break;
      batch.push(request);
    }
    return batch;
  }

  private held(request: Request): boolean {
    return isTerminated(request) && request.session !== undefined && this.saved.requests.some((queued) => queued.kind === 'state' && queued.session === request.session);
  }

  /** Sends one request, or a batch of statements as one POST, and reads the answer. */
  private async deliver(lane: Lane, batch: Request[]): Promise<Outcome> {
    const first = batch[0] as Request;
    const authorization = this.authorizationOf(first);
    if (authorization === undefined) {
      warn(`no credentials are left for an earlier session's ${first.kind}; dropped`);
      return 'dropped';
    }
    const single = batch.length === 1;
    const body = single ? bodyOf(first) : batchBody(batch);
    const url = single ? this.urlOf(first) : `${this.endpoint}statements`;
    const keepalive = body.length <= KEEPALIVE_BUDGET;
    let status: number;
    this.inFlight[lane] = { requests: batch, keepalive };
    try {
      // keepalive: the request still arrives if the learner closes the window meanwhile.
      status = (await fetch(url, { method: single ? 'PUT' : 'POST', headers: this.headers(authorization, true), body, keepalive })).status;
    } catch {
      return 'retry';
    } finally {
      delete this.inFlight[lane];
    }
    if (status >= 500 || status === 429 || status === 408) return 'retry';
    if (status < 300) return 'delivered';
    if (!single) return 'split';
    // 409: a statement with this id is already stored — a resend that arrived before.
    if (status !== 409) warn(`the LRS refused ${url} (${status}); dropped`);
    return 'dropped';
  }

  private urlOf(request: Request): string {
    if (request.kind === 'state') return `${this.endpoint}activities/state?${request.query}`;
    return `${this.endpoint}statements?statementId=${encodeURIComponent(request.statement.id)}`;
  }

  private authorizationOf(request: Request): string | undefined {
    // A write of unknown session (queued by an older runtime) has no credentials in a cmi5 session.
    if (!request.session) return this.session ? undefined : (this.authorization ?? '');
    return request.session === this.session ? this.authorization : this.saved.sessions[request.session];
  }

  /**
   * One request (or a session's batch) handed to the browser. Should the page live on (closing
   * takes its time, or it goes into the back-forward cache), the lanes leave it alone until it is
   * answered: sent again meanwhile, a strict LRS would refuse the second batch (409). Answered,
   * it is done with; failed, the lanes take it up again.
   */
  private exitFetch(url: string, method: string, body: string, requests: Request[]): void {
    const session = requests[0]?.session;
    const authorization = session ? this.saved.sessions[session] : this.authorization;
    for (const request of requests) this.handedOver.add(request);
    const settled = (delivered: boolean): void => {
      for (const request of requests) this.handedOver.delete(request);
      if (delivered) this.remove(requests);
      void this.flush();
    };
    fetch(url, { method, headers: this.headers(authorization, true), body, keepalive: true }).then(
      (response) => settled(response.status < 300),
      () => settled(false),
    );
  }

  private retryLater(lane: Lane): void {
    if (this.failures.state + this.failures.statement === 0) this.listener('offline');
    const delay = BACKOFF_MS[Math.min(this.failures[lane], BACKOFF_MS.length - 1)] ?? 30000;
    this.failures[lane]++;
    // A write queued meanwhile tries at once; the timer tries anyway if nothing is written.
    clearTimeout(this.retryTimers[lane]);
    this.retryTimers[lane] = setTimeout(() => void this.drain(lane), delay);
  }

  /** Online again once every lane gets through. */
  private recovered(lane: Lane): void {
    if (this.failures[lane] === 0) return;
    this.failures[lane] = 0;
    if (this.failures.state + this.failures.statement === 0) this.listener('online');
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

function isTerminated(request: Request): boolean {
  return request.kind === 'statement' && (request.statement.verb as { id?: unknown } | undefined)?.id === TERMINATED;
}

function bodyOf(request: Request): string {
  return JSON.stringify(request.kind === 'statement' ? request.statement : request.body);
}

/** Statements as one POST's body (xAPI 2.1.3: an array of statements). */
function batchBody(batch: readonly Request[]): string {
  return `[${batch.map(bodyOf).join(',')}]`;
}

function upgrade(old: SavedV1): Saved {
  const statements = old.statements.map((statement): Request => ({ kind: 'statement', statement }));
  const states = old.states.map((state): Request => ({ kind: 'state', ...state }));
  return { version: 2, requests: [...statements, ...states], sessions: {} };
}
