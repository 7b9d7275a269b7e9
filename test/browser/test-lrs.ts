// A Learning Record Store inside the test process: statements, state, agent profile and the
// cmi5 fetch URL, over HTTP on 127.0.0.1 with CORS (the course runs on another origin, as it
// does in real LMSs). It validates every statement with Learning Locker's validator, records
// everything, and can be made to fail, to test what the course does when the LRS does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validateStatement: (statement: unknown) => Array<{ path: string[]; message: string; data: unknown }> = require('@learninglocker/xapi-validation').default;

export type Json = Record<string, any>;

export interface StoredStatement {
  statement: Json;
  /** What the validator found wrong with it; must stay empty. */
  problems: string[];
}

export class TestLrs {
  readonly statements: StoredStatement[] = [];
  readonly requests: Array<{ method: string; path: string }> = [];
  /** Statements that came again with an id already stored (resends after lost answers). */
  resends = 0;
  /** While true, statement and state writes get 503 Service Unavailable. */
  failing = false;
  /** A slow LRS: writes are stored at once, but answered only this much later. */
  delayMs = 0;
  readonly fetchCalls: string[] = [];
  private readonly states = new Map<string, Json>();
  private readonly profiles = new Map<string, Json>();
  private readonly tokens = new Map<string, { token: string; used: boolean }>();
  private server?: Server;
  origin = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  get endpoint(): string {
    return `${this.origin}/xapi/`;
  }

  /** A one-time fetch URL for a cmi5 launch; its token is the session's Basic credential. */
  fetchUrl(name: string): string {
    this.tokens.set(name, { token: Buffer.from(`${name}:secret`).toString('base64'), used: false });
    return `${this.origin}/fetch/${name}`;
  }

  setState(params: { activityId: string; agent: Json; registration?: string; stateId: string }, document: Json): void {
    this.states.set(stateKey(params.activityId, JSON.stringify(params.agent), params.registration, params.stateId), document);
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
    return this.of(registration).map((statement) => `${String(statement.verb.id).split('/').pop()} ${statement.object.id}`);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Experience-API-Version');
    response.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, OPTIONS');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    this.requests.push({ method: request.method ?? '', path: url.pathname });
    if (this.delayMs && request.method !== 'GET') delayEnd(response, this.delayMs);
    const body = await readBody(request);
    if (url.pathname.startsWith('/fetch/')) return this.fetchToken(url.pathname.slice(7), request.method, response);
    if (url.pathname === '/return') return void response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Back in the LMS</title><h1>Back in the LMS</h1>');
    if (!url.pathname.startsWith('/xapi/')) return void response.writeHead(404).end();
    if (!request.headers['x-experience-api-version']) return void response.writeHead(400).end('X-Experience-API-Version missing');
    if (!this.authorised(request.headers.authorization)) return void response.writeHead(401).end();
    const resource = url.pathname.slice(6);
    if (resource === 'statements') return this.statementsResource(request.method, url, body, response);
    if (resource === 'activities/state') return this.document(this.states, stateKey(...(['activityId', 'agent', 'registration', 'stateId'].map((k) => url.searchParams.get(k) ?? undefined) as [string, string, string | undefined, string])), request.method, body, response);
    if (resource === 'agents/profile') return this.document(this.profiles, `${url.searchParams.get('agent')}|${url.searchParams.get('profileId')}`, request.method, body, response);
    response.writeHead(404).end();
  }

  private authorised(header: string | undefined): boolean {
    const known = [...this.tokens.values()].map((t) => `Basic ${t.token}`);
    return header === 'Basic dGVzdDp0ZXN0' || known.includes(header ?? '');
  }

  private fetchToken(name: string, method: string | undefined, response: ServerResponse): void {
    this.fetchCalls.push(`${method} ${name}`);
    const entry = this.tokens.get(name);
    const reply = (value: Json): void => void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (method !== 'POST' || !entry) return reply({ 'error-code': '2', 'error-text': 'Unknown or invalid fetch request.' });
    if (entry.used) return reply({ 'error-code': '1', 'error-text': 'The authorization token has already been returned.' });
    entry.used = true;
    reply({ 'auth-token': entry.token });
  }

  private statementsResource(method: string | undefined, url: URL, body: string, response: ServerResponse): void {
    if (method !== 'PUT' && method !== 'POST') return void response.writeHead(405).end();
    if (this.failing) return void response.writeHead(503).end();
    const parsed = JSON.parse(body) as Json | Json[];
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const id = url.searchParams.get('statementId');
    if (method === 'PUT' && (list.length !== 1 || list[0]?.id !== id)) return void response.writeHead(400).end('statementId does not match');
    // A batch holding an id already stored is refused whole (409), as a strict LRS may do;
    // a single PUT of a stored statement with the same content is accepted without change.
    const known = list.filter((statement) => this.statements.some((s) => s.statement.id === statement.id));
    if (known.length) {
      this.resends += known.length;
      const same = list.length === 1 && JSON.stringify(this.statements.find((s) => s.statement.id === list[0]?.id)?.statement) === JSON.stringify(list[0]);
      return void response.writeHead(same ? 204 : 409).end();
    }
    for (const statement of list) {
      this.statements.push({ statement, problems: validateStatement(statement).map((w) => `${statement.object?.id}: ${w.path.join('.')}: ${w.message} ${JSON.stringify(w.data).slice(0, 300)}`) });
    }
    response.writeHead(204).end();
  }

  private document(store: Map<string, Json>, key: string, method: string | undefined, body: string, response: ServerResponse): void {
    if (method === 'GET') {
      const found = store.get(key);
      return void (found === undefined ? response.writeHead(404).end() : response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(found)));
    }
    if (this.failing) return void response.writeHead(503).end();
    store.set(key, JSON.parse(body || 'null'));
    response.writeHead(204).end();
  }
}

/** Holds the answer back (the request has been acted on already), as a slow LRS does. */
function delayEnd(response: ServerResponse, ms: number): void {
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.end = ((...args: unknown[]) => {
    setTimeout(() => end(...args), ms);
    return response;
  }) as typeof response.end;
}

function stateKey(activityId: string, agent: string, registration: string | undefined, stateId: string): string {
  return [activityId, canonicalAgent(agent), registration ?? '', stateId].join('|');
}

/** The same agent may arrive with its keys in another order. */
function canonicalAgent(agent: string): string {
  try {
    const value = JSON.parse(agent) as Json;
    return JSON.stringify(Object.keys(value).sort().map((key) => [key, value[key]]));
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
