// A small xAPI 1.0.3 client: statements and state documents go through one queue, kept in
// localStorage until the LRS confirms them, retried with backoff, so a slow, failing or
// unreachable LRS loses nothing. Each statement has its id: a resend is never counted twice.
import type { ConnectionStatus } from '../tracker';
import { warn } from '../log';

export type Statement = { id: string } & Record<string, unknown>;

/** A state document write, addressed by its full query string. */
interface StateWrite {
  query: string;
  body: unknown;
}

interface Pending {
  statements: Statement[];
  states: StateWrite[];
}

const BACKOFF_MS = [1000, 2000, 4000, 8000, 16000, 30000];
// Browsers allow 64 KiB of keepalive bodies in flight at once.
const KEEPALIVE_BUDGET = 60000;

export class LrsClient {
  private pending: Pending;
  private sending = false;
  private failures = 0;
  /** The id of the statement sent and not yet answered for. */
  private inFlight: string | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private listener: (status: ConnectionStatus) => void = () => {};
  authorization: string | undefined;

  constructor(
    private readonly endpoint: string,
    private readonly storage: Storage | undefined,
    private readonly storageKey: string,
  ) {
    this.pending = this.load();
  }

  onConnection(listener: (status: ConnectionStatus) => void): void {
    this.listener = listener;
  }

  /** How many writes wait for the LRS (statements from an earlier session included). */
  get backlog(): number {
    return this.pending.statements.length + this.pending.states.length;
  }

  send(statement: Statement): void {
    this.pending.statements.push(statement);
    this.save();
    void this.flush();
  }

  putState(params: Record<string, string>, body: unknown): void {
    const query = new URLSearchParams(params).toString();
    // Only the newest version of a document matters.
    this.pending.states = [...this.pending.states.filter((write) => write.query !== query), { query, body }];
    this.save();
    void this.flush();
  }

  /** A JSON document from the LRS, undefined when it has none (404); throws when unreachable. */
  async getJson(path: string, params: Record<string, string>): Promise<unknown> {
    const response = await fetch(`${this.endpoint}${path}?${new URLSearchParams(params).toString()}`, { headers: this.headers(false) });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`LRS answered ${response.status} to GET ${path}`);
    return response.json();
  }

  /** Sends what is queued, in order; on failure tries again later, ever more patiently. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.backlog > 0) {
        if (!(await this.sendFirst())) return this.retryLater();
      }
      if (this.failures > 0) this.listener('online');
      this.failures = 0;
    } finally {
      this.sending = false;
    }
  }

  /**
   * The page is going away: hand the queue to the browser with keepalive (it outlives the page).
   * Statements go as one POST, so they arrive in order; the queue stays in localStorage, and
   * what did not arrive is sent on the next launch (an LRS ignores ids it already has).
   */
  flushOnExit(): void {
    let budget = KEEPALIVE_BUDGET;
    const statements: Statement[] = [];
    const send = (url: string, method: string, body: string) => void fetch(url, { method, headers: this.headers(true), body, keepalive: true }).catch(() => undefined);
    // A slow but working LRS has most likely stored the statement whose answer is awaited; in a
    // batch it would get the whole batch refused (409), so it goes again on its own, where a
    // repeat is harmless. While the LRS is failing it most likely has not: it stays in the batch,
    // which keeps the order. (A wrong guess costs order or a delay until the next launch, never a
    // statement: the queue stays in localStorage.)
    const waiting = this.failures === 0 ? this.pending.statements.find((statement) => statement.id === this.inFlight) : undefined;
    if (waiting) {
      const body = JSON.stringify(waiting);
      budget -= body.length;
      send(`${this.endpoint}statements?statementId=${encodeURIComponent(waiting.id)}`, 'PUT', body);
    }
    for (const statement of this.pending.statements) {
      if (statement === waiting) continue;
      const size = JSON.stringify(statement).length + 1;
      if (size > budget) break;
      budget -= size;
      statements.push(statement);
    }
    if (statements.length) send(`${this.endpoint}statements`, 'POST', JSON.stringify(statements));
    for (const state of this.pending.states) {
      const body = JSON.stringify(state.body);
      if (body.length > budget) break;
      budget -= body.length;
      send(`${this.endpoint}activities/state?${state.query}`, 'PUT', body);
    }
  }

  private *requests(): Generator<{ url: string; body: string; statementId?: string }> {
    for (const statement of this.pending.statements) yield { url: `${this.endpoint}statements?statementId=${encodeURIComponent(statement.id)}`, body: JSON.stringify(statement), statementId: statement.id };
    for (const state of this.pending.states) yield { url: `${this.endpoint}activities/state?${state.query}`, body: JSON.stringify(state.body) };
  }

  /** True when the first queued write was delivered (or can never be, and was dropped). */
  private async sendFirst(): Promise<boolean> {
    const request = this.requests().next().value;
    if (!request) return true;
    let status: number;
    this.inFlight = request.statementId;
    try {
      status = (await fetch(request.url, { method: 'PUT', headers: this.headers(true), body: request.body })).status;
    } catch {
      return false;
    } finally {
      this.inFlight = undefined;
    }
    if (status >= 500 || status === 429 || status === 408) return false;
    // 409: a statement with this id is already stored — a resend that arrived before.
    if (status >= 400 && status !== 409) warn(`the LRS refused ${request.url} (${status}); dropped`);
    if (this.pending.statements.length) this.pending.statements.shift();
    else this.pending.states.shift();
    this.save();
    return true;
  }

  private retryLater(): void {
    if (this.failures === 0) this.listener('offline');
    const delay = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)] ?? 30000;
    this.failures++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.flush(), delay);
  }

  private headers(withBody: boolean): Record<string, string> {
    return {
      'X-Experience-API-Version': '1.0.3',
      ...(this.authorization ? { Authorization: this.authorization } : {}),
      ...(withBody ? { 'Content-Type': 'application/json' } : {}),
    };
  }

  private load(): Pending {
    try {
      const saved = JSON.parse(this.storage?.getItem(this.storageKey) ?? 'null') as Pending | null;
      if (saved && Array.isArray(saved.statements) && Array.isArray(saved.states)) return saved;
    } catch {
      // A damaged queue is dropped rather than blocking the course.
    }
    return { statements: [], states: [] };
  }

  private save(): void {
    try {
      if (this.backlog) this.storage?.setItem(this.storageKey, JSON.stringify(this.pending));
      else this.storage?.removeItem(this.storageKey);
    } catch (error) {
      warn(`could not keep unsent statements in this browser: ${String(error)}`);
    }
  }
}
