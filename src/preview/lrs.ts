// A Learning Record Store in the process: statements, state, agent profile and the cmi5 fetch
// URL, over HTTP on 127.0.0.1 with CORS (the course runs on another origin, as it does in real
// LMSs). The preview plays the LMS with it for xAPI and cmi5, and the tests use it as their LRS.
// At least as strict as the real ones: every statement is validated with
// Learning Locker's validator; an id stored with other content gets 409 (Learning Locker), an
// exact repeat 204; a cmi5 session's token enforces cmi5's rules as ADL's CATAPULT player does
// (statements of its own session only, nothing after terminated, completed and passed once per
// registration, never failed after passed; a new launch abandons the registration's open session).
// And more hostile: per-endpoint delays, random latency, requests overtaken on their way, 503s, a
// dead server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type validation from '@learninglocker/xapi-validation';

/**
 * Learning Locker's conformance-tested validator (bundled into coursepack's own build), loaded
 * on the first statement: every `coursepack build` loads the bundle, and only the LRS needs it.
 */
function validateStatement(statement: unknown): ReturnType<typeof validation> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('@learninglocker/xapi-validation') as { default?: typeof validation } & typeof validation;
  return (loaded.default ?? loaded)(statement);
}

export type Json = Record<string, any>;

export interface StoredStatement {
  statement: Json;
  /** What the validator found wrong with it; must stay empty. */
  problems: string[];
}

/** One request as the LRS saw it, with its answer. */
export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  /** Verbs of the statements in the body, or the state document's id. */
  what: string[];
  /** Why a write was refused (cmi5 rule, conflict…). */
  reason?: string;
  /** A state document as written. */
  document?: Json;
  /** The cmi5 session whose token the request carried. */
  session?: string;
}

const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';

interface Session {
  token: string;
  registration: string;
  id: string;
  state: 'waiting' | 'open' | 'terminated' | 'abandoned';
}

/** How the LRS misbehaves; each test sets what it needs (reset() between tests). */
export interface Faults {
  /** Writes get 503 Service Unavailable. */
  failing: boolean;
  /** Only state writes get 503. */
  failingState: boolean;
  /** Connections are cut without an answer, as when the server is down. */
  down: boolean;
  /** Writes are acted on at once but answered this much later, per resource. */
  delayMs: { statements: number; state: number };
  /** Up to this much more, at random (seeded), on every answer. */
  jitterMs: number;
  /**
   * How much later a write reaches the LRS, by what it carries (statement verbs, or a state id): a
   * slow path on the network, where a request sent later may overtake it. Acted on only then.
   */
  lateArrivalMs?: (what: readonly string[]) => number;
}

const CALM: Faults = { failing: false, failingState: false, down: false, delayMs: { statements: 0, state: 0 }, jitterMs: 0 };

export class Lrs {
  readonly statements: StoredStatement[] = [];
  readonly log: LoggedRequest[] = [];
  /** Statements that came again with an id already stored (resends after lost answers). */
  resends = 0;
  faults: Faults = structuredClone(CALM);
  readonly fetchCalls: string[] = [];
  private readonly states = new Map<string, Json>();
  private readonly profiles = new Map<string, Json>();
  private readonly sessions = new Map<string, Session>();
  private random = seeded(7);
  private server?: Server;
  origin = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      // A request it cannot handle gets 500, as a real LRS answers; the server goes on.
      this.handle(request, response).catch(() => void (response.headersSent ? response.end() : response.writeHead(500).end()));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Back to a well-behaved, empty LRS. */
  reset(): void {
    this.statements.length = 0;
    this.log.length = 0;
    this.resends = 0;
    this.fetchCalls.length = 0;
    this.faults = structuredClone(CALM);
    this.random = seeded(7);
  }

  /** Shorthand for the old switch: writes answered 503 while true. */
  set failing(value: boolean) {
    this.faults.failing = value;
  }

  get endpoint(): string {
    return `${this.origin}/xapi/`;
  }

  /**
   * A one-time fetch URL for a launch; its token is the session's Basic credential. With a
   * session, the token follows cmi5's session rules, and the registration's open session is
   * abandoned (its token stops working), as an LMS does when it launches the AU again.
   */
  fetchUrl(name: string, session?: { registration: string; id: string }): string {
    const token = Buffer.from(`${name}:secret`).toString('base64');
    if (session) {
      for (const other of this.sessions.values()) if (other.registration === session.registration && other.state !== 'terminated') other.state = 'abandoned';
    }
    this.sessions.set(name, { token, registration: session?.registration ?? '', id: session?.id ?? '', state: 'waiting' });
    return `${this.origin}/fetch/${name}`;
  }

  setState(params: { activityId: string; agent: Json; registration?: string; stateId: string }, document: Json): void {
    this.states.set(stateKey(params.activityId, JSON.stringify(params.agent), params.registration, params.stateId), document);
  }

  /** An agent profile as an LMS stores it, e.g. cmi5LearnerPreferences (cmi5 10.0). */
  setProfile(agent: Json, profileId: string, document: Json): void {
    this.profiles.set(`${JSON.stringify(agent)}|${profileId}`, document);
  }

  getState(params: { activityId: string; agent: Json; registration?: string; stateId: string }): Json | undefined {
    return this.states.get(stateKey(params.activityId, JSON.stringify(params.agent), params.registration, params.stateId));
  }

  /** The stored statements of one registration (a launch), in the order they arrived. */
  of(registration: string): Json[] {
    return this.statements.map((s) => s.statement).filter((statement) => statement.context?.registration === registration);
  }

  /** Verb names and object ids of a registration's statements, in the order they arrived. */
  sequence(registration: string): string[] {
    return this.of(registration).map((statement) => `${verbOf(statement)} ${statement.object.id}`);
  }

  /** Writes the LRS refused as wrong (4xx, with the reason); 503s of a failing LRS are not refusals. */
  refusals(): LoggedRequest[] {
    return this.log.filter((entry) => entry.method !== 'GET' && entry.status >= 400 && entry.status < 500);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    if (this.faults.down && url.pathname.startsWith('/xapi/')) return void request.socket.destroy();
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Experience-API-Version');
    response.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, OPTIONS');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    const body = await readBody(request);
    if (url.pathname.startsWith('/fetch/')) return this.fetchToken(url.pathname.slice(7), request.method, response);
    if (url.pathname === '/return') return void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Back in the LMS</title><h1>Back in the LMS</h1>');
    if (!url.pathname.startsWith('/xapi/')) return void response.writeHead(404).end();
    const resource = url.pathname.slice(6);
    const late = request.method === 'GET' ? 0 : (this.faults.lateArrivalMs?.(describe(resource, url, body)) ?? 0);
    if (late > 0) await new Promise((resolve) => setTimeout(resolve, late));
    const entry: LoggedRequest = { method: request.method ?? '', path: url.pathname, status: 0, what: describe(resource, url, body) };
    if (resource === 'activities/state' && request.method === 'PUT') entry.document = parseOr(body);
    this.log.push(entry);
    const answer = (status: number, text = '', reason?: string): void => {
      entry.status = status;
      if (reason) entry.reason = reason;
      const delay = (request.method === 'GET' ? 0 : resource === 'statements' ? this.faults.delayMs.statements : this.faults.delayMs.state) + this.random() * this.faults.jitterMs;
      // A slow LRS has acted on the request already; only its answer is late.
      const end = () => void response.writeHead(status, status === 200 ? { 'content-type': 'application/json' } : {}).end(text);
      if (delay > 0) setTimeout(end, delay);
      else end();
    };
    if (!request.headers['x-experience-api-version']) return answer(400, 'X-Experience-API-Version missing');
    const session = this.sessionOf(request.headers.authorization);
    if (session && session !== 'unknown') entry.session = session.id;
    if (session === 'unknown' || session?.state === 'abandoned') return answer(401, '', session === 'unknown' ? 'unknown credentials' : 'session abandoned');
    if (request.method !== 'GET' && (this.faults.failing || (this.faults.failingState && resource === 'activities/state'))) return answer(503);
    if (request.method !== 'GET' && session?.state === 'terminated') return answer(403, '', 'write after terminated (cmi5 8.1.2.0-2)');
    if (resource === 'statements') return this.statementsResource(request.method, url, body, session, answer);
    if (resource === 'activities/state') return this.document(this.states, stateKey(...(['activityId', 'agent', 'registration', 'stateId'].map((k) => url.searchParams.get(k) ?? undefined) as [string, string, string | undefined, string])), request.method, body, answer);
    if (resource === 'agents/profile') return this.document(this.profiles, `${url.searchParams.get('agent')}|${url.searchParams.get('profileId')}`, request.method, body, answer);
    answer(404);
  }

  /** undefined: the plain xAPI credential (test:test); 'unknown': no such token. */
  private sessionOf(header: string | undefined): Session | undefined | 'unknown' {
    if (header === 'Basic dGVzdDp0ZXN0') return undefined;
    const session = [...this.sessions.values()].find((s) => header === `Basic ${s.token}` && s.state !== 'waiting');
    return session ?? 'unknown';
  }

  private fetchToken(name: string, method: string | undefined, response: ServerResponse): void {
    this.fetchCalls.push(`${method} ${name}`);
    const session = this.sessions.get(name);
    const reply = (value: Json): void => void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (method !== 'POST' || !session) return reply({ 'error-code': '2', 'error-text': 'Unknown or invalid fetch request.' });
    if (session.state !== 'waiting') return reply({ 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
    session.state = 'open';
    reply({ 'auth-token': session.token });
  }

  private statementsResource(method: string | undefined, url: URL, body: string, session: Session | undefined, answer: (status: number, text?: string, reason?: string) => void): void {
    if (method === 'GET') return answer(200, JSON.stringify({ statements: this.query(url.searchParams), more: '' }));
    if (method !== 'PUT' && method !== 'POST') return answer(405);
    const parsed = JSON.parse(body) as Json | Json[];
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const id = url.searchParams.get('statementId');
    if (method === 'PUT' && (list.length !== 1 || list[0]?.id !== id)) return answer(400, 'statementId does not match');
    // A batch holding an id already stored is refused whole (409), as a strict LRS may do;
    // a single PUT of a stored statement with the same content is accepted without change.
    const known = list.filter((statement) => this.statements.some((s) => s.statement.id === statement.id));
    if (known.length) {
      this.resends += known.length;
      const same = list.length === 1 && JSON.stringify(this.statements.find((s) => s.statement.id === list[0]?.id)?.statement) === JSON.stringify(list[0]);
      return same ? answer(204) : answer(409, '', 'id already stored');
    }
    if (session) {
      const broken = this.cmi5Problem(list, session);
      if (broken) return answer(403, broken, broken);
    }
    for (const statement of list) {
      this.statements.push({ statement, problems: validateStatement(statement).map((w) => `${statement.object?.id}: ${w.path.join('.')}: ${w.message} ${JSON.stringify(w.data).slice(0, 300)}`) });
      if (session && verbOf(statement) === 'terminated') session.state = 'terminated';
    }
    answer(204);
  }

  /** The cmi5 rule a batch from this session breaks, if any (cmi5 9.3, 9.6.3.1; CATAPULT's checks). */
  private cmi5Problem(list: Json[], session: Session): string | undefined {
    const earlier = this.of(session.registration).filter(isCmi5Defined);
    for (const [i, statement] of list.entries()) {
      if (statement.context?.extensions?.[SESSION_EXTENSION] !== session.id) return 'session id differs from the launch (cmi5 10.2.1.0-6)';
      if (list.slice(0, i).some((s) => verbOf(s) === 'terminated')) return 'statement after terminated (cmi5 9.3)';
      if (!isCmi5Defined(statement)) continue;
      const before = [...earlier, ...list.slice(0, i).filter(isCmi5Defined)].map(verbOf);
      const verb = verbOf(statement);
      if ((verb === 'completed' || verb === 'passed') && before.includes(verb)) return `second ${verb} in the registration (cmi5 9.3)`;
      if (verb === 'failed' && before.includes('passed')) return 'failed after passed (cmi5 9.3)';
    }
    return undefined;
  }

  /** GET /statements with the filters an AU uses: agent, verb, activity, registration. */
  private query(params: URLSearchParams): Json[] {
    const agent = params.get('agent');
    return this.statements
      .map((s) => s.statement)
      .filter((s) => !agent || canonicalAgent(JSON.stringify(s.actor)) === canonicalAgent(agent))
      .filter((s) => !params.get('verb') || s.verb.id === params.get('verb'))
      .filter((s) => !params.get('activity') || s.object.id === params.get('activity'))
      .filter((s) => !params.get('registration') || s.context?.registration === params.get('registration'));
  }

  private document(store: Map<string, Json>, key: string, method: string | undefined, body: string, answer: (status: number, text?: string) => void): void {
    if (method === 'GET') {
      const found = store.get(key);
      return found === undefined ? answer(404) : answer(200, JSON.stringify(found));
    }
    store.set(key, JSON.parse(body || 'null'));
    answer(204);
  }
}

export function verbOf(statement: Json): string {
  return String(statement.verb?.id).split('/').pop() ?? '';
}

function isCmi5Defined(statement: Json): boolean {
  return (statement.context?.contextActivities?.category ?? []).some((c: Json) => c.id === CMI5_CATEGORY);
}

function describe(resource: string, url: URL, body: string): string[] {
  if (resource === 'activities/state') return [url.searchParams.get('stateId') ?? ''];
  if (resource !== 'statements' || !body) return [];
  try {
    const parsed = JSON.parse(body) as Json | Json[];
    return (Array.isArray(parsed) ? parsed : [parsed]).map(verbOf);
  } catch {
    return ['(unreadable)'];
  }
}

function parseOr(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/** A small deterministic random source, so a test's latencies are the same on every run. */
function seeded(seed: number): () => number {
  let value = seed;
  return () => {
    value = (Math.imul(value, 1103515245) + 12345) >>> 0;
    return value / 2 ** 32;
  };
}

function stateKey(activityId: string, agent: string, registration: string | undefined, stateId: string): string {
  return [activityId, canonicalAgent(agent), registration ?? '', stateId].join('|');
}

/**
 * An agent is identified by its inverse functional identifier (xAPI 2.4.2.1): mbox,
 * mbox_sha1sum, openid or account; its name and the order of its keys do not matter.
 */
function canonicalAgent(agent: string): string {
  try {
    const value = JSON.parse(agent) as Json;
    const ifi = ['mbox', 'mbox_sha1sum', 'openid', 'account'].find((key) => value[key] !== undefined);
    if (!ifi) return JSON.stringify(Object.keys(value).sort().map((key) => [key, value[key]]));
    const id = value[ifi] as unknown;
    return JSON.stringify([ifi, typeof id === 'object' && id ? [(id as Json).homePage, (id as Json).name] : id]);
  } catch {
    return agent;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text));
  });
}
