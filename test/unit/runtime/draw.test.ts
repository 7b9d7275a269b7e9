// Which questions an attempt shows, in which order: pinned likert questions keep their place
// (issue 10 item 2); without pinned questions the draw is the one earlier versions made.
import { afterEach, expect, it, jest } from '@jest/globals';
import type { QuestionData, QuizPageData } from '../../../src/runtime/course-data';
import { buildCourseData } from '../../../src/render/course-data';
import { loadStrings } from '../../../src/render/templates';
import { draw } from '../../../src/runtime/player/draw';
import { checkYaml, HEAD } from '../validate/temp-course';

const question = (id: string): QuestionData => ({ id, type: 'true-false', answer: true, points: 1, description: id });
const survey = (id: string, pinned?: true): QuestionData => ({ id, type: 'likert', points: 0, scale: 5, description: id, ...(pinned && { pinned }) });
const quiz = (questions: QuestionData[], shuffle: boolean, count = questions.length): QuizPageData => ({ type: 'quiz', id: 'q', shuffle, draw: count, attempts: 1, questions });

/** A fixed sequence for Math.random, so a draw can be compared with a known one. */
function randomSequence(values = [0.1, 0.7, 0.4, 0.9, 0.25]): void {
  let k = 0;
  jest.spyOn(Math, 'random').mockImplementation(() => values[k++ % values.length] as number);
}
afterEach(() => {
  jest.restoreAllMocks();
});

const six = ['a', 'b', 'c', 'd', 'e', 'f'].map(question);

it.each([
  [true, 6, [4, 5, 2, 1, 3, 0]],
  [true, 4, [4, 5, 2, 1]],
  [false, 4, [1, 2, 4, 5]],
  [false, 6, [0, 1, 2, 3, 4, 5]],
])('without pinned questions, shuffle %s draw %i is the draw of earlier versions (reports stay comparable)', (shuffle, count, expected) => {
  randomSequence();
  expect(draw(quiz(six, shuffle, count))).toEqual(expected);
});

it('a pinned survey keeps its place however the others are shuffled, and is always drawn', () => {
  const pool = [...six, survey('clear', true)];
  for (const values of [[0.1, 0.7, 0.4], [0.99, 0.01, 0.5], [0.5], [0]]) {
    randomSequence(values);
    const order = draw(quiz(pool, true));
    expect(order).toHaveLength(7);
    expect(order[6]).toBe(6);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  }
  randomSequence([0.99, 0.01, 0.5]);
  const drawn = draw(quiz(pool, true, 3));
  expect(drawn).toHaveLength(3);
  expect(drawn[2]).toBe(6);
  // A pinned question first stays first; an unpinned survey is shuffled like any other question.
  randomSequence([0.99, 0.01, 0.5]);
  expect(draw(quiz([survey('first', true), ...six], true))[0]).toBe(0);
});

it('not pinned, a survey is shuffled with the rest', () => {
  randomSequence([0.5]);
  const order = draw(quiz([...six, survey('clear')], true));
  expect(order[6]).not.toBe(6);
});

it('`pinned: true` on a likert question in course.yaml reaches the runtime; other questions stay unpinned', () => {
  const yaml = `${HEAD}title: Pinned\npages:\n  - id: check\n    type: quiz\n    title: Check\n    shuffle: true\n    questions:\n      - { id: one, type: true-false, prompt: One?, answer: true }\n      - { id: clear, type: likert, prompt: Clear?, pinned: true }\n      - { id: useful, type: likert, prompt: Useful? }\n`;
  const { course, report } = checkYaml(yaml);
  expect(report.errors).toEqual([]);
  const page = buildCourseData(course!, 'scorm2004', loadStrings('en')).pages[0] as QuizPageData;
  expect(page.questions.map((q) => (q.type === 'likert' ? q.pinned : undefined))).toEqual([undefined, true, undefined]);
});
