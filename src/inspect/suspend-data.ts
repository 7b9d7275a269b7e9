// A learner's suspend data, readable: decoded by the runtime's own decoder (runtime/player/state),
// checked against the package's course data as a relaunch would check it, and scored by the
// runtime's own scoring, so the report says what the learner would see on the next launch.
import type { CourseData, QuestionData } from '../runtime/course-data';
import { courseResult, courseStatus, indexes, isCorrect, isScored, scenarioResult } from '../runtime/player/scoring';
import { isoDay } from '../runtime/player/certificate-id';
import { decodeState, parseObject, type QuizState, type State } from '../runtime/player/state';
import { walkPath } from '../runtime/player/state-fit';

/** The keys the runtime writes (state.ts, Encoded); anything else is shown as it is. */
const KNOWN_KEYS = new Set(['r', 'd', 'q', 's', 'a', 'o', 't', 'c']);

export interface AnswerReport {
  question: string;
  /** The response in the course's ids: choice ids, true/false, the typed text… */
  response: string;
  result: 'correct' | 'incorrect' | 'recorded';
}

export interface SuspendDataReport {
  characters: number;
  revision: { saved: unknown; package?: string; matches?: boolean };
  /** Decoded against the package; absent without one, or when the state is of another revision. */
  decoded?: {
    pages: Array<{ id: string; type: string; done: boolean }>;
    quizzes: Array<{ page: string; attempt: number; attempts: number; state: 'submitted' | 'in progress' | 'not started'; answers: AnswerReport[] }>;
    scenarios: Array<{ page: string; choices: string[]; at: string; ended: boolean }>;
    attested: string[];
    /** Content pages with required blocks: how many of their parts were opened. */
    opened: Array<{ page: string; opened: number; parts: number }>;
    /** Seconds counted, with the minimums; absent when the course has no min-time. */
    seatTime?: { seconds: number; min?: number; pages: Array<{ page: string; seconds: number; min: number }> };
    /** Present when the course gives a certificate: the day it was first earned (yyyy-mm-dd), if it was. */
    certificate?: { earned?: string };
    score: { raw: number; max: number; percent: number; final: boolean; passed: boolean };
    status: { completion: string; success: string };
  };
  /** The saved object as stored, for keys this version does not know (written by a newer one). */
  other: Record<string, unknown>;
  /** What the decoder left out, in its own words. */
  notes: string[];
}

/** A response as the course's ids (see scoring.isCorrect for the encoding). */
export function readableResponse(question: QuestionData, response: string): string {
  const list = indexes(response);
  switch (question.type) {
    case 'true-false':
      return response === 't' ? 'true' : 'false';
    case 'fill-in':
    case 'numeric':
      return JSON.stringify(response);
    case 'single-choice':
    case 'multiple-choice':
      return list.map((i) => question.choices[i]?.id ?? `#${i}`).join(', ');
    case 'matching':
      return list.map((target, source) => `${question.sources[source] ?? `#${source}`} → ${question.targets[target] ?? `#${target}`}`).join(', ');
    case 'ordering':
      return list.map((i) => question.items[i] ?? `#${i}`).join(', ');
    case 'likert':
      return `${(list[0] ?? 0) + 1} of ${question.scale}`;
  }
}

function answers(questions: QuestionData[], quiz: QuizState): AnswerReport[] {
  const given = quiz.answers ?? quiz.partial ?? [];
  return given.map((response, i) => {
    const question = questions[quiz.order[i] as number] as QuestionData;
    const result = !isScored(question) ? 'recorded' : isCorrect(question, response) ? 'correct' : 'incorrect';
    return { question: question.id, response: readableResponse(question, response), result };
  });
}

function decoded(data: CourseData, state: State, passingScore: number): NonNullable<SuspendDataReport['decoded']> {
  const result = courseResult(data, state, passingScore);
  const status = courseStatus(data, state, result);
  const report: NonNullable<SuspendDataReport['decoded']> = { pages: [], quizzes: [], scenarios: [], attested: [], opened: [], score: { ...result.score, percent: result.percent, final: result.final, passed: result.passed }, status };
  data.pages.forEach((page, index) => {
    report.pages.push({ id: page.id, type: page.type, done: state.done[index] ?? false });
    if (page.type === 'quiz') {
      const quiz = state.quizzes[index];
      const progress = !quiz ? 'not started' : quiz.answers ? 'submitted' : 'in progress';
      report.quizzes.push({ page: page.id, attempt: quiz?.attempt ?? 0, attempts: page.attempts, state: progress, answers: quiz ? answers(page.questions, quiz) : [] });
    }
    if (page.type === 'scenario' && state.paths[index]) {
      const path = state.paths[index] ?? [];
      const choices = walkPath(page, path).map((step) => `${step.scene}: ${step.choice.id}`);
      const end = scenarioResult(page, path);
      report.scenarios.push({ page: page.id, choices, at: end.current, ended: end.ended });
    }
    if (page.type === 'attestation' && state.attested[index]) report.attested.push(page.id);
    if (page.type === 'content' && page.reveal) report.opened.push({ page: page.id, opened: (state.opened[index] ?? []).filter(Boolean).length, parts: page.reveal });
    if (page.type === 'results' && page.certificate) report.certificate = state.earned === undefined ? {} : { earned: isoDay(state.earned) };
  });
  if (data.seat) {
    const pages = data.pages.flatMap((page, index) => (page.minTime ? [{ page: page.id, seconds: state.pageTime[index] ?? 0, min: page.minTime }] : []));
    report.seatTime = { seconds: state.time, ...(data.seat.min !== undefined && { min: data.seat.min }), pages };
  }
  return report;
}

/** Decodes suspend data, against the package's course data when there is one. */
export function inspectSuspendData(text: string, data?: CourseData): SuspendDataReport {
  const saved = parseObject(text.trim());
  const notes: string[] = [];
  const other = Object.fromEntries(Object.entries(saved ?? {}).filter(([key]) => !KNOWN_KEYS.has(key)));
  const report: SuspendDataReport = { characters: text.trim().length, revision: { saved: saved?.r }, other, notes };
  if (!saved) notes.push('it is not a state coursepack writes (not a JSON object)');
  if (!data || !saved) return report;
  report.revision = { saved: saved.r, package: data.revision, matches: saved.r === data.revision };
  if (!report.revision.matches) {
    notes.push('it was saved by another version of the course (another revision): the course starts afresh for this learner');
    return report;
  }
  const state = decodeState(data, text.trim(), (what) => notes.push(what));
  if (state) report.decoded = decoded(data, state, data.passingScore);
  return report;
}
