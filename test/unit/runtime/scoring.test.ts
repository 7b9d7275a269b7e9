import type { CourseData, QuizPageData } from '../../../src/runtime/course-data';
import { choiceQuality, courseResult, courseStatus, isCorrect, quizResult, scenarioResult } from '../../../src/runtime/player/scoring';
import { decodeState, emptyState, encodeState } from '../../../src/runtime/player/state';
import { scenario } from './sample-pages';

const quiz: QuizPageData = {
  type: 'quiz',
  id: 'check',
  shuffle: false,
  draw: 3,
  attempts: 2,
  questions: [
    { id: 'tf', type: 'true-false', points: 1, description: 'TF', answer: false },
    { id: 'mc', type: 'multiple-choice', points: 2, description: 'MC', choices: [{ id: 'a', correct: true }, { id: 'b', correct: false }, { id: 'c', correct: true }] },
    { id: 'fi', type: 'fill-in', points: 1, description: 'FI', accept: ['LinkedIn', 'linked in'], caseSensitive: false },
  ],
};

function course(report: CourseData['report'] = 'passed-failed', require: CourseData['require'] = ['all-pages', 'passing-score']): CourseData {
  return {
    standard: 'standalone', id: 'c', activityId: 'urn:coursepack:course:c', title: 'C', version: '1.0.0', language: 'en', revision: 'rev1', passingScore: 80, require, report,
    navigation: 'linear', strings: {},
    pages: [{ type: 'content', id: 'intro' }, scenario, quiz, { type: 'results', id: 'results', review: 'answers', certificate: true }],
  };
}

describe('grading', () => {
  test('fill-in ignores case and extra spaces unless case-sensitive', () => {
    const question = quiz.questions[2]!;
    expect(isCorrect(question, '  LINKED   in ')).toBe(true);
    expect(isCorrect(question, 'Linked')).toBe(false);
    expect(isCorrect({ ...question, caseSensitive: true } as never, 'linkedin')).toBe(false);
  });
  test('multiple choice needs exactly the correct set', () => {
    const question = quiz.questions[1]!;
    expect(isCorrect(question, '2,0')).toBe(true);
    expect(isCorrect(question, '0')).toBe(false);
    expect(isCorrect(question, '0,1,2')).toBe(false);
  });
  test('true-false', () => {
    expect(isCorrect(quiz.questions[0]!, 'f')).toBe(true);
    expect(isCorrect(quiz.questions[0]!, 't')).toBe(false);
  });
});

describe('scenario and quiz results', () => {
  test('scenario follows the path and adds points', () => {
    expect(scenarioResult(scenario, [1, 0])).toMatchObject({ earned: 15, current: 'bad', ended: true });
    expect(scenarioResult(scenario, [1])).toMatchObject({ earned: 10, current: 'second', ended: false });
    expect(scenarioResult(scenario, [1, 0]).steps.map((step) => [step.scene, step.choice.id, step.choices.length])).toEqual([['first', 'refer', 2], ['second', 'promise', 2]]);
  });
  test('a choice is best at the most points of its scene, poor at 0 or under half of it, else acceptable', () => {
    const scene = [10, 6, 5, 4.9, 0, -3];
    expect(scene.map((points) => choiceQuality(points, scene))).toEqual(['best', 'acceptable', 'acceptable', 'poor', 'poor', 'poor']);
    // Two equally good choices are both best; with all the same, there is nothing to rate.
    expect([3, 3, 1].map((points) => choiceQuality(points, [3, 3, 1]))).toEqual(['best', 'best', 'poor']);
    expect(choiceQuality(5, [5, 5])).toBeUndefined();
    // A scene of harmful choices only: the least harmful is still the best one to take.
    expect([-1, -5].map((points) => choiceQuality(points, [-1, -5]))).toEqual(['best', 'poor']);
  });
  test('quiz earns the points of correct answers', () => {
    const result = quizResult(quiz, { order: [0, 1, 2], attempt: 1, seed: 7, answers: ['f', '0', 'linkedin'] });
    expect(result).toEqual({ earned: 2, max: 4, correct: [true, false, true], submitted: true });
  });
});

describe('course status by report mode', () => {
  const passedState = () => {
    const data = course();
    const state = emptyState(data);
    state.done = [true, true, true, true];
    state.paths[1] = [1, 1];
    state.quizzes[2] = { order: [0, 1, 2], attempt: 1, seed: 7, answers: ['f', '0,2', 'linkedin'] };
    return { data, state };
  };
  test('passed when every requirement is met', () => {
    const { data, state } = passedState();
    const result = courseResult(data, state, 80);
    expect(result).toEqual({ score: { raw: 24, max: 24 }, percent: 100, final: true, passed: true });
    expect(courseStatus(data, state, result)).toEqual({ completion: 'completed', success: 'passed', progress: 1 });
  });
  test('failed only once the last attempt is used', () => {
    const { data, state } = passedState();
    state.quizzes[2] = { order: [0, 1, 2], attempt: 1, seed: 7, answers: ['t', '0', 'x'] };
    state.paths[1] = [0];
    let result = courseResult(data, state, 80);
    expect(result.final).toBe(false);
    expect(courseStatus(data, state, result).success).toBe('unknown');
    state.quizzes[2]!.attempt = 2;
    result = courseResult(data, state, 80);
    expect(result).toMatchObject({ final: true, passed: false, score: { raw: 0, max: 24 } });
    expect(courseStatus(data, state, result)).toMatchObject({ completion: 'incomplete', success: 'failed' });
    expect(courseStatus(course('passed-incomplete'), state, result).success).toBe('unknown');
    expect(courseStatus(course('completed-failed'), state, result).success).toBe('failed');
  });
  test('completed-incomplete never reports success', () => {
    const { state } = passedState();
    const data = course('completed-incomplete');
    expect(courseStatus(data, state, courseResult(data, state, 80))).toEqual({ completion: 'completed', success: 'unknown', progress: 1 });
  });
  test('an LMS mastery score changes the verdict', () => {
    const { data, state } = passedState();
    state.quizzes[2] = { order: [0, 1, 2], attempt: 2, seed: 7, answers: ['f', '0', 'linkedin'] };
    expect(courseResult(data, state, 80).passed).toBe(true); // 22/24 = 91.67%
    expect(courseResult(data, state, 95).passed).toBe(false);
  });
});

describe('suspend data', () => {
  test('round-trips compactly', () => {
    const data = course();
    const state = emptyState(data);
    state.done = [true, true, false, false];
    state.paths[1] = [1, 0];
    // Answers in the order drawn (fill-in, true-false, multiple-choice); attestations are in state.test.ts.
    state.quizzes[2] = { order: [2, 0, 1], attempt: 2, seed: 7, answers: ['a "quoted", text', 'f', '0,2'] };
    const text = encodeState(data, state);
    expect(text.length).toBeLessThan(120);
    expect(decodeState(data, text)).toEqual(state);
  });
  test('state of another revision is ignored', () => {
    const data = course();
    const text = encodeState(data, emptyState(data));
    expect(decodeState({ ...data, revision: 'other' }, text)).toBeUndefined();
    // Text that is no state at all is noted in the console (see state.test.ts).
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(decodeState(data, 'not json')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

describe('seat time and test-out', () => {
  test('a course min-time holds completion back until the time is counted', () => {
    const data: CourseData = { ...course('completed-incomplete', ['all-pages']), seat: { idle: 300, min: 600 } };
    const state = emptyState(data);
    state.done = state.done.map(() => true);
    const result = courseResult(data, state, 80);
    expect(courseStatus(data, state, result).completion).toBe('incomplete');
    state.time = 600;
    expect(courseStatus(data, state, result).completion).toBe('completed');
  });

  const pretest: QuizPageData = { type: 'quiz', id: 'pretest', shuffle: false, draw: 1, attempts: 1, questions: [{ id: 'sky', type: 'true-false', points: 2, description: 'Sky', answer: true }], testOut: [2] };
  const covered: QuizPageData = { type: 'quiz', id: 'lesson-check', shuffle: false, draw: 1, attempts: 1, questions: [{ id: 'snow', type: 'true-false', points: 1, description: 'Snow', answer: true }] };
  const testOutCourse = (): CourseData => ({ ...course(), pages: [{ type: 'content', id: 'intro' }, pretest, covered, { type: 'results', id: 'results', review: 'answers', certificate: true }] });
  const taken = (pretestAnswer: string, coveredAnswer?: string) => {
    const data = testOutCourse();
    const state = emptyState(data);
    state.quizzes[1] = { order: [0], attempt: 1, seed: 1, answers: [pretestAnswer] };
    if (coveredAnswer) state.quizzes[2] = { order: [0], attempt: 1, seed: 1, answers: [coveredAnswer] };
    return courseResult(data, state, 80);
  };

  test('passed: the test-out\'s points stand for the covered pages\'', () => {
    expect(taken('t')).toMatchObject({ score: { raw: 2, max: 2 }, final: true, passed: true });
    // Taken anyway, a covered quiz still does not count.
    expect(taken('t', 'f')).toMatchObject({ score: { raw: 2, max: 2 }, passed: true });
  });

  test('failed: a pre-test, left out; the covered pages count', () => {
    expect(taken('f')).toMatchObject({ score: { raw: 0, max: 1 }, final: false });
    expect(taken('f', 't')).toMatchObject({ score: { raw: 1, max: 1 }, final: true, passed: true });
  });
});
