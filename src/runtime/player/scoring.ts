// Scoring and status rules in one place, used by the player and by the tests.
import type { CourseData, QuestionData, QuizPageData, ScenarioChoiceData, ScenarioPageData } from '../course-data';
import type { Score, Status } from '../tracking/tracker';
import type { QuizState, State } from './state';
import { walkPath } from './state-fit';

/** Fill-in answers match ignoring surrounding and repeated spaces, and case unless asked not to. */
export function normaliseText(text: string, caseSensitive: boolean): string {
  const spaced = text.trim().replace(/\s+/g, ' ');
  return caseSensitive ? spaced : spaced.toLowerCase();
}

/**
 * Responses are encoded compactly, one string per question: choice questions as
 * comma-separated choice indexes, true-false as "t"/"f", fill-in and numeric as typed,
 * matching as the target index chosen for each source, ordering as item indexes in the
 * learner's order, likert as the scale index. An empty string is no answer.
 */
export function isCorrect(question: QuestionData, response: string): boolean {
  switch (question.type) {
    case 'true-false':
      return response === (question.answer ? 't' : 'f');
    case 'fill-in': {
      const given = normaliseText(response, question.caseSensitive);
      return question.accept.some((answer) => normaliseText(answer, question.caseSensitive) === given);
    }
    case 'numeric': {
      const value = parseNumber(response);
      // A little slack for binary floating point: 0.1 + 0.2 must match 0.3.
      return value !== undefined && Math.abs(value - question.answer) <= question.tolerance + 1e-9;
    }
    case 'matching':
      return sameList(indexes(response), question.sources.map((_, i) => i));
    case 'ordering':
      return sameList(indexes(response), question.items.map((_, i) => i));
    case 'likert':
      return response !== '';
    default: {
      const chosen = indexes(response).sort((a, b) => a - b);
      return sameList(chosen, question.choices.map((c, i) => (c.correct ? i : -1)).filter((i) => i >= 0));
    }
  }
}

/** Likert questions are surveys: recorded, never counted as right or wrong. */
export function isScored(question: QuestionData): boolean {
  return question.type !== 'likert';
}

/** A number as people type it: "1,5" and "1.5" alike, spaces ignored. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

export function indexes(response: string): number[] {
  return response.split(',').filter((part) => part !== '').map(Number);
}

function sameList(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

export interface QuizResult {
  earned: number;
  max: number;
  correct: boolean[];
  submitted: boolean;
}

export function quizResult(page: QuizPageData, quiz: QuizState | undefined): QuizResult {
  const order = quiz?.order ?? page.questions.slice(0, page.draw).map((_, i) => i);
  const questions = order.map((i) => page.questions[i] as QuestionData);
  const max = questions.reduce((sum, q) => sum + q.points, 0);
  const answers = quiz?.answers;
  const correct = questions.map((q, i) => Boolean(answers && isScored(q) && isCorrect(q, answers[i] ?? '')));
  const earned = questions.reduce((sum, q, i) => sum + (correct[i] ? q.points : 0), 0);
  return { earned, max, correct, submitted: Boolean(answers) };
}

export function quizPassed(result: QuizResult, passingScore: number): boolean {
  return result.max === 0 || (result.earned / result.max) * 100 >= passingScore;
}

/** Attempts left at a submitted, failed quiz: what "Try again" offers (0 when passed or used up). */
export function attemptsLeft(page: QuizPageData, quiz: QuizState | undefined, passingScore: number): number {
  const result = quizResult(page, quiz);
  return result.submitted && !quizPassed(result, passingScore) ? page.attempts - (quiz?.attempt ?? 1) : 0;
}

/** How good a scenario choice was, next to the other choices of its scene (see choiceQuality). */
export type ChoiceQuality = 'best' | 'acceptable' | 'poor';

/**
 * The quality of a choice worth `points` in a scene whose choices are worth `scene`: best, the
 * most points of the scene; poor, 0 or less or under half the best; acceptable, the others.
 * Undefined when every choice earns the same: there is nothing to tell apart. Used when building
 * (the label in the page) and by the player (the best choice the learner missed).
 */
export function choiceQuality(points: number, scene: readonly number[]): ChoiceQuality | undefined {
  const best = Math.max(...scene);
  if (scene.every((p) => p === best)) return undefined;
  return points === best ? 'best' : points <= 0 || points < best / 2 ? 'poor' : 'acceptable';
}

/** One decision of a run through a scenario. */
export interface ScenarioStep {
  scene: string;
  choice: ScenarioChoiceData;
  /** The scene's choices, in the course's order. */
  choices: ScenarioChoiceData[];
}

export interface ScenarioResult {
  earned: number;
  /** The scene the learner is at now. */
  current: string;
  ended: boolean;
  steps: ScenarioStep[];
}

export function scenarioResult(page: ScenarioPageData, path: number[] = []): ScenarioResult {
  const taken = walkPath(page, path);
  const earned = taken.reduce((sum, step) => sum + step.choice.points, 0);
  const current = taken.length > 0 ? (taken[taken.length - 1]?.choice.next as string) : page.start;
  const steps: ScenarioStep[] = taken.map(({ scene, choice }) => {
    const at = page.scenes[scene];
    return { scene, choice, choices: at && 'choices' in at ? at.choices : [] };
  });
  const scene = page.scenes[current];
  return { earned, current, ended: Boolean(scene && 'outcome' in scene), steps };
}

export interface CourseResult {
  score: Score;
  percent: number;
  /** Every scenario has ended and every quiz is final: the score will not change any more. */
  final: boolean;
  passed: boolean;
}

/** A test-out's result: undefined before it is submitted. */
function testOutPassed(page: QuizPageData, quiz: QuizState | undefined, passingScore: number): boolean | undefined {
  const result = quizResult(page, quiz);
  return result.submitted ? quizPassed(result, passingScore) : undefined;
}

/** The pages passed test-outs excuse: done without being taken, and left out of the score. */
export function excusedPages(data: CourseData, state: State, passingScore: number): Set<number> {
  const excused = new Set<number>();
  data.pages.forEach((page, index) => {
    if (page.type === 'quiz' && page.testOut && testOutPassed(page, state.quizzes[index], passingScore)) page.testOut.forEach((covered) => excused.add(covered));
  });
  return excused;
}

export function courseResult(data: CourseData, state: State, passingScore: number): CourseResult {
  let raw = 0;
  let max = 0;
  let final = true;
  const excused = excusedPages(data, state, passingScore);
  data.pages.forEach((page, index) => {
    // A test-out and the pages it covers never both count: passed, its score stands for theirs;
    // failed, it was a pre-test and theirs count (docs/course-format.md, test-out).
    if (excused.has(index)) return;
    if (page.type === 'quiz' && page.testOut && testOutPassed(page, state.quizzes[index], passingScore) === false) return;
    if (page.type === 'quiz') {
      const result = quizResult(page, state.quizzes[index]);
      const quiz = state.quizzes[index];
      raw += result.earned;
      max += result.max;
      if (!result.submitted || (!quizPassed(result, passingScore) && (quiz?.attempt ?? 1) < page.attempts)) final = false;
    } else if (page.type === 'scenario') {
      const result = scenarioResult(page, state.paths[index]);
      raw += result.earned;
      max += page.maxPoints;
      if (!result.ended) final = false;
    }
  });
  const percent = max > 0 ? Math.round((raw / max) * 10000) / 100 : 100;
  return { score: { raw, max }, percent, final, passed: percent >= passingScore };
}

/**
 * The course is over: its requirements are met, or it is failed. Only then does the score go to the
 * LMS: many LMSs derive the status from score and mastery score (Moodle's default "mastery score
 * overrides status" stores a suspended SCORM 1.2 attempt whose raw score is below the mastery
 * score as failed, then reopens it for review only), so a running score would end the attempt.
 */
export function courseOver(status: Status): boolean {
  return status.completion === 'completed' || status.success === 'failed';
}

/** The status to report, following the course's `report` choice (see the README's table). */
export function courseStatus(data: CourseData, state: State, result: CourseResult): Status {
  const pagesDone = state.done.every(Boolean);
  const attested = data.pages.every((page, i) => page.type !== 'attestation' || state.attested[i]);
  const seated = state.time >= (data.seat?.min ?? 0);
  const met = seated && data.require.every((rule) => (rule === 'all-pages' ? pagesDone : rule === 'attestation' ? attested : result.final && result.passed));
  const failed = result.final && !result.passed;
  const progress = state.done.filter(Boolean).length / Math.max(1, state.done.length);
  let success: Status['success'] = 'unknown';
  // A failed score outweighs met requirements: "passed" always means the score passed too.
  if (data.report === 'passed-failed') success = failed ? 'failed' : met ? 'passed' : 'unknown';
  else if (data.report === 'passed-incomplete') success = met && !failed ? 'passed' : 'unknown';
  else if (data.report === 'completed-failed') success = failed ? 'failed' : 'unknown';
  return { completion: met ? 'completed' : 'incomplete', success, progress: Math.round(progress * 100) / 100 };
}
