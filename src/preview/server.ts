// `coursepack preview`: the course inside a simulated LMS on 127.0.0.1 — scorm-again for SCORM
// 1.2 and 2004, the in-process LRS for xAPI and cmi5 — beside a live data panel and developer
// controls (templates/preview/). Saving a course file rebuilds it and the page relaunches the
// course where the learner was; a broken file shows its errors over the preview.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { DEFAULT_TARGETS, type Target } from '../compile';
import { toolRoot } from '../tool-root';
import type { Build, LiveCourse } from './live-course';
import { RESUME_STATE_ID } from '../runtime/tracking/xapi/state-ids';
import { Lrs } from './lrs';
import { type ByteRange, byteRange } from './ranges';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt',
  '.mp3': 'audio/mpeg',
};

/** The preview page's own files, and scorm-again's browser builds (copied into dist/preview). */
const APP_FILES: Record<string, string[]> = {
  '/': ['templates', 'preview', 'index.html'],
  '/app/preview.js': ['templates', 'preview', 'preview.js'],
  '/app/preview.css': ['templates', 'preview', 'preview.css'],
  '/app/scorm12.js': ['dist', 'preview', 'scorm12.min.js'],
  '/app/scorm2004.js': ['dist', 'preview', 'scorm2004.min.js'],
};

/** The preview's one learner; the name is the one typed in the preview page. */
const ACTOR = { objectType: 'Agent', account: { homePage: 'http://127.0.0.1', name: 'preview-learner' } };

export interface LaunchRequest {
  standard: 'xapi' | 'cmi5';
  registration: string;
  learnerName: string;
  /** Percent, for cmi5's launch data. */
  masteryScore?: number;
  mode: 'normal' | 'review' | 'browse';
}

export class PreviewServer {
  readonly lrs = new Lrs();
  private server: Server | undefined;
  private readonly streams = new Set<ServerResponse>();
  private launches = 0;
  origin = '';

  constructor(private readonly course: LiveCourse) {
    course.onBuild((build) => this.broadcast(build));
  }

  /** Listens on the port asked for, or the next free one (up to 20 further); 0 picks any. */
  async start(port: number): Promise<void> {
    await this.lrs.start();
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => send(response, 500, 'text/plain', Buffer.from(String(error))));
    });
    for (let attempt = 0; ; attempt++) {
      try {
        await listen(this.server, port === 0 ? 0 : port + attempt);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || attempt >= 20) throw error;
      }
    }
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const stream of this.streams) stream.end();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    await this.lrs.stop();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const app = APP_FILES[url.pathname];
    if (app) return send(response, 200, TYPES[extname(app[2] ?? '')] ?? 'text/plain', readFileSync(join(toolRoot(), ...app)));
    if (url.pathname === '/api/events') return this.events(response);
    if (url.pathname === '/api/build') return json(response, describe(this.course.build, this.lrs.endpoint));
    if (url.pathname === '/api/launch' && request.method === 'POST') return json(response, this.launch(JSON.parse(await readBody(request)) as LaunchRequest));
    if (url.pathname === '/api/lrs') return json(response, this.lrsView(url.searchParams.get('registration') ?? '', url.searchParams.get('standard') === 'cmi5'));
    const [, prefix, target, ...rest] = url.pathname.split('/');
    if (prefix === 'course' && (DEFAULT_TARGETS as readonly string[]).includes(target ?? '')) {
      const path = decodeURIComponent(rest.join('/')) || 'index.html';
      const language = url.searchParams.get('lang') ?? undefined;
      const file = this.course.file(target as Target, path, language);
      const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
      // A large file (a video) is read from the course's file as it is asked for.
      if (file && !('contents' in file)) return sendStreamed(request, response, type, file.source);
      if (file && path === 'index.html') return sendRevalidated(request, response, type, this.pinned(file.contents, target as Target, language));
      if (file && TOOL_FILES.includes(path) && url.searchParams.get('v') === contentTag(file.contents)) return sendImmutable(response, type, file.contents);
      if (file) return sendRevalidated(request, response, type, file.contents);
    }
    send(response, 404, 'text/plain', Buffer.from('Not found'));
  }

  /**
   * The page with the tool's files (runtime, theme) linked by their content: a relaunch after a
   * save then takes them from the browser's cache without asking, where a revalidation held the
   * new page's parser back by a round trip to this busy process (about 5 ms a save).
   */
  private pinned(html: Buffer, target: Target, language: string | undefined): Buffer {
    let pinned = pinnedPages.get(html);
    if (!pinned) {
      let text = html.toString('utf8');
      for (const path of TOOL_FILES) {
        const file = this.course.file(target, path, language);
        if (file && 'contents' in file) text = text.replace(new RegExp(`(src|href)="${path.replace('.', '\\.')}"`), `$1="${path}?v=${contentTag(file.contents)}"`);
      }
      pinnedPages.set(html, (pinned = Buffer.from(text)));
    }
    return pinned;
  }

  /** Server-sent events: every build, so the page relaunches the course or shows the errors. */
  private events(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(`data: ${JSON.stringify(describe(this.course.build, this.lrs.endpoint))}\n\n`);
    this.streams.add(response);
    response.on('close', () => this.streams.delete(response));
  }

  private broadcast(build: Build): void {
    const text = `data: ${JSON.stringify(describe(build, this.lrs.endpoint))}\n\n`;
    for (const stream of this.streams) stream.write(text);
  }

  /** An xAPI launch link, or a cmi5 one as an LMS makes it: launch data stored, a one-time fetch URL. */
  private launch(request: LaunchRequest): { query: string } {
    const activityId = this.activityId(request.standard === 'cmi5');
    const actor = { ...ACTOR, name: request.learnerName || 'Preview Learner' };
    const params: Record<string, string> = { endpoint: this.lrs.endpoint, actor: JSON.stringify(actor), registration: request.registration };
    if (request.standard === 'xapi') return { query: new URLSearchParams({ ...params, auth: 'Basic dGVzdDp0ZXN0', activity_id: activityId }).toString() };
    const sessionId = randomUUID();
    this.lrs.setState({ activityId, agent: actor, registration: request.registration, stateId: 'LMS.LaunchData' }, {
      contextTemplate: { contextActivities: { grouping: [{ id: this.activityId(false) }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': sessionId } },
      launchMode: { normal: 'Normal', review: 'Review', browse: 'Browse' }[request.mode],
      launchMethod: 'AnyWindow',
      moveOn: 'CompletedAndPassed',
      ...(request.masteryScore === undefined ? {} : { masteryScore: request.masteryScore / 100 }),
    });
    const fetchUrl = this.lrs.fetchUrl(`preview-${++this.launches}`, { registration: request.registration, id: sessionId });
    return { query: new URLSearchParams({ ...params, fetch: fetchUrl, activityId }).toString() };
  }

  /** The course's activity IRI; a cmi5 LMS gives the AU one of its own below it. */
  private activityId(cmi5: boolean): string {
    const build = this.course.build;
    const course = build.ok ? build.course.activityId : 'urn:coursepack:preview';
    return cmi5 ? `${course}/au` : course;
  }

  /** What the LRS holds for a registration: every request with its answer, the statements, the state. */
  private lrsView(registration: string, cmi5: boolean) {
    const resume = this.lrs.getState({ activityId: this.activityId(cmi5), agent: ACTOR, registration, stateId: RESUME_STATE_ID });
    return {
      statements: this.lrs.of(registration),
      requests: this.lrs.log.slice(-200),
      state: resume ?? null,
    };
  }
}

function describe(build: Build, lrs: string) {
  return build.ok
    ? { version: build.version, ok: true, ms: build.ms, warnings: build.warnings, title: build.course.title, languages: [...build.editions.keys()], pages: build.course.pages.map((page) => ({ id: page.id, type: page.type })), lrs }
    : { version: build.version, ok: false, ms: build.ms, errors: build.errors, lrs };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(error);
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      resolve();
    });
  });
}

function send(response: ServerResponse, status: number, type: string, body: Buffer): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}

/** The tool's own files in every package: the same bytes while the preview runs. */
const TOOL_FILES = ['coursepack.js', 'theme.css'];
const pinnedPages = new WeakMap<Buffer, Buffer>();
const etags = new WeakMap<Buffer, string>();

/** A file's content hash; each build's files are new buffers, so a changed file gets a new one. */
function contentTag(body: Buffer): string {
  let tag = etags.get(body);
  if (!tag) etags.set(body, (tag = createHash('sha1').update(body).digest('base64url')));
  return tag;
}

/** A file asked for by its content hash: that URL can only ever mean these bytes. */
function sendImmutable(response: ServerResponse, type: string, body: Buffer): void {
  response.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' }).end(body);
}

/**
 * A course file (the page, images, media) the browser may keep and revalidate: a relaunch after
 * a save fetches the unchanged ones as "304 Not Modified".
 */
function sendRevalidated(request: IncomingMessage, response: ServerResponse, type: string, body: Buffer): void {
  sendParts(request, response, type, `"${contentTag(body)}"`, body.length, (range) => void response.end(body.subarray(range.start, range.end + 1)));
}

/** A large file from its own file, tagged by its size and time (hashing it would read it all). */
function sendStreamed(request: IncomingMessage, response: ServerResponse, type: string, source: string): void {
  let stats;
  try {
    stats = statSync(source);
  } catch {
    return send(response, 404, 'text/plain', Buffer.from('Not found'));
  }
  const etag = `"${stats.size.toString(36)}-${stats.mtimeMs.toString(36)}"`;
  sendParts(request, response, type, etag, stats.size, (range) => void createReadStream(source, range).on('error', () => response.destroy()).pipe(response));
}

/** Whole (200), the range asked for (206), none past the end (416), or not modified (304). */
function sendParts(request: IncomingMessage, response: ServerResponse, type: string, etag: string, size: number, body: (range: ByteRange) => void): void {
  const headers = { 'content-type': type, 'cache-control': 'no-cache', etag, 'accept-ranges': 'bytes' };
  if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
  const range = byteRange(request.headers.range, size);
  if (range === 'unsatisfiable') return void response.writeHead(416, { ...headers, 'content-range': `bytes */${size}` }).end();
  if (size === 0) return void response.writeHead(200, { ...headers, 'content-length': '0' }).end();
  const part = range ?? { start: 0, end: size - 1 };
  const length = String(part.end - part.start + 1);
  response.writeHead(range ? 206 : 200, { ...headers, 'content-length': length, ...(range && { 'content-range': `bytes ${range.start}-${range.end}/${size}` }) });
  body(part);
}

function json(response: ServerResponse, value: unknown): void {
  send(response, 200, 'application/json', Buffer.from(JSON.stringify(value)));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text));
  });
}
