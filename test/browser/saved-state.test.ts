// Saved state that parses but does not fit the course (answers of the wrong type, markup in
// answers, a question order or a scenario path out of range) used to leave a blank page on
// every relaunch. Each case here relaunches the basic course with such state from the LMS:
// the course opens, keeps what fits, and says in the console what it left out.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { checkCourse } from '../../src/compile';
import { buildCourseData } from '../../src/render/course-data';
import { loadStrings } from '../../src/render/templates';
import { Harness } from './harness';
import { Learner } from './learner';

const COURSE = join(__dirname, '../fixtures/valid/basic');
const harness = new Harness();
let url: string;
let revision: string;

beforeAll(async () => {
  await harness.start();
  url = (await harness.buildAndServe(COURSE, ['scorm2004'])).scorm2004;
  const { course } = checkCourse(COURSE);
  revision = buildCourseData(course!, 'scorm2004', loadStrings('en')).revision;
});
afterAll(() => harness.stop());

// The basic course's pages: 0 welcome, 1 dilemma (scenario), 2 check (quiz: true-false,
// single-choice, multiple-choice, fill-in), 3 acknowledge (attestation), 4 results.
const RIGHT = ['f', '1', '0,1', 'linkedin'];

/** A state that fits: the scenario ended well, the quiz submitted, the statement signed. */
function state(change: (encoded: Record<string, any>) => void = () => undefined): string {
  const encoded: Record<string, any> = { r: revision, d: '1111', q: { 2: [1, 5, [...RIGHT]] }, s: { 1: '11' }, a: [3] };
  change(encoded);
  return JSON.stringify(encoded);
}

/** Relaunches at `location` with the saved state; the course's console notes are collected. */
async function relaunch(location: string, suspendData: string) {
  const context = await harness.newContext();
  const notes: string[] = [];
  context.on('console', (message) => void (message.type() === 'warning' && notes.push(message.text())));
  const cmi = { learner_name: 'Doe, Jane', learner_id: 'jdoe', location, suspend_data: suspendData, entry: 'resume', completion_status: 'incomplete' };
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: url, cmi, context });
  return { run, learner: new Learner(run.course), notes };
}

/** The quiz is open for a new try: nothing graded, the answers not filled in. */
async function quizIsUnanswered(learner: Learner, course: Awaited<ReturnType<typeof relaunch>>['run']['course']): Promise<void> {
  await learner.seesPage('Check your knowledge');
  await expect(course.getByRole('button', { name: 'Submit answers' }).isEnabled()).resolves.toBe(true);
  await expect(course.getByRole('radio', { name: 'False', exact: true }).isChecked()).resolves.toBe(false);
}

/** Going back to the scenario shows its debrief: the path was kept. */
async function scenarioWasKept(learner: Learner, course: Awaited<ReturnType<typeof relaunch>>['run']['course']): Promise<void> {
  await course.getByRole('button', { name: 'Back' }).click();
  await learner.seesPage('A dilemma');
  await expect(course.getByText('20 of 20 points').isVisible()).resolves.toBe(true);
}

it('answers of the wrong type: the quiz opens for a new try, the scenario path and the rest are kept', async () => {
  const { run, learner, notes } = await relaunch('check', state((e) => (e.q[2][2] = [true, 1, null, {}])));
  await quizIsUnanswered(learner, run.course);
  await scenarioWasKept(learner, run.course);
  expect(harness.pageErrors).toEqual([]);
  expect(notes).toEqual([expect.stringContaining('the answers to quiz "check" do not fit its questions')]);
});

it('markup in answers: never run; in a choice answer it does not fit and goes, typed it is shown as the text it is', async () => {
  const markup = '"><img src=x onerror="parent.pwned=1">';
  const choice = await relaunch('check', state((e) => (e.q[2][2][1] = markup)));
  await quizIsUnanswered(choice.learner, choice.run.course);
  expect(choice.notes).toEqual([expect.stringContaining('the answers to quiz "check"')]);

  const typed = await relaunch('check', state((e) => (e.q[2][2][3] = markup)));
  await typed.learner.seesPage('Check your knowledge');
  const answer = typed.run.course.getByRole('group', { name: 'Which professional network is mentioned most?' }).getByRole('textbox');
  await expect(answer.inputValue()).resolves.toBe(markup);
  await expect(answer.isDisabled()).resolves.toBe(true);
  expect(await typed.run.page.evaluate(() => (window as any).pwned)).toBeUndefined();
  expect(harness.pageErrors).toEqual([]);
  expect(typed.notes).toEqual([]);
});

it('a question order out of range: that quiz starts afresh, the attestation and scenario are kept', async () => {
  const { run, learner, notes } = await relaunch('check', state((e) => e.q[2].push('1' + '0129')));
  await quizIsUnanswered(learner, run.course);
  await scenarioWasKept(learner, run.course);
  await learner.next();
  await learner.seesPage('Check your knowledge');
  await learner.next();
  await learner.seesPage('Acknowledgement');
  await expect(run.course.getByText('Thank you. Your acknowledgement has been recorded.').isVisible()).resolves.toBe(true);
  expect(harness.pageErrors).toEqual([]);
  expect(notes).toEqual([expect.stringContaining('the attempt at quiz "check" does not fit it')]);
});

it('a scenario path out of range: the steps that fit are kept, the learner goes on from there', async () => {
  const { run, learner, notes } = await relaunch('dilemma', state((e) => (e.s[1] = '1z')));
  await learner.seesPage('A dilemma');
  await expect(run.course.getByText('They reply asking for a refund.').isVisible()).resolves.toBe(true);
  await learner.decide('Move the talk to a private channel');
  await expect(run.course.getByText('20 of 20 points').isVisible()).resolves.toBe(true);
  expect(harness.pageErrors).toEqual([]);
  expect(notes).toEqual([expect.stringContaining('the path through scenario "dilemma" leaves it after 1 steps')]);
});

it('state that is no state of this course (every piece of the wrong shape) opens the course at the bookmark, afresh', async () => {
  const { run, learner, notes } = await relaunch('dilemma', JSON.stringify({ r: revision, d: 5, q: 'x', s: [1], a: 'y' }));
  await learner.seesPage('A dilemma');
  await expect(run.course.getByText('A customer complains in public.').isVisible()).resolves.toBe(true);
  expect(harness.pageErrors).toEqual([]);
  expect(notes).toHaveLength(4);
});
