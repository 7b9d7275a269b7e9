// A keyboard-only learner who fails the quiz once: the runtime moves focus into the quiz
// ("Please answer every question", "Try again"), and every question must stay reachable by Tab
// afterwards (focus() once took form controls out of the Tab order for good).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { courseFrame } from './axe';
import type { Frame, Page } from 'playwright-core';
import { courseVariant, Harness } from './harness';
import { answerQuestionByKeyboard, answerQuizByKeyboard, tabTo } from './keyboard';
import { Learner } from './learner';
import { ANGRY_CUSTOMER, LAUNCH_POST, readContent, SAMPLE_COURSE, scenario, takeQuiz } from './sample-course';

const harness = new Harness();
let urls: Record<'scorm2004', string>;
let single: Record<'scorm2004', string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(SAMPLE_COURSE, ['scorm2004']);
  single = await harness.buildAndServe(courseVariant(SAMPLE_COURSE, '    attempts: 2\n', '    attempts: 2\n    mode: one-at-a-time\n'), ['scorm2004'], 'single/');
});
afterAll(() => harness.stop());

/** Launches the sample course and reads, decides its way to the quiz. */
async function toQuiz(courseUrl: string) {
  const run = await harness.launch({ standard: 'scorm2004', courseUrl });
  const learner = new Learner(run.course);
  await readContent(learner, run.course);
  await scenario(learner, 'Scenario: the launch post', LAUNCH_POST);
  await scenario(learner, 'Scenario: the angry customer', ANGRY_CUSTOMER);
  await learner.seesPage('Check your knowledge');
  return { run, learner, page: run.page, frame: courseFrame(run.page) };
}

it('fails, tries again and passes by keyboard alone; no control leaves the Tab order', async () => {
  const { run, learner, page, frame } = await toQuiz(urls.scorm2004);
  const outOfTabOrder = () => frame.evaluate(() => Array.from(document.querySelectorAll('form.quiz :is(input, select, textarea, button)')).filter((e) => e.getAttribute('tabindex') === '-1').length);
  const focusedQuestion = () => frame.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('.prompt')?.textContent ?? '');

  // Submit with nothing answered: focus goes to the first question, which stays in the Tab order.
  await frame.focus('section:not([hidden]) h1');
  await tabTo(frame, page, /^Submit answers$/);
  await page.keyboard.press('Enter');
  await frame.waitForSelector('text=Please answer every question before submitting.');
  const first = await focusedQuestion();
  expect(first).not.toBe('');
  expect(await outOfTabOrder()).toBe(0);

  await takeQuiz(learner, run.course, false);
  await tabTo(frame, page, /^Try again$/);
  await page.keyboard.press('Enter');
  await expect(focusedQuestion()).resolves.not.toBe('');
  expect(await outOfTabOrder()).toBe(0);

  // From the page's heading, Tab reaches every question of the new draw.
  await frame.focus('section:not([hidden]) h1');
  await answerQuizByKeyboard(frame, page);
  await tabTo(frame, page, /^Submit answers$/);
  await page.keyboard.press('Enter');
  await frame.waitForSelector('text=You answered 8 of 8 questions correctly.');
});

/** One question at a time by keyboard: answer, Check answer, then Enter on Next question (focused). */
async function oneAtATimeByKeyboard(frame: Frame, page: Page, right: boolean): Promise<void> {
  for (let n = 1; n <= 8; n++) {
    const prompts = await frame.evaluate(() => Array.from(document.querySelectorAll('fieldset.question:not([hidden]) .prompt')).map((p) => p.textContent ?? ''));
    expect(prompts).toHaveLength(1);
    await answerQuestionByKeyboard(frame, page, prompts[0]!, right);
    await tabTo(frame, page, /^Check answer$/);
    await page.keyboard.press('Enter');
    if (n === 8) return;
    await expect(frame.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Next question');
    await page.keyboard.press('Enter');
    // Focus is in the next question, which is in the Tab order.
    await expect(frame.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('.question-number')?.textContent)).resolves.toBe(`Question ${n + 1} of 8`);
  }
}

it('one question at a time: fails, tries again and passes by keyboard alone', async () => {
  const { page, frame } = await toQuiz(single.scorm2004);
  await frame.focus('h1');
  await oneAtATimeByKeyboard(frame, page, false);
  await frame.waitForSelector('text=You answered 0 of 8 questions correctly.');
  await tabTo(frame, page, /^Try again$/);
  await page.keyboard.press('Enter');
  await expect(frame.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('.question-number')?.textContent)).resolves.toBe('Question 1 of 8');
  await oneAtATimeByKeyboard(frame, page, true);
  await frame.waitForSelector('text=You answered 8 of 8 questions correctly.');
  expect(await frame.evaluate(() => Array.from(document.querySelectorAll('form.quiz :is(input, select, textarea, button)')).filter((e) => e.getAttribute('tabindex') === '-1').length)).toBe(0);
});
