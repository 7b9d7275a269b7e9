// Saved state the course cannot use in full (an old version of the course, another tool,
// tampering) is checked piece by piece: what fits is kept, what does not is dropped with a
// console note, and the course always opens.
import type { CourseData, QuizPageData } from '../../../src/runtime/course-data';
import { decodeState, emptyState, encodeState, type State } from '../../../src/runtime/player/state';
import { scenario } from './sample-pages';

const base = { points: 1, description: 'Q' };
const quiz: QuizPageData = {
  type: 'quiz',
  id: 'check',
  shuffle: true,
  draw: 8,
  attempts: 2,
  questions: [
    { ...base, id: 'tf', type: 'true-false', answer: false },
    { ...base, id: 'sc', type: 'single-choice', choices: [{ id: 'a', correct: false }, { id: 'b', correct: true }, { id: 'c', correct: false }] },
    { ...base, id: 'mc', type: 'multiple-choice', choices: [{ id: 'a', correct: true }, { id: 'b', correct: false }, { id: 'c', correct: true }] },
    { ...base, id: 'fi', type: 'fill-in', accept: ['LinkedIn'], caseSensitive: false },
    { ...base, id: 'ma', type: 'matching', sources: ['a', 'b', 'c'], targets: ['1', '2', '3'] },
    { ...base, id: 'or', type: 'ordering', items: ['a', 'b', 'c'] },
    { ...base, id: 'nu', type: 'numeric', answer: 2, tolerance: 0 },
    { ...base, id: 'li', type: 'likert', points: 0, scale: 5 },
  ],
};

const data: CourseData = {
  standard: 'standalone', id: 'c', activityId: 'urn:coursepack:course:c', title: 'C', version: '1.0.0', language: 'en', revision: 'rev1', passingScore: 80,
  require: ['all-pages'], report: 'passed-failed', navigation: 'linear', strings: {},
  pages: [{ type: 'content', id: 'intro', reveal: 3 }, scenario, quiz, { type: 'attestation', id: 'sign', statement: 'I agree.' }, { type: 'results', id: 'results', review: 'answers', certificate: true }],
};

const GOOD_ANSWERS = ['f', '1', '0,2', '<b>LinkedIn</b>', '0,2,1', '2,0,1', 'two', '4'];

/** A full, fitting state: every page done, scenario ended, quiz answered, attestation signed. */
function fullState(): State {
  const state = emptyState(data);
  state.done = [true, true, true, true, false];
  state.paths[1] = [1, 1];
  state.quizzes[2] = { order: [7, 6, 5, 4, 3, 2, 1, 0], attempt: 2, seed: 123, answers: [...GOOD_ANSWERS].reverse() };
  state.attested[3] = true;
  state.opened[0] = [true, false, true];
  return state;
}

/** The saved text with some parts replaced, as JSON. */
function tampered(change: (encoded: Record<string, any>) => void): string {
  const encoded = JSON.parse(encodeState(data, fullState()));
  change(encoded);
  return JSON.stringify(encoded);
}

let notes: string[];
beforeEach(() => {
  notes = [];
  jest.spyOn(console, 'warn').mockImplementation((message: string) => void notes.push(message));
});
afterEach(() => jest.restoreAllMocks());

test('a state that fits is read back whole, markup in a typed answer kept as the text it is', () => {
  expect(decodeState(data, encodeState(data, fullState()))).toEqual(fullState());
  expect(notes).toEqual([]);
});

test('text that is not a state at all opens the course afresh, with a note', () => {
  for (const text of ['not json', '"a string"', '[1,2]', 'null', '42']) expect(decodeState(data, text)).toBeUndefined();
  expect(notes).toHaveLength(5);
  expect(notes[0]).toMatch(/^\[coursepack\] saved state/);
});

test('answers of the wrong type: the answers go, the attempt and everything else stay', () => {
  for (const answers of [[true, 1, null, {}, 0, 0, 0, 0], 'f,1', [...GOOD_ANSWERS.slice(1)], GOOD_ANSWERS.map(() => 7)]) {
    notes = [];
    const state = decodeState(data, tampered((e) => (e.q['2'][2] = answers)));
    expect(state?.quizzes[2]).toEqual({ order: [7, 6, 5, 4, 3, 2, 1, 0], attempt: 2, seed: 123 });
    expect({ ...state, quizzes: {} }).toEqual({ ...fullState(), quizzes: {} });
    expect(notes).toEqual([expect.stringContaining('the answers to quiz "check"')]);
  }
});

test.each([
  ['true-false', 0, 'yes'],
  ['single-choice', 1, '3'],
  ['single-choice with markup', 1, '<img src=x onerror=alert(1)>'],
  ['multiple-choice', 2, '0,0'],
  ['multiple-choice with a quote', 2, '0"],[data-x="'],
  ['matching', 3, '0,1'],
  ['matching out of range', 3, '0,1,3'],
  ['ordering', 4, '0,0,1'],
  ['ordering with a selector', 4, '"]'],
  ['likert', 7, '5'],
])('an answer that does not fit its question (%s) drops the answers', (_, question, answer) => {
  const answers = [...GOOD_ANSWERS];
  answers[question] = answer;
  const state = decodeState(data, tampered((e) => (e.q['2'][2] = answers)));
  expect(state?.quizzes[2]?.answers).toBeUndefined();
  expect(state?.quizzes[2]?.attempt).toBe(1 + 1);
});

test.each([
  ['an index past the pool', '1' + '76543218'],
  ['an index twice', '1' + '76543211'],
  ['too few questions', '1' + '7654321'],
  ['not base 36', '1' + '7654321?'],
  ['a bad width', '0' + '76543210'],
  ['not text', 76543210],
])('a question order out of range (%s) drops that quiz, keeps the rest', (_, order) => {
  const state = decodeState(data, tampered((e) => (e.q['2'][3] = order)));
  expect(state?.quizzes).toEqual({});
  expect(state?.paths).toEqual(fullState().paths);
  expect(state?.attested).toEqual(fullState().attested);
  expect(notes).toEqual([expect.stringContaining('quiz "check"')]);
});

test.each([
  ['attempt 0', (q: any[]) => (q[0] = 0)],
  ['attempt beyond the allowed', (q: any[]) => (q[0] = 3)],
  ['a seed that is no number', (q: any[]) => (q[1] = 'x')],
  ['not a list', (q: any[]) => q.splice(0, q.length)],
])('a quiz attempt that cannot be (%s) is dropped', (_, change) => {
  const state = decodeState(data, tampered((e) => change(e.q['2'])));
  expect(state?.quizzes).toEqual({});
});

test('a quiz saved for a page that is no quiz is dropped', () => {
  const state = decodeState(data, tampered((e) => (e.q['0'] = e.q['2'])));
  expect(Object.keys(state?.quizzes ?? {})).toEqual(['2']);
  expect(notes).toHaveLength(1);
});

test.each([
  ['a choice past the scene', '1z', [1]],
  ['steps past the ending', '110', [1, 1]],
  ['not base 36', '1!', [1]],
  ['the first step already', '9', []],
])('a scenario path out of range (%s) keeps the steps that fit', (_, path, kept) => {
  const state = decodeState(data, tampered((e) => (e.s['1'] = path)));
  expect(state?.paths[1]).toEqual(kept);
  expect(state?.quizzes[2]).toEqual(fullState().quizzes[2]);
  expect(notes).toEqual([expect.stringContaining('scenario "dilemma"')]);
});

test('pieces of the wrong shape are dropped one by one', () => {
  const state = decodeState(data, JSON.stringify({ r: 'rev1', d: 5, q: 'x', s: [1], a: 'y', o: 'z' }));
  expect(state).toEqual(emptyState(data));
  expect(notes).toHaveLength(5);
});

test('a path for a page that is no scenario, and an attestation of a page that is none, are dropped', () => {
  const state = decodeState(data, tampered((e) => ((e.s['2'] = '1'), (e.a = [3, 4, -1, 'x', 3.5]))));
  expect(state?.paths).toEqual({ 1: [1, 1] });
  expect(state?.attested).toEqual({ 3: true });
});

test('the opened parts of required blocks are a row of 0 and 1 per content page, compact', () => {
  expect(JSON.parse(encodeState(data, fullState())).o).toEqual({ 0: '101' });
  expect(JSON.parse(encodeState(data, emptyState(data))).o).toBeUndefined();
});

test.each([
  ['a row of another length', { 0: '10' }],
  ['marks other than 0 and 1', { 0: '1x1' }],
  ['a page that is no content page', { 1: '101' }],
  ['a page that does not exist', { 9: '101' }],
])('opened parts saved as %s are dropped with a note', (_, opened) => {
  const state = decodeState(data, tampered((e) => (e.o = opened)));
  expect(state?.opened).toEqual({});
  expect(notes).toHaveLength(1);
});

test('progress marks other than 0 and 1 count as not done', () => {
  const state = decodeState(data, tampered((e) => (e.d = '1x<1')));
  expect(state?.done).toEqual([true, false, false, true, false]);
});

test('state of another revision is ignored, as before', () => {
  expect(decodeState({ ...data, revision: 'rev2' }, encodeState(data, fullState()))).toBeUndefined();
});

test('one question at a time: the answers checked so far are saved in the answers’ place and read back as such', () => {
  const single: CourseData = { ...data, pages: data.pages.map((page) => (page.type === 'quiz' ? { ...page, mode: 'one-at-a-time' as const } : page)) };
  const state = fullState();
  state.quizzes[2] = { order: [7, 6, 5, 4, 3, 2, 1, 0], attempt: 1, seed: 123, partial: ['4', 'two', '2,0,1'] };
  const text = encodeState(single, state);
  expect(JSON.parse(text).q['2'][2]).toEqual(['4', 'two', '2,0,1']);
  expect(decodeState(single, text)).toEqual(state);
  // The same list for a quiz with all questions on one page is no state it writes.
  expect(decodeState(data, text)?.quizzes[2]).toEqual({ order: [7, 6, 5, 4, 3, 2, 1, 0], attempt: 1, seed: 123 });
  expect(notes).toEqual([expect.stringContaining('the answers to quiz "check"')]);
});

test('seat time: the course\'s seconds and each min-time page\'s are saved compactly and read back; what does not fit starts at 0', () => {
  const seated: CourseData = { ...data, seat: { idle: 300, min: 600 }, pages: data.pages.map((page, i) => (i === 0 ? { ...page, minTime: 120 } : page)) };
  const state = emptyState(seated);
  state.time = 95.7;
  state.pageTime[0] = 61.2;
  const text = encodeState(seated, state);
  expect(JSON.parse(text).t).toEqual([95, '0:61']);
  const back = decodeState(seated, text)!;
  expect(back.time).toBe(95);
  expect(back.pageTime).toEqual({ 0: 61 });
  // A page without a min-time keeps no time; a total that is no number counts from 0.
  const odd = JSON.stringify({ ...JSON.parse(text), t: ['x', '2:50', '0:7'] });
  expect(decodeState(seated, odd)).toMatchObject({ time: 0, pageTime: { 0: 7 } });
  // Without seat time nothing of it is written.
  expect(JSON.parse(encodeState(data, emptyState(data))).t).toBeUndefined();
});

test('the day the certificate was earned is saved as days since 1970 and read back; what does not fit is dropped with a note', () => {
  const state = fullState();
  state.earned = 20_514;
  const text = encodeState(data, state);
  expect(JSON.parse(text).c).toBe(20_514);
  expect(decodeState(data, text)?.earned).toBe(20_514);
  expect(JSON.parse(encodeState(data, fullState())).c).toBeUndefined();
  for (const bad of ['2026-03-02', -1, 1.5]) {
    notes = [];
    expect(decodeState(data, tampered((e) => (e.c = bad)))?.earned).toBeUndefined();
    expect(notes).toEqual([expect.stringContaining('the day the certificate was earned does not fit')]);
  }
  // A course without a certificate keeps no such day.
  const plain: CourseData = { ...data, pages: data.pages.map((page) => (page.type === 'results' ? { ...page, certificate: false } : page)) };
  notes = [];
  expect(decodeState(plain, text)?.earned).toBeUndefined();
  expect(notes).toHaveLength(1);
});
