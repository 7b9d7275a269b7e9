// WCAG 2.1 AA on every page type (axe-core in chromium), the whole course by keyboard alone,
// and small screens: no horizontal scroll at 320 px, screenshots under build/screenshots.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, courseFrame, layoutProblems, settled } from './axe';
import { answerQuizByKeyboard, tabTo } from './keyboard';
import { answerAll, QUESTION_TYPES_COURSE } from './flows';
import { eventually, Harness } from './harness';
import { Learner } from './learner';
import { ANGRY_CUSTOMER, LAUNCH_POST, SAMPLE_COURSE, STATEMENT, takeQuiz } from './sample-course';

const harness = new Harness();
let urls: Record<'scorm2004', string>;
let questionTypes: Record<'scorm2004', string>;
const SHOTS = join(__dirname, '../../build/screenshots');

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(SAMPLE_COURSE, ['scorm2004']);
  questionTypes = await harness.buildAndServe(QUESTION_TYPES_COURSE, ['scorm2004'], 'question-types/');
});
afterAll(() => harness.stop());

type Check = (name: string) => Promise<void>;

/** Takes the sample course, calling `check` at every page type and state worth checking. */
async function walkThrough(learner: Learner, page: Page, check: Check): Promise<void> {
  await learner.begin();
  await learner.seesPage('Welcome');
  await check('content');
  await learner.next();
  for (const title of ['Social media is here to stay', 'Our customers are already talking']) {
    await learner.seesPage(title);
    await learner.next();
  }
  await page.frameLocator('#course').getByRole('button', { name: 'Back', exact: true }).click();
  await learner.seesPage('Our customers are already talking');
  await check('content-with-image');
  for (let i = 0; i < 3; i++) await learner.next();
  await learner.seesPage('Scenario: the launch post');
  await check('scenario');
  const course = page.frameLocator('#course');
  await course.getByRole('button', { name: LAUNCH_POST[0], exact: true }).click();
  await check('scenario-feedback');
  await course.getByRole('button', { name: 'Continue', exact: true }).click();
  for (const choice of LAUNCH_POST.slice(1)) await learner.decide(choice);
  await check('scenario-debrief');
  await learner.next();
  for (const choice of ANGRY_CUSTOMER) await learner.decide(choice);
  await learner.next();
  await learner.seesPage('Check your knowledge');
  await check('quiz');
  await takeQuiz(learner, course, false);
  await check('quiz-graded');
  await course.getByRole('button', { name: 'Try again' }).click();
  await takeQuiz(learner, course, true);
  await learner.next();
  await learner.seesPage('Acknowledgement');
  await check('attestation');
  await learner.attest(STATEMENT);
  await learner.next();
  await learner.seesPage('Your results');
  await check('results');
}

describe('accessibility and layout', () => {
  it('has no WCAG 2.1 A/AA violations on any page type (axe-core)', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: { learner_name: 'Doe, Jane' } });
    const found: string[] = [];
    await walkThrough(new Learner(run.course), run.page, async (name) => {
      for (const violation of await axeViolations(courseFrame(run.page))) found.push(`${name}: ${violation}`);
    });
    expect(found).toEqual([]);
  });

  it('has no WCAG 2.1 A/AA violations on the question types the sample course does not use', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: questionTypes.scorm2004 });
    const learner = new Learner(run.course);
    const found: string[] = [];
    const check = async (name: string) => {
      for (const violation of await axeViolations(courseFrame(run.page))) found.push(`${name}: ${violation}`);
    };
    await learner.seesPage('Where each message goes');
    await learner.next();
    await learner.seesPage('Every question type');
    await check('matching, ordering, numeric, likert');
    await answerAll(learner, false);
    await learner.submitQuiz();
    await check('graded, with feedback');
    expect(found).toEqual([]);
  });

  it.each([
    [320, 640],
    [1280, 900],
  ])('at %i px wide nothing scrolls sideways; screenshots of each page type go to build/screenshots', async (width, height) => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: { learner_name: 'Doe, Jane' } });
    // The course frame takes the whole viewport, as in an LMS mobile app.
    await run.page.setViewportSize({ width, height });
    await run.page.evaluate(([w, h]) => Object.assign(document.getElementById('course')!.style, { width: `${w}px`, height: `${h}px`, position: 'fixed', inset: '0' }), [width, height]);
    const folder = join(SHOTS, `${width}px`);
    mkdirSync(folder, { recursive: true });
    const problems: string[] = [];
    await walkThrough(new Learner(run.course), run.page, async (name) => {
      const frame = courseFrame(run.page);
      await settled(frame);
      for (const problem of await layoutProblems(frame)) problems.push(`${name}: ${problem}`);
      await expect(run.course.getByRole('navigation', { name: 'Course navigation' }).isVisible()).resolves.toBe(true);
      await run.page.screenshot({ path: join(folder, `${name}.png`) });
    });
    expect(problems).toEqual([]);
  });
});

describe('keyboard only', () => {
  it('the skip link comes first, Next moves focus to the new heading, and the whole course can be passed', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004 });
    const { page } = run;
    await new Learner(run.course).seesPage('Social Media at Work');
    const frame = courseFrame(page);
    await frame.focus('body');
    await page.keyboard.press('Tab');
    await expect(frame.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(frame.evaluate(() => document.activeElement?.id)).resolves.toBe('main');

    const press = async (name: RegExp, key = 'Enter') => {
      await tabTo(frame, page, name);
      await page.keyboard.press(key);
    };
    const heading = () => frame.evaluate(() => document.activeElement?.tagName + ' ' + document.activeElement?.textContent);
    // The cover's Start leads to the first page, with focus on its heading.
    await press(/^Start$/);
    await expect(heading()).resolves.toBe('H1 Welcome');
    await press(/^Next$/);
    await expect(heading()).resolves.toBe('H1 Social media is here to stay');
    for (let i = 0; i < 4; i++) await press(/^Next$/);
    await expect(heading()).resolves.toBe('H1 Scenario: the launch post');
    for (const path of [LAUNCH_POST, ANGRY_CUSTOMER]) {
      for (const choice of path) {
        await press(new RegExp(`^${choice.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        // Focus moves to Continue after a decision: Enter reads on.
        await expect(frame.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Continue');
        await page.keyboard.press('Enter');
      }
      await press(/^Next$/);
    }
    await expect(heading()).resolves.toBe('H1 Check your knowledge');
    await answerQuizByKeyboard(frame, page);
    await press(/^Submit answers$/);
    await frame.waitForSelector('text=You answered 8 of 8 questions correctly.');
    await press(/^Next$/);
    await press(/^I have read the Social Media Policy/, ' ');
    await press(/^Confirm$/);
    await press(/^Next$/);
    await expect(heading()).resolves.toBe('H1 Your results');
    await press(/^Finish course$/);
    const stored = await eventually(run.stored, (cmi) => cmi.success_status === 'passed');
    expect(stored).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
  });
});
