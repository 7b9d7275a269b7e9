import type { CourseData, PageData, QuestionData, QuizPageData } from '../course-data';
import { warn } from '../tracking/log';
import { answerFits, fittingOrder, fittingPath } from './state-fit';

/** A quiz attempt: the drawn questions (indexes into the pool, in shown order) and the answers. */
export interface QuizState {
  order: number[];
  attempt: number;
  /** Orders the choices of this attempt, so a relaunch shows them as they were. */
  seed: number;
  /** Encoded responses by position in `order`; present once the attempt is submitted. */
  answers?: string[];
  /** One question at a time: the answers checked so far, before the last (then `answers`). */
  partial?: string[];
}

/** Everything a relaunch needs to put the learner back where they were. */
export interface State {
  done: boolean[];
  /** By page index. */
  quizzes: Record<number, QuizState>;
  /** Scenario page index → the index of the choice taken at each step. */
  paths: Record<number, number[]>;
  attested: Record<number, boolean>;
  /** Content page index → which parts of its required blocks were opened, in page order. */
  opened: Record<number, boolean[]>;
  /** Seat time counted so far, in seconds: the course's, and by page index the pages' with a min-time. */
  time: number;
  pageTime: Record<number, number>;
  /** The day the certificate was first earned (certificate-id.ts dayNumber): its date and id stay that day's. */
  earned?: number;
}

export function emptyState(data: CourseData): State {
  return { done: data.pages.map(() => false), quizzes: {}, paths: {}, attested: {}, opened: {}, time: 0, pageTime: {} };
}

// Compact on purpose: SCORM 1.2 LMSs keep only 4096 characters of suspend data.
// A quiz is [attempt, seed, answers or 0, order?]; a one-at-a-time quiz not finished writes the
// answers checked so far in the answers' place (a shorter list, so never more). The order is left out when it is the pool's
// own, and otherwise written as fixed-width base-36 numbers ("0a0b…").
type EncodedQuiz = [number, number, string[] | 0, string?];
interface Encoded {
  r: string;
  d: string;
  q?: Record<string, EncodedQuiz>;
  s?: Record<string, string>;
  a?: number[];
  /** Opened parts of required blocks: a row of 0 and 1 per content page. */
  o?: Record<string, string>;
  /** Seat time: the course's seconds, then "index:seconds" of each page with a min-time. */
  t?: [number, ...string[]];
  /** The day the certificate was first earned, in days since 1970-01-01. */
  c?: number;
}

/** A wrong typed answer is kept only this long: enough to show it again, never the whole budget. */
export const SAVED_TEXT_LIMIT = 16;

function encodeOrder(order: number[]): string | undefined {
  if (order.every((value, i) => value === i)) return undefined;
  const width = Math.max(1, ...order.map((i) => i.toString(36).length));
  return `${width}${order.map((i) => i.toString(36).padStart(width, '0')).join('')}`;
}

function encodeQuiz(quiz: QuizState): EncodedQuiz {
  const order = encodeOrder(quiz.order);
  const answers = quiz.answers ?? (quiz.partial?.length ? quiz.partial : 0);
  return order === undefined ? [quiz.attempt, quiz.seed, answers] : [quiz.attempt, quiz.seed, answers, order];
}

export function encodeState(data: CourseData, state: State): string {
  const encoded: Encoded = { r: data.revision, d: state.done.map((done) => (done ? 1 : 0)).join('') };
  const quizzes = Object.entries(state.quizzes);
  if (quizzes.length) encoded.q = Object.fromEntries(quizzes.map(([page, quiz]) => [page, encodeQuiz(quiz)]));
  const paths = Object.entries(state.paths);
  // Choice indexes are below 36, so one base-36 digit a step.
  if (paths.length) encoded.s = Object.fromEntries(paths.map(([page, path]) => [page, path.map((i) => i.toString(36)).join('')]));
  const attested = Object.keys(state.attested).map(Number);
  if (attested.length) encoded.a = attested;
  const opened = Object.entries(state.opened);
  if (opened.length) encoded.o = Object.fromEntries(opened.map(([page, parts]) => [page, parts.map((open) => (open ? 1 : 0)).join('')]));
  if (data.seat) encoded.t = [Math.floor(state.time), ...Object.entries(state.pageTime).map(([page, seconds]) => `${page}:${Math.floor(seconds)}`)];
  if (state.earned !== undefined) encoded.c = state.earned;
  return JSON.stringify(encoded);
}

/** Says what of the saved state was left out: the console in the runtime, the report in `coursepack inspect`. */
export type Note = (what: string) => void;

/**
 * The saved state, or undefined when there is none, it is not a state, or it belongs to another
 * revision. Each piece is checked against the course: what fits is kept, what does not is left
 * out with a note (the console's), so the course always opens.
 */
export function decodeState(data: CourseData, text: string, note: Note = consoleNote): State | undefined {
  if (!text) return undefined;
  const encoded = parseObject(text);
  if (!encoded) {
    note('it is not a state this course writes, so the course starts afresh');
    return undefined;
  }
  if (encoded.r !== data.revision) return undefined;
  const state = emptyState(data);
  state.done = readDone(data, encoded.d, note);
  readQuizzes(data, encoded.q, state, note);
  readPaths(data, encoded.s, state, note);
  readAttested(data, encoded.a, state, note);
  readOpened(data, encoded.o, state, note);
  readTime(data, encoded.t, state);
  readEarned(data, encoded.c, state, note);
  return state;
}

function consoleNote(what: string): void {
  warn(`saved state: ${what}.`);
}

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseObject(text: string): Mapping | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isMapping(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The page a key of the saved state names, when it is of the type expected there. */
function pageAt<T extends PageData['type']>(data: CourseData, key: string, type: T): { index: number; page: Extract<PageData, { type: T }> } | undefined {
  const index = /^\d+$/.test(key) ? Number(key) : -1;
  const page = data.pages[index];
  return page?.type === type ? { index, page: page as Extract<PageData, { type: T }> } : undefined;
}

function readDone(data: CourseData, done: unknown, note: Note): boolean[] {
  if (typeof done !== 'string' || !/^[01]*$/.test(done)) note('the pages done are not a row of 0 and 1; only the 1s are kept');
  const marks = typeof done === 'string' ? done : '';
  return data.pages.map((_, i) => marks.charAt(i) === '1');
}

function readQuizzes(data: CourseData, quizzes: unknown, state: State, note: Note): void {
  if (quizzes === undefined) return;
  if (!isMapping(quizzes)) return note('the quizzes are not in the form this course writes; left out');
  for (const [key, value] of Object.entries(quizzes)) {
    const found = pageAt(data, key, 'quiz');
    const attempt = found && readAttempt(found.page, value);
    if (!found || !attempt) {
      note(found ? `the attempt at quiz "${found.page.id}" does not fit it; left out` : `a quiz attempt for page ${key}, which is no quiz; left out`);
      continue;
    }
    const answers = (value as unknown[])[2];
    const size = Array.isArray(answers) ? answers.length : -1;
    const whole = size === attempt.order.length;
    const partial = found.page.mode === 'one-at-a-time' && size > 0 && size < attempt.order.length;
    const fits = (whole || partial) && (answers as unknown[]).every((answer, i) => answerFits(found.page.questions[attempt.order[i] as number] as QuestionData, answer));
    if (answers !== 0 && !fits) note(`the answers to quiz "${found.page.id}" do not fit its questions; left out, the attempt is kept`);
    state.quizzes[found.index] = !fits ? attempt : whole ? { ...attempt, answers: answers as string[] } : { ...attempt, partial: answers as string[] };
  }
}

/** [attempt, seed, answers, order?] as encodeQuiz writes it, without the answers. */
function readAttempt(page: QuizPageData, value: unknown): QuizState | undefined {
  if (!Array.isArray(value) || value.length < 3) return undefined;
  const [attempt, seed, , text] = value as unknown[];
  if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 1 || attempt > page.attempts) return undefined;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) return undefined;
  const order = fittingOrder(page, text);
  return order && { order, attempt, seed };
}

function readPaths(data: CourseData, paths: unknown, state: State, note: Note): void {
  if (paths === undefined) return;
  if (!isMapping(paths)) return note('the scenario paths are not in the form this course writes; left out');
  for (const [key, value] of Object.entries(paths)) {
    const found = pageAt(data, key, 'scenario');
    if (!found || typeof value !== 'string') {
      note(`a scenario path for page ${key} does not fit; left out`);
      continue;
    }
    const steps = [...value].map((c) => (/^[0-9a-z]$/.test(c) ? parseInt(c, 36) : -1));
    const kept = fittingPath(found.page, steps);
    if (kept.length < steps.length) note(`the path through scenario "${found.page.id}" leaves it after ${kept.length} steps; the steps after are left out`);
    state.paths[found.index] = kept;
  }
}

function readAttested(data: CourseData, attested: unknown, state: State, note: Note): void {
  if (attested === undefined) return;
  const pages = Array.isArray(attested) ? attested : [];
  const fit = pages.filter((page) => typeof page === 'number' && pageAt(data, String(page), 'attestation'));
  if (!Array.isArray(attested) || fit.length < pages.length) note('some attestations are not of attestation pages; those are left out');
  for (const page of fit) state.attested[page as number] = true;
}

function readOpened(data: CourseData, opened: unknown, state: State, note: Note): void {
  if (opened === undefined) return;
  if (!isMapping(opened)) return note('the opened parts of blocks are not in the form this course writes; left out');
  for (const [key, value] of Object.entries(opened)) {
    const found = pageAt(data, key, 'content');
    if (!found || typeof value !== 'string' || !/^[01]*$/.test(value) || value.length !== found.page.reveal) {
      note(`the opened parts of blocks on page ${key} do not fit it; left out`);
      continue;
    }
    state.opened[found.index] = [...value].map((mark) => mark === '1');
  }
}

/** Seat time as encodeState writes it; what does not fit starts at 0 (a few seconds more to sit). */
function readTime(data: CourseData, time: unknown, state: State): void {
  if (!data.seat || !Array.isArray(time)) return;
  const [total, ...pages] = time as unknown[];
  state.time = Math.max(0, Number(total) || 0);
  for (const entry of pages) {
    const [page = -1, seconds = -1] = String(entry).split(':').map(Number);
    if (data.pages[page]?.minTime && seconds >= 0) state.pageTime[page] = seconds;
  }
}

/** The day a certificate was earned: a whole day number, in a course that gives a certificate. */
function readEarned(data: CourseData, day: unknown, state: State, note: Note): void {
  if (day === undefined) return;
  if (Number.isInteger(day) && (day as number) >= 0 && data.pages.some((page) => page.type === 'results' && page.certificate)) state.earned = day as number;
  else note('the day the certificate was earned does not fit; left out, the certificate takes the day it is shown');
}
