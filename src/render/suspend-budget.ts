// The largest suspend data a package can write, found by encoding the worst case with the
// runtime's own encoder; checked against what each standard's LMSs are required to keep.
import type { CourseData, QuestionData, QuizPageData, ScenarioPageData } from '../runtime/course-data';
import { encodeState, emptyState, SAVED_TEXT_LIMIT, type State } from '../runtime/player/state';

export { SUSPEND_DATA_LIMITS } from '../standards/limits';

/** The longest answer each question can leave in the saved state. */
function longestAnswer(question: QuestionData): string {
  const list = (n: number) => Array.from({ length: n }, (_, i) => i).join(',');
  switch (question.type) {
    case 'single-choice':
      return String(question.choices.length - 1);
    case 'multiple-choice':
      return list(question.choices.length);
    case 'true-false':
      return 't';
    case 'fill-in':
      return 'x'.repeat(Math.max(SAVED_TEXT_LIMIT, ...question.accept.map((answer) => answer.length)));
    case 'numeric':
      return '-0.000000000000001';
    case 'matching':
      return list(question.sources.length);
    case 'ordering':
      return list(question.items.length);
    case 'likert':
      return String(question.scale - 1);
  }
}

function worstQuiz(page: QuizPageData): State['quizzes'][number] {
  const byLength = page.questions.map((question, index) => ({ index, answer: longestAnswer(question) })).sort((a, b) => b.answer.length - a.answer.length);
  const drawn = byLength.slice(0, page.draw);
  // Reversed, so the order is never the pool's own and is always written out.
  const order = drawn.map((item) => item.index).sort((a, b) => b - a);
  return { order, attempt: page.attempts, seed: 999999, answers: drawn.map((item) => item.answer) };
}

/** The longest path through a scenario, as choice indexes (the validator has ruled out loops). */
function longestPath(page: ScenarioPageData): number[] {
  const memo = new Map<string, number[]>();
  const from = (scene: string): number[] => {
    const known = memo.get(scene);
    if (known) return known;
    memo.set(scene, []); // a guard, should a loop slip through
    const data = page.scenes[scene];
    let best: number[] = [];
    if (data && 'choices' in data) {
      data.choices.forEach((choice, index) => {
        const path = [index, ...from(choice.next)];
        if (path.length > best.length) best = path;
      });
    }
    memo.set(scene, best);
    return best;
  };
  return from(page.start);
}

const WORST_SECONDS = 9_999_999;
const WORST_DAY = 99_999;

export function worstCaseSuspendData(data: CourseData): number {
  const state = emptyState(data);
  state.done = data.pages.map(() => true);
  data.pages.forEach((page, index) => {
    if (page.type === 'quiz') state.quizzes[index] = worstQuiz(page);
    if (page.type === 'scenario') state.paths[index] = longestPath(page);
    if (page.type === 'attestation') state.attested[index] = true;
    if (page.type === 'content' && page.reveal) state.opened[index] = Array.from({ length: page.reveal }, () => true);
    // Seat time: seven digits of seconds is over three months in the course.
    if (page.minTime) state.pageTime[index] = WORST_SECONDS;
  });
  state.time = WORST_SECONDS;
  // The day a certificate was earned: five digits of days since 1970 until the year 2243.
  if (data.pages.some((page) => page.type === 'results' && page.certificate)) state.earned = WORST_DAY;
  return encodeState(data, state).length;
}
