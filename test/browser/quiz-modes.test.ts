// Quiz pages as the learner meets them (issue 10 item 2): numbered questions, feedback that does
// not say "Correct." twice, the learner's answers readable after grading, no Submit once graded.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { axeViolations, courseFrame } from './axe';
import { answerAll, P, QUESTION_TYPES_COURSE } from './flows';
import { Harness } from './harness';
import { Learner } from './learner';

const harness = new Harness();
let urls: Record<'scorm2004', string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(QUESTION_TYPES_COURSE, ['scorm2004']);
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
