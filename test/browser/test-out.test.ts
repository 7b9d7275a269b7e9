// Test-out (issue 12): a quiz before the pages it covers. Passed, the covered pages are done and
// Next passes over them (Back still opens them), and the course's score is the test-out's;
// failed, the learner goes through them and the test-out's points are left out. Taken once;
// every answer recorded.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { type Cmi, eventually, Harness } from './harness';
import { Learner } from './learner';

const COURSE = join(__dirname, '../fixtures/valid/test-out');
const harness = new Harness();
let url: string;

beforeAll(async () => {
  await harness.start();
  url = (await harness.buildAndServe(COURSE, ['scorm2004'])).scorm2004;
});
afterAll(() => harness.stop());

const ids = (cmi: Cmi) => Object.values<Cmi>(cmi.interactions ?? {}).map((i) => `${i.id}:${i.result}`);

async function takeTestOut(learner: Learner, right: boolean): Promise<void> {
  await learner.seesPage('Welcome');
  await learner.next();
  await learner.seesPage('Test out');
  await learner.pick('The sky is blue.', right ? 'True' : 'False');
  await learner.pick('Grass is green.', right ? 'True' : 'False');
  await learner.submitQuiz();
}

describe('test-out', () => {
  it('passed: the covered pages are done, Next goes past them, Back still opens them; the score is the test-out\'s', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: url, cmi: { learner_name: 'Doe, Jane' } });
    const learner = new Learner(run.course);
    await takeTestOut(learner, true);
    await expect(run.course.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(false);
    await learner.next();
    await learner.seesPage('Your results');
    await expect(run.course.locator('[data-result="score"]').innerText()).resolves.toMatch(/100/);
    // The covered pages can still be opened.
    await run.course.getByRole('button', { name: 'Back', exact: true }).click();
    await learner.seesPage('Lesson check');
    await run.course.getByRole('button', { name: 'Back', exact: true }).click();
    await learner.seesPage('The lesson');
    await expect(run.course.getByRole('button', { name: 'Next', exact: true }).isEnabled()).resolves.toBe(true);
    await run.course.getByRole('button', { name: 'Next', exact: true }).click();
    await learner.seesPage('Your results');
    await run.course.getByRole('button', { name: 'Finish course' }).click();
    const stored = await eventually(run.stored, (cmi) => cmi.completion_status === 'completed');
    expect(stored).toMatchObject({ completion_status: 'completed', success_status: 'passed', score: { raw: '4', max: '4' } });
    expect(ids(stored)).toEqual(['pretest.sky:correct', 'pretest.grass:correct']);
    await run.context.close();
  });

  it('failed: taken once, the learner goes through the covered pages, and the test-out\'s points are left out', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: url, cmi: { learner_name: 'Doe, Jane' } });
    const learner = new Learner(run.course);
    await takeTestOut(learner, false);
    await run.course.getByText('You answered 0 of 2 questions correctly.').waitFor();
    await expect(run.course.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(false);
    await learner.next();
    await learner.seesPage('The lesson');
    await learner.next();
    await learner.seesPage('Lesson check');
    await learner.pick('Snow is white.', 'True');
    await learner.submitQuiz();
    await learner.next();
    await learner.seesPage('Your results');
    await run.course.getByRole('button', { name: 'Finish course' }).click();
    const stored = await eventually(run.stored, (cmi) => cmi.completion_status === 'completed');
    // 1 of 1: the lesson check alone; the failed test-out (0 of 4) does not count.
    expect(stored).toMatchObject({ completion_status: 'completed', success_status: 'passed', score: { raw: '1', max: '1' } });
    expect(ids(stored)).toEqual(['pretest.sky:incorrect', 'pretest.grass:incorrect', 'lesson-check.snow:correct']);
    await run.context.close();
  });
});
