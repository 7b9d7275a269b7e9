// Every question type, answered in chromium, recorded by scorm-again: the exact interaction
// records of both SCORM versions; then a failed attempt, remediation, relaunch and retry.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Frame } from 'playwright-core';
import { courseFrame } from './axe';
import { eventually, Harness, relaunchCmi, type Cmi, type LmsCall } from './harness';
import { Learner } from './learner';
import { answerAll, expected, latencySeconds, P, QUESTION_TYPES_COURSE as COURSE, records } from './flows';
import type { Standard } from './lms-page';

const harness = new Harness();
let urls: Record<Standard, string>;
beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(COURSE, ['scorm12', 'scorm2004']);
});
afterAll(() => harness.stop());

describe.each<Standard>(['scorm2004', 'scorm12'])('%s', (standard) => {
  it('records every question type with its own type and response format', async () => {
    const run = await harness.launch({ standard, courseUrl: urls[standard] });
    const learner = new Learner(run.course);
    await learner.seesPage('Where each message goes');
    await learner.next();
    await answerAll(learner, true);
    await learner.submitQuiz();
    await run.course.getByText('You answered 7 of 7 questions correctly.').waitFor();
    await learner.next();
    await learner.finish();
    const cmi = await run.stored();
    expect(records(standard, cmi)).toEqual(expected[standard]);
    if (standard === 'scorm2004') expect(cmi.score).toMatchObject({ raw: '7', max: '7', scaled: '1' });
    else expect(cmi.core.score).toMatchObject({ raw: '100', max: '100' });
  });
});

/** Times, inside the course, Submit to the first frame drawn with the quiz's feedback. */
async function timeFeedback(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const w = window as any;
    const summary = document.querySelector('.quiz-summary') as HTMLElement;
    document.addEventListener('submit', () => (w.submittedAt = performance.now()), true);
    new MutationObserver(() => requestAnimationFrame(() => (w.feedbackAt ??= performance.now()))).observe(summary, { childList: true, characterData: true, subtree: true });
  });
}

/** Positions of the SetValue calls for one interaction's element (…n.id, …n.type…). */
function position(calls: LmsCall[], element: string): number {
  return calls.findIndex((c) => c.method === 'SetValue' && c.args[0] === element);
}

describe('an LMS whose every call blocks', () => {
  it('300 ms a call: the feedback shows at once after Submit, and the LMS record is whole and in order at the end', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004 });
    const learner = new Learner(run.course);
    await learner.next();
    await answerAll(learner, true);
    const frame = courseFrame(run.page);
    await timeFeedback(frame);
    await run.page.evaluate(() => ((window as any).lms.behaviours.blockMs = 300));
    await run.course.getByRole('button', { name: 'Submit answers' }).click({ timeout: 120_000 });
    const shownAfter = await eventually(() => frame.evaluate(() => (window as any).feedbackAt - (window as any).submittedAt), (ms) => !Number.isNaN(ms), 120_000);
    // About 70 writes of 300 ms each were due: none of them may stand between Submit and the feedback.
    expect(shownAfter).toBeLessThan(500);
    // Moodle stores only what a Commit carries: the writes end with one.
    await eventually(run.stored, (cmi) => records('scorm2004', cmi).length === 8 && records('scorm2004', cmi).every((r) => r[4]), 120_000);
    await learner.next();
    await learner.finish();
    const cmi = await run.stored();
    expect(records('scorm2004', cmi)).toEqual(expected.scorm2004);
    expect(cmi).toMatchObject({ completion_status: 'completed', success_status: 'passed', score: { raw: '7', max: '7' } });
    const calls = await run.calls();
    // SCORM 2004 RTE 4.2.9: id before type before any pattern or response, for every interaction.
    for (let n = 0; n < 8; n++) {
      const [id, type, pattern, response] = ['id', 'type', 'correct_responses.0.pattern', 'learner_response'].map((field) => position(calls, `cmi.interactions.${n}.${field}`));
      expect(id).toBeLessThan(type as number);
      expect(type).toBeLessThan(response as number);
      if (n < 7) expect(type).toBeLessThan(pattern as number);
    }
    // Terminate once, last, after every write and a final commit.
    expect(calls.filter((c) => c.method === 'Terminate')).toHaveLength(1);
    expect(calls.map((c) => c.method).slice(-2)).toEqual(['Commit', 'Terminate']);
  }, 240_000);

  it('50 ms a call: a learner who closes the window right after Submit loses nothing', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004 });
    const learner = new Learner(run.course);
    await learner.next();
    await answerAll(learner, true);
    await run.page.evaluate(() => ((window as any).lms.behaviours.blockMs = 50));
    await learner.submitQuiz();
    await run.course.getByText('You answered 7 of 7 questions correctly.').waitFor();
    await run.closeCourse();
    const cmi = await run.stored();
    expect(records('scorm2004', cmi)).toEqual(expected.scorm2004);
    expect(cmi).toMatchObject({ location: 'quiz', exit: 'suspend' });
    expect(await run.terminated()).toBe(1);
  }, 120_000);
});

it('each answer carries its own latency: from the quiz shown to the last change of that answer', async () => {
  // Playwright's fake clock: minutes pass at once, so the latencies differ by far more than any
  // delay a loaded machine adds.
  const context = await harness.newContext();
  await context.clock.install();
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, context });
  const learner = new Learner(run.course);
  await learner.next();
  await learner.seesPage('Every question type');
  await learner.pick(P.single, 'Communications');
  await context.clock.fastForward('01:00');
  await learner.pick(P.truefalse, 'True');
  // A second thought: the last change counts.
  await learner.pick(P.single, 'Anyone who is asked');
  await context.clock.fastForward('02:00');
  await answerAll(learner, true);
  await context.clock.fastForward('10:00');
  await learner.submitQuiz();
  await run.course.getByText('You answered 7 of 7 questions correctly.').waitFor();
  await learner.next();
  await learner.finish();
  const seconds = latencySeconds(await run.stored());
  // answerAll answers every question again at about 3 minutes; the single choice changed last
  // there too, true-false was already "True" (no change), so it keeps its 1 minute.
  expect(seconds['quiz.truefalse']).toBeGreaterThanOrEqual(60);
  expect(seconds['quiz.truefalse']).toBeLessThan(150);
  for (const id of ['quiz.single', 'quiz.multiple', 'quiz.fillin', 'quiz.match', 'quiz.order', 'quiz.number', 'quiz.survey']) {
    expect(seconds[id]).toBeGreaterThanOrEqual(180);
    // Not the time on the page (13 minutes): the 10 minutes before Submit changed nothing.
    expect(seconds[id]).toBeLessThan(400);
  }
});

it('a failed attempt links back to the teaching page; the retry survives a relaunch and passes', async () => {
  const standard = 'scorm12';
  const first = await harness.launch({ standard, courseUrl: urls[standard] });
  let learner = new Learner(first.course);
  await learner.next();
  await answerAll(learner, false);
  await learner.submitQuiz();
  await first.course.getByText('You answered 0 of 7 questions correctly. You have 1 attempt left.').waitFor();
  // Committed within the throttle interval (2 s), not necessarily at once.
  const committed = await eventually(first.stored, (cmi) => records(standard, cmi).length === 8);
  expect(records(standard, committed).map((r) => r[4])).toEqual([...Array(7).fill('wrong'), 'neutral']);

  await first.course.getByRole('link', { name: 'Review: Where each message goes' }).click();
  await learner.seesPage('Where each message goes');
  await learner.next();
  await first.course.getByRole('button', { name: 'Try again' }).click();
  await learner.pick(P.single, 'Communications');
  await first.closeCourse();
  const stored = await first.stored();
  expect(stored.core).toMatchObject({ lesson_location: 'quiz', lesson_status: 'incomplete', exit: 'suspend' });

  const second = await harness.launch({ standard, courseUrl: urls[standard], cmi: relaunchCmi(standard, stored) });
  learner = new Learner(second.course);
  await learner.seesPage('Every question type');
  // Attempt 2 is in progress: no grading shown, no retry offered.
  await expect(second.course.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0);
  await answerAll(learner, true);
  await learner.submitQuiz();
  await second.course.getByText('You answered 7 of 7 questions correctly.').waitFor();
  await learner.next();
  await learner.finish();
  expect((await second.stored()).core).toMatchObject({ lesson_status: 'passed', score: { raw: '100' } });
});
