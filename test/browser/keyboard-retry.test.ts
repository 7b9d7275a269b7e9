// A keyboard-only learner who fails the quiz once: the runtime moves focus into the quiz
// ("Please answer every question", "Try again"), and every question must stay reachable by Tab
// afterwards (focus() once took form controls out of the Tab order for good).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { courseFrame } from './axe';
import { Harness } from './harness';
import { answerQuizByKeyboard, tabTo } from './keyboard';
import { Learner } from './learner';
import { ANGRY_CUSTOMER, LAUNCH_POST, readContent, SAMPLE_COURSE, scenario, takeQuiz } from './sample-course';

const harness = new Harness();
let urls: Record<'scorm2004', string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(SAMPLE_COURSE, ['scorm2004']);
});
afterAll(() => harness.stop());

it('fails, tries again and passes by keyboard alone; no control leaves the Tab order', async () => {
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004 });
  const learner = new Learner(run.course);
  await readContent(learner, run.course);
  await scenario(learner, 'Scenario: the launch post', LAUNCH_POST);
  await scenario(learner, 'Scenario: the angry customer', ANGRY_CUSTOMER);
  await learner.seesPage('Check your knowledge');
  const { page } = run;
  const frame = courseFrame(page);
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
