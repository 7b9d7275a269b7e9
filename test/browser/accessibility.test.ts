// WCAG 2.1 AA on the question types the sample course does not use (axe-core in chromium), and
// the whole course by keyboard alone. Every page state of the sample course, at every width and in
// both schemes, is page-states.test.ts's.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { axeViolations, courseFrame } from './axe';
import { answerQuizByKeyboard, tabTo } from './keyboard';
import { answerAll, QUESTION_TYPES_COURSE } from './flows';
import { eventually, Harness } from './harness';
import { Learner } from './learner';
import { ANGRY_CUSTOMER, LAUNCH_POST, SAMPLE_COURSE } from './sample-course';

const harness = new Harness();
let urls: Record<'scorm2004', string>;
let questionTypes: Record<'scorm2004', string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(SAMPLE_COURSE, ['scorm2004']);
  questionTypes = await harness.buildAndServe(QUESTION_TYPES_COURSE, ['scorm2004'], 'question-types/');
});
afterAll(() => harness.stop());

describe('accessibility', () => {
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
