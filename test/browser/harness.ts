// Plays an LMS for built packages: unzip, serve on 127.0.0.1, launch in headless chromium
// inside a frame (or popup) of a page whose SCORM API is scorm-again.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import extract from 'extract-zip';
import { parse } from 'yaml';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { lmsPageHtml, type LaunchMethod, type LmsBehaviours, type Standard } from './lms-page';
import { startServer, type StaticServer } from './static-server';

const ROOT = resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type Cmi = Record<string, any>;

/**
 * Every test runs against the LMS as strict as the real ones (see LmsBehaviours); a test turns
 * a behaviour off only to show what it changes.
 */
export const REAL_LMS: LmsBehaviours = { statusFromScore: true, strictIdentifiers: true, blockMs: 0, refuse: 'none' };

export interface LmsCall {
  method: string;
  args: string[];
  result: string;
}

/** One launch of the course: the LMS page and the course's frame or popup. */
export interface Launched {
  page: Page;
  context: BrowserContext;
  /** Locates inside the course, wherever it was launched. */
  course: FrameLocator | Page;
  /** What the LMS stored at the last successful commit or finish. */
  stored(): Promise<Cmi>;
  calls(): Promise<LmsCall[]>;
  terminated(): Promise<number>;
  /** Closes the course the way a learner closes the window (pagehide fires). */
  closeCourse(): Promise<void>;
}

export class Harness {
  private browser?: Browser;
  private server?: StaticServer;
  private readonly temp = mkdtempSync(join(tmpdir(), 'coursepack-browser-'));
  private launches = 0;
  /** The mastery score of each served SCORM package, from its manifest, by launch URL. */
  private readonly mastery = new Map<string, Cmi>();
  /** Uncaught errors in the pages of the last launch. */
  pageErrors: string[] = [];

  async start(): Promise<void> {
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    this.server = await startServer();
    this.server.mount('/scorm-again/', join(ROOT, 'node_modules/scorm-again/dist'));
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server?.close();
    rmSync(this.temp, { recursive: true, force: true });
  }

  /**
   * Builds with the CLI and serves each package at /<under><target>/ (`under` keeps several
   * courses apart); `args`: more build options (--lms successfactors).
   */
  async buildAndServe<T extends string = Standard>(coursePath: string, targets: T[], under = '', args: string[] = []): Promise<Record<T, string>> {
    const out = join(this.temp, 'build', under);
    // A course in several languages is built and served in its source language, the first of `languages:`.
    const source = (parse(readFileSync(join(coursePath, 'course.yaml'), 'utf8')) as { languages?: string[] }).languages?.[0];
    execFileSync(process.execPath, [join(ROOT, 'bin/coursepack.js'), 'build', coursePath, '--target', targets.join(','), '--out', out, ...(source ? ['--lang', source] : []), ...args], { stdio: 'pipe' });
    const urls = {} as Record<T, string>;
    for (const target of targets) {
      const courseId = coursePath.split('/').filter(Boolean).pop()!;
      urls[target] = await this.serveZip(join(out, source ? `${courseId}-${source}-${target}.zip` : `${courseId}-${target}.zip`), `${under}${target}`);
    }
    return urls;
  }

  /** Serves a built package unzipped at /<folder>/; the URL of its launch page. */
  async serveZip(zip: string, folder: string): Promise<string> {
    const dir = join(this.temp, folder);
    await extract(zip, { dir });
    this.server!.mount(`/${folder}/`, dir);
    const url = `/${folder}/index.html`;
    const mastery = manifestMastery(dir);
    if (mastery) this.mastery.set(url, mastery);
    return url;
  }

  /** A browser profile of its own (localStorage survives between its pages, as between launches). */
  newContext(): Promise<BrowserContext> {
    return this.browser!.newContext({ viewport: { width: 1280, height: 900 } });
  }

  /** Opens a URL of the static server (a path) in the context, collecting uncaught errors. */
  async open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    this.pageErrors = [];
    page.on('pageerror', (error) => this.pageErrors.push(String(error)));
    await page.goto(path.startsWith('http') ? path : this.server!.origin + path);
    return page;
  }

  /** The same server under another origin: an LMS that serves content from a content domain. */
  otherOrigin(url: string): string {
    return this.server!.origin.replace('127.0.0.1', 'localhost') + url;
  }

  /**
   * Opens the LMS page; `context` reuses a browser profile (its localStorage) from an earlier launch.
   * The LMS hands the course the mastery score of its manifest, as real LMSs do, unless `cmi` has one.
   */
  async launch(options: { standard: Standard; courseUrl: string; cmi?: Cmi; method?: LaunchMethod; context?: BrowserContext; lms?: Partial<LmsBehaviours> }): Promise<Launched> {
    const method = options.method ?? 'frame';
    const path = `/lms/${++this.launches}.html`;
    const script = `/scorm-again/${options.standard}.min.js`;
    const cmi = withCredit(options.standard, withMastery(options.cmi ?? {}, this.mastery.get(options.courseUrl.replace(/^https?:\/\/[^/]+/, '')) ?? {}));
    const behaviours = { ...REAL_LMS, ...options.lms };
    this.server!.page(path, lmsPageHtml({ standard: options.standard, cmi, courseUrl: options.courseUrl, launch: method, behaviours }, script));
    const context = options.context ?? (await this.browser!.newContext({ viewport: { width: 1280, height: 900 } }));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    this.pageErrors = errors;
    await page.goto(this.server!.origin + path);
    let course: FrameLocator | Page;
    let closeCourse: () => Promise<void>;
    if (method === 'popup') {
      const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Launch course' }).click()]);
      popup.on('pageerror', (error) => errors.push(String(error)));
      await popup.waitForLoadState();
      course = popup;
      closeCourse = () => popup.close({ runBeforeUnload: true });
    } else {
      course = page.frameLocator('#course');
      closeCourse = () => page.evaluate(() => document.getElementById('course')?.remove());
    }
    return {
      page,
      context,
      course,
      stored: () => page.evaluate(() => (window as any).lms.stored ?? {}),
      calls: () => page.evaluate(() => (window as any).lms.calls),
      terminated: () => page.evaluate(() => (window as any).lms.terminated),
      closeCourse: async () => {
        await closeCourse();
        // Give the unload handlers' synchronous API calls time to land in the LMS page.
        await page.waitForFunction(() => (window as any).lms.terminated > 0, undefined, { timeout: 5000 }).catch(() => undefined);
        if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
      },
    };
  }
}

/**
 * What an LMS hands back on the next launch after a suspended session. An attempt the LMS holds
 * for done (1.2 passed, completed or failed; 2004 completed, passed or failed) is reopened in
 * review mode, as Moodle does (mod/scorm/lib.php scorm_check_mode) unless `review` is false.
 */
export function relaunchCmi(standard: Standard, stored: Cmi, learner: Cmi = {}, { review = true } = {}): Cmi {
  if (standard === 'scorm12') {
    const core = stored.core ?? {};
    const done = ['passed', 'completed', 'failed'].includes(core.lesson_status);
    return {
      core: { ...learner.core, lesson_location: core.lesson_location, lesson_status: core.lesson_status, entry: core.exit === 'suspend' ? 'resume' : '', score: core.score, ...(review && done ? { lesson_mode: 'review' } : {}) },
      suspend_data: stored.suspend_data,
      student_data: learner.student_data,
    };
  }
  const done = stored.completion_status === 'completed' || ['passed', 'failed'].includes(stored.success_status);
  return {
    ...learner,
    location: stored.location,
    suspend_data: stored.suspend_data,
    completion_status: stored.completion_status,
    success_status: stored.success_status,
    score: stored.score,
    entry: stored.exit === 'suspend' ? 'resume' : '',
    ...(review && done ? { mode: 'review' } : {}),
  };
}

/** The mastery score a real LMS takes from the manifest (1.2 adlcp:masteryscore, 2004 minNormalizedMeasure). */
function manifestMastery(folder: string): Cmi | undefined {
  let xml: string;
  try {
    xml = readFileSync(join(folder, 'imsmanifest.xml'), 'utf8');
  } catch {
    return undefined;
  }
  const mastery = /<adlcp:masteryscore>([^<]+)</.exec(xml)?.[1];
  if (mastery) return { student_data: { mastery_score: mastery.trim() } };
  const measure = /<imsss:minNormalizedMeasure>([^<]+)</.exec(xml)?.[1];
  return measure ? { scaled_passing_score: measure.trim() } : undefined;
}

/** Real LMSs launch for credit, except for review and browse (Moodle: credit = mode == normal). */
function withCredit(standard: Standard, cmi: Cmi): Cmi {
  if (standard === 'scorm12') {
    const core = cmi.core ?? {};
    return core.credit !== undefined ? cmi : { ...cmi, core: { ...core, credit: [undefined, 'normal'].includes(core.lesson_mode) ? 'credit' : 'no-credit' } };
  }
  return cmi.credit !== undefined ? cmi : { ...cmi, credit: [undefined, 'normal'].includes(cmi.mode) ? 'credit' : 'no-credit' };
}

/** The launch CMI with the manifest's mastery score where the test gave none. */
function withMastery(cmi: Cmi, mastery: Cmi): Cmi {
  if (mastery.student_data) return cmi.student_data?.mastery_score !== undefined ? cmi : { ...cmi, student_data: { ...cmi.student_data, ...mastery.student_data } };
  if (mastery.scaled_passing_score !== undefined && cmi.scaled_passing_score === undefined) return { ...cmi, scaled_passing_score: mastery.scaled_passing_score };
  return cmi;
}

/** Polls until the check passes: commits are throttled, so the LMS stores a moment later. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A copy of a course with a line of its course.yaml replaced (the copy's folder keeps the name). */
export function courseVariant(course: string, from: string, to: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'coursepack-variant-')), course.split('/').pop()!);
  cpSync(course, copy, { recursive: true });
  const yaml = join(copy, 'course.yaml');
  const text = readFileSync(yaml, 'utf8');
  if (!text.includes(from)) throw new Error(`"${from}" is not in ${yaml}`);
  writeFileSync(yaml, text.replace(from, to));
  return copy;
}
