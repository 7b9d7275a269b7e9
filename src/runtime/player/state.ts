import type { CourseData } from '../course-data';

/** A quiz attempt: the drawn questions (indexes into the pool, in shown order) and the answers. */
export interface QuizState {
  order: number[];
  attempt: number;
  /** Orders the choices of this attempt, so a relaunch shows them as they were. */
  seed: number;
  /** Encoded responses by position in `order`; present once the attempt is submitted. */
  answers?: string[];
}

/** Everything a relaunch needs to put the learner back where they were. */
export interface State {
  done: boolean[];
  /** By page index. */
  quizzes: Record<number, QuizState>;
  /** Scenario page index → the index of the choice taken at each step. */
  paths: Record<number, number[]>;
  attested: Record<number, boolean>;
}

export function emptyState(data: CourseData): State {
  return { done: data.pages.map(() => false), quizzes: {}, paths: {}, attested: {} };
}

// Compact on purpose: SCORM 1.2 LMSs keep only 4096 characters of suspend data.
// A quiz is [attempt, seed, answers or 0, order?]: the order is left out when it is the pool's
// own, and otherwise written as fixed-width base-36 numbers ("0a0b…").
type EncodedQuiz = [number, number, string[] | 0, string?];
interface Encoded {
  r: string;
  d: string;
  q?: Record<string, EncodedQuiz>;
  s?: Record<string, string>;
  a?: number[];
}

/** A wrong typed answer is kept only this long: enough to show it again, never the whole budget. */
export const SAVED_TEXT_LIMIT = 16;

function encodeOrder(order: number[]): string | undefined {
  if (order.every((value, i) => value === i)) return undefined;
  const width = Math.max(1, ...order.map((i) => i.toString(36).length));
  return `${width}${order.map((i) => i.toString(36).padStart(width, '0')).join('')}`;
}

function decodeOrder(text: string | undefined, size: number): number[] {
  if (!text) return Array.from({ length: size }, (_, i) => i);
  const width = Number(text[0]);
  const order: number[] = [];
  for (let at = 1; at < text.length; at += width) order.push(parseInt(text.slice(at, at + width), 36));
  return order;
}

function encodeQuiz(quiz: QuizState): EncodedQuiz {
  const order = encodeOrder(quiz.order);
  const answers = quiz.answers ?? 0;
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
  return JSON.stringify(encoded);
}

/** The saved state, or undefined when there is none or it belongs to another revision. */
export function decodeState(data: CourseData, text: string): State | undefined {
  if (!text) return undefined;
  try {
    const encoded = JSON.parse(text) as Encoded;
    if (encoded.r !== data.revision) return undefined;
    const state = emptyState(data);
    state.done = data.pages.map((_, i) => encoded.d.charAt(i) === '1');
    for (const [page, [attempt, seed, answers, order]] of Object.entries(encoded.q ?? {})) {
      const quiz = data.pages[Number(page)];
      const size = quiz?.type === 'quiz' ? quiz.draw : 0;
      const decoded = { order: decodeOrder(order, size), attempt, seed };
      state.quizzes[Number(page)] = answers ? { ...decoded, answers } : decoded;
    }
    for (const [page, path] of Object.entries(encoded.s ?? {})) state.paths[Number(page)] = [...path].map((c) => parseInt(c, 36));
    for (const page of encoded.a ?? []) state.attested[page] = true;
    return state;
  } catch {
    return undefined;
  }
}
