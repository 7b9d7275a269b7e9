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
interface Encoded {
  r: string;
  d: string;
  q?: Record<string, [number[], number, number, string[]?]>;
  s?: Record<string, string>;
  a?: number[];
}

export function encodeState(data: CourseData, state: State): string {
  const encoded: Encoded = { r: data.revision, d: state.done.map((done) => (done ? 1 : 0)).join('') };
  const quizzes = Object.entries(state.quizzes);
  if (quizzes.length) {
    encoded.q = {};
    for (const [page, quiz] of quizzes) encoded.q[page] = quiz.answers ? [quiz.order, quiz.attempt, quiz.seed, quiz.answers] : [quiz.order, quiz.attempt, quiz.seed];
  }
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
    for (const [page, [order, attempt, seed, answers]] of Object.entries(encoded.q ?? {})) {
      state.quizzes[Number(page)] = answers ? { order, attempt, seed, answers } : { order, attempt, seed };
    }
    for (const [page, path] of Object.entries(encoded.s ?? {})) state.paths[Number(page)] = [...path].map((c) => parseInt(c, 36));
    for (const page of encoded.a ?? []) state.attested[page] = true;
    return state;
  } catch {
    return undefined;
  }
}
