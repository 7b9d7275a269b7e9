// The results page tells the truth and the next step (issue 10 item 4): a banner for passed, failed
// with an attempt left, failed and incomplete; "Try again" as the main action while an attempt is
// left; the unmet requirements by name; and Finish never says "saved, you can close" alone for an
// incomplete course. axe-core (WCAG 2.1 A/AA) on each state.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { axeViolations, courseFrame } from './axe';
import { answerAll, QUESTION_TYPES_COURSE } from './flows';
import { courseVariant, eventually, Harness, type Launched } from './harness';
import { Learner } from './learner';

const harness = new Harness();
let urls: Record<'scorm2004', string>;
let free: Record<'scorm2004', string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(QUESTION_TYPES_COURSE, ['scorm2004']);
  // The same course with free navigation: the learner can open the results before the quiz.
  free = await harness.buildAndServe(courseVariant(QUESTION_TYPES_COURSE, 'navigation: linear', 'navigation: free'), ['scorm2004'], 'free/');
});
afterAll(() => harness.stop());

const banner = (run: Launched) => run.course.locator('[data-result="banner"]').innerText();
const button = (run: Launched, name: string) => run.course.getByRole('button', { name, exact: true });
const violations = (run: Launched) => axeViolations(courseFrame(run.page));

async function quizToResults(learner: Learner, right: boolean): Promise<void> {
  await learner.seesPage('Every question type');
  await answerAll(learner, right);
  await learner.submitQuiz();
  await learner.next();
  await learner.seesPage('Your results');
}

it('failed with an attempt left: says so, Try again is the main action and leads to a new attempt; then failed for good', async () => {
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004 });
  const learner = new Learner(run.course);
  await learner.next();
  await quizToResults(learner, false);
  await expect(banner(run)).resolves.toMatch(/^Not passed yet\. You can try the quiz again: you have 1 attempt left\./);
  await expect(run.course.locator('[data-result="unmet"]').innerText()).resolves.toMatch(/Your score is below the passing score of 50%\./);
  await expect(button(run, 'Try again').getAttribute('class')).resolves.toBe('button');
  await expect(button(run, 'Finish course').getAttribute('class')).resolves.toBe('button secondary');
  expect(await violations(run)).toEqual([]);

  await button(run, 'Try again').click();
  await learner.seesPage('Every question type');
  // A new attempt at once: the questions are open again and the first one has focus.
  await expect(run.course.getByRole('button', { name: 'Submit answers' }).isVisible()).resolves.toBe(true);
  await expect(courseFrame(run.page).evaluate(() => Boolean(document.activeElement?.closest('fieldset.question')))).resolves.toBe(true);
  await quizToResults(learner, false);
  await expect(banner(run)).resolves.toMatch(/^Not passed\./);
  await expect(button(run, 'Try again').count()).resolves.toBe(0);
  expect(await violations(run)).toEqual([]);
  await learner.finish();
  await eventually(run.stored, (cmi) => cmi.success_status === 'failed');
});

it('passed: says so, with Finish as the only action', async () => {
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004 });
  const learner = new Learner(run.course);
  await learner.next();
  await quizToResults(learner, true);
  await expect(banner(run)).resolves.toMatch(/^Passed\. You have completed this course\./);
  await expect(run.course.locator('[data-result="unmet"]').isVisible()).resolves.toBe(false);
  await expect(button(run, 'Try again').count()).resolves.toBe(0);
  await expect(button(run, 'Finish course').getAttribute('class')).resolves.toBe('button');
  expect(await violations(run)).toEqual([]);
  await learner.finish();
});

it('incomplete: names the pages not done, and Finish says the course is not complete yet', async () => {
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: free.scorm2004 });
  const learner = new Learner(run.course);
  await learner.seesPage('Where each message goes');
  await learner.next();
  await learner.next();
  await learner.seesPage('Your results');
  await expect(banner(run)).resolves.toMatch(/^The course is not complete yet\./);
  await expect(run.course.locator('[data-result="unmet"]').innerText()).resolves.toMatch(/Pages not done yet: Every question type\./);
  expect(await violations(run)).toEqual([]);
  await button(run, 'Finish course').click();
  const status = run.course.locator('[data-result="finished"]');
  await run.course.getByText('Your progress has been saved, but the course is not complete yet.').waitFor({ timeout: 20000 });
  await expect(status.innerText()).resolves.not.toMatch(/Your results have been saved/);
});

it('standalone (no LMS): asks for the learner’s name for the certificate and keeps it in this browser', async () => {
  const context = await harness.newContext();
  const page = await harness.open(context, urls.scorm2004);
  const learner = new Learner(page);
  await learner.seesPage('Where each message goes');
  await page.getByText('No learning management system was found').waitFor();
  await learner.next();
  await quizToResults(learner, true);
  const certificate = page.getByRole('region', { name: 'Certificate of completion' });
  await expect(certificate.innerText()).resolves.toMatch(/This certifies that\s+the learner\s+has completed/);
  const name = page.getByRole('textbox', { name: 'Your name, as it should appear on the certificate' });
  await name.fill('Jane Doe');
  await name.blur();
  await expect(certificate.innerText()).resolves.toMatch(/This certifies that\s+Jane Doe\s+has completed/);
  expect(await axeViolations(page.mainFrame())).toEqual([]);

  // The next launch in this browser knows the name.
  const again = await harness.open(context, urls.scorm2004);
  await new Learner(again).seesPage('Your results');
  await expect(again.getByRole('textbox', { name: 'Your name, as it should appear on the certificate' }).inputValue()).resolves.toBe('Jane Doe');
  await expect(again.getByRole('region', { name: 'Certificate of completion' }).innerText()).resolves.toMatch(/This certifies that\s+Jane Doe\s+has completed/);
});
