// Every question type, answered in chromium, recorded by scorm-again: the exact interaction
// records of both SCORM versions; then a failed attempt, remediation, relaunch and retry.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, Harness, relaunchCmi, type Cmi } from './harness';
import { Learner } from './learner';
import { answerAll, P, QUESTION_TYPES_COURSE as COURSE } from './flows';
import type { Standard } from './lms-page';

const harness = new Harness();
let urls: Record<Standard, string>;
beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(COURSE, ['scorm12', 'scorm2004']);
});
afterAll(() => harness.stop());

function records(standard: Standard, cmi: Cmi) {
  return Object.values<Cmi>(cmi.interactions ?? {}).map((i) => [
    i.id,
    i.type,
    standard === 'scorm12' ? i.student_response : i.learner_response,
    Object.values<Cmi>(i.correct_responses ?? {}).map((c) => c.pattern),
    i.result,
  ]);
}

const expected: Record<Standard, unknown[]> = {
  scorm2004: [
    ['quiz.single', 'choice', 'comms', ['comms'], 'correct'],
    ['quiz.multiple', 'choice', 'dates[,]figures', ['dates[,]figures'], 'correct'],
    ['quiz.truefalse', 'true-false', 'true', ['true'], 'correct'],
    ['quiz.fillin', 'fill-in', 'Support', ['support', 'service'], 'correct'],
    ['quiz.match', 'matching', 'a[.]1[,]b[.]2[,]c[.]3', ['a[.]1[,]b[.]2[,]c[.]3'], 'correct'],
    ['quiz.order', 'sequencing', 'a[,]b[,]c', ['a[,]b[,]c'], 'correct'],
    ['quiz.number', 'numeric', '2.3', ['1.5[:]2.5'], 'correct'],
    ['quiz.survey', 'likert', '4', [], 'neutral'],
  ],
  // SCORM 1.2 choices are single characters: their position in the course (comms is the first).
  scorm12: [
    ['quiz.single', 'choice', 'a', ['a'], 'correct'],
    ['quiz.multiple', 'choice', 'a,b', ['a,b'], 'correct'],
    ['quiz.truefalse', 'true-false', 't', ['t'], 'correct'],
    ['quiz.fillin', 'fill-in', 'Support', ['support', 'service'], 'correct'],
    ['quiz.match', 'matching', 'a.1,b.2,c.3', ['a.1,b.2,c.3'], 'correct'],
    ['quiz.order', 'sequencing', 'a,b,c', ['a,b,c'], 'correct'],
    ['quiz.number', 'numeric', '2.3', ['2'], 'correct'],
    ['quiz.survey', 'likert', '4', [], 'neutral'],
  ],
};

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
  const seconds = Object.fromEntries(
    Object.values<Cmi>((await run.stored()).interactions).map((i) => [i.id, Number(/^PT(?:(\d+)M)?([\d.]+)S$/.exec(i.latency)?.slice(1).reduce((m, s) => Number(m ?? 0) * 60 + Number(s), 0))]),
  );
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
  await first.course.getByText('You answered 0 of 7 questions correctly. Attempts left: 1.').waitFor();
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
