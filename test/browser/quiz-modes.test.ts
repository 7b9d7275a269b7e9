// Quiz pages as the learner meets them (issue 10 item 2): numbered questions, feedback that does
// not say "Correct." twice, the learner's answers readable after grading, no Submit once graded;
// and `mode: one-at-a-time`: question n of N, its feedback after Check answer, then Next
// question; the same interaction records, each with its own latency; a relaunch resumes at the
// question.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { axeViolations, courseFrame } from './axe';
import { ANSWERS, answerAll, expected, latencySeconds, P, QUESTION_TYPES_COURSE, records } from './flows';
import { type Cmi, courseVariant, eventually, Harness, type Launched, relaunchCmi } from './harness';
import { Learner } from './learner';

const harness = new Harness();
let urls: Record<'scorm2004', string>;
let single: Record<'scorm2004', string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(QUESTION_TYPES_COURSE, ['scorm2004']);
  single = await harness.buildAndServe(courseVariant(QUESTION_TYPES_COURSE, '    attempts: 2\n', '    attempts: 2\n    mode: one-at-a-time\n'), ['scorm2004'], 'single/');
});
afterAll(() => harness.stop());

it('all on one page: numbered questions; once graded, no Submit, one verdict, answers in the text colour', async () => {
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004 });
  const learner = new Learner(run.course);
  await learner.next();
  await learner.seesPage('Every question type');
  const numbers = await run.course.locator('fieldset.question:not([hidden]) legend .question-number').allInnerTexts();
  expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Question ${n} of 8`));
  await answerAll(learner, true);
  await learner.submitQuiz();
  await run.course.getByText('You answered 7 of 7 questions correctly.').waitFor();
  await expect(run.course.getByRole('button', { name: 'Submit answers' }).count()).resolves.toBe(0);

  // The designer's "Correct! …" stands alone: no "Correct." before it.
  const fillin = run.course.getByRole('group', { name: P.fillin });
  await expect(fillin.locator('.feedback').innerText()).resolves.toBe('Correct! Customer support answers every complaint.');
  await expect(run.course.getByRole('group', { name: P.single }).locator('.feedback').innerText()).resolves.toBe('Correct.');

  const frame = courseFrame(run.page);
  const styles = await frame.evaluate(() => {
    const text = getComputedStyle(document.body).color;
    const fill = (selector: string) => getComputedStyle(document.querySelector(selector)!).webkitTextFillColor;
    const chosen = document.querySelector('fieldset.question:not([hidden]) input:checked')!.closest('label')!;
    return { text, input: fill('fieldset.question-fill-in input'), select: fill('fieldset.question-matching select'), chosen: getComputedStyle(chosen).fontWeight, chosenColour: getComputedStyle(chosen).color };
  });
  expect(styles).toEqual({ text: styles.text, input: styles.text, select: styles.text, chosen: '600', chosenColour: styles.text });
  expect(await axeViolations(frame)).toEqual([]);
});

const shownNumbers = (run: Launched) => run.course.locator('fieldset.question:not([hidden]) .question-number').allInnerTexts();
const check = (run: Launched) => run.course.getByRole('button', { name: 'Check answer' }).click();
const nextQuestion = (run: Launched) => run.course.getByRole('button', { name: 'Next question' }).click();

it('one at a time: question n of N, its feedback, Next question; the same records, each with its own latency; a relaunch resumes at the question', async () => {
  const context = await harness.newContext();
  await context.clock.install();
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: single.scorm2004, context });
  const learner = new Learner(run.course);
  await learner.next();
  await learner.seesPage('Every question type');
  await expect(shownNumbers(run)).resolves.toEqual(['Question 1 of 8']);
  expect(await axeViolations(courseFrame(run.page))).toEqual([]);
  await check(run);
  await run.course.getByText('Please answer the question first.').waitFor();

  await context.clock.fastForward('01:00');
  await ANSWERS[0]!(learner, true);
  await check(run);
  await expect(run.course.getByRole('group', { name: P.single }).locator('.feedback').innerText()).resolves.toBe('Correct.');
  await expect(courseFrame(run.page).evaluate(() => document.activeElement?.textContent)).resolves.toBe('Next question');
  await expect(run.course.getByRole('button', { name: 'Check answer' }).count()).resolves.toBe(0);
  expect(await axeViolations(courseFrame(run.page))).toEqual([]);
  // Time spent reading the feedback belongs to no question.
  await context.clock.fastForward('05:00');
  await nextQuestion(run);
  await expect(shownNumbers(run)).resolves.toEqual(['Question 2 of 8']);
  await context.clock.fastForward('02:00');
  await ANSWERS[1]!(learner, true);
  await check(run);
  // Saved per question: the LMS holds two records and a state to resume from.
  const saved = await eventually(run.stored, (cmi: Cmi) => records('scorm2004', cmi).length === 2 && /"q"/.test(cmi.suspend_data ?? ''), 20_000);
  const seconds = latencySeconds(saved);
  expect(seconds['quiz.single']).toBeGreaterThanOrEqual(60);
  expect(seconds['quiz.single']).toBeLessThan(120);
  expect(seconds['quiz.multiple']).toBeGreaterThanOrEqual(120);
  expect(seconds['quiz.multiple']).toBeLessThan(180);
  await run.closeCourse();

  // Relaunch: the third question, numbered 3 of 8.
  const again = await harness.launch({ standard: 'scorm2004', courseUrl: single.scorm2004, cmi: relaunchCmi('scorm2004', await run.stored()) });
  const back = new Learner(again.course);
  await back.seesPage('Every question type');
  await expect(shownNumbers(again)).resolves.toEqual(['Question 3 of 8']);
  for (const [i, answer] of ANSWERS.slice(2).entries()) {
    await answer(back, true);
    await check(again);
    if (i < ANSWERS.length - 3) await nextQuestion(again);
  }
  await again.course.getByText('You answered 7 of 7 questions correctly.').waitFor();
  // Graded: every question with its feedback, nothing left to check.
  await expect(shownNumbers(again)).resolves.toHaveLength(8);
  await expect(again.course.getByRole('button', { name: /Check answer|Next question/ }).count()).resolves.toBe(0);
  expect(await axeViolations(courseFrame(again.page))).toEqual([]);
  await back.next();
  await back.finish();
  const stored = await eventually(again.stored, (cmi: Cmi) => cmi.success_status === 'passed');
  // The records of the all-on-one-page quiz, in the same order and format (each session's LMS
  // record holds the interactions of that session).
  expect([...records('scorm2004', saved), ...records('scorm2004', stored)]).toEqual(expected.scorm2004);
});
