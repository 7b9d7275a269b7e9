// The fixture course with every page type, built by the CLI and taken in chromium inside an
// LMS frame played by scorm-again; every assertion reads what the LMS stored.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { axeViolations, courseFrame } from './axe';
import { eventually, Harness, relaunchCmi, type Cmi } from './harness';
import { Learner } from './learner';
import type { Standard } from './lms-page';

const COURSE = join(__dirname, '../fixtures/valid/basic');
const STATEMENT = 'I have read the policy and will follow it.';
const harness = new Harness();
let urls: Record<Standard, string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(COURSE, ['scorm12', 'scorm2004']);
});
afterAll(() => harness.stop());

const learnerCmi: Record<Standard, Cmi> = {
  scorm12: { core: { student_name: 'Doe, Jane', student_id: 'jdoe' } },
  scorm2004: { learner_name: 'Doe, Jane', learner_id: 'jdoe' },
};

/** Interactions as stored, in order, with the fields both standards share under one name. */
function interactions(standard: Standard, cmi: Cmi) {
  return Object.values<Cmi>(cmi.interactions ?? {}).map((i) => ({
    id: i.id,
    type: i.type,
    response: standard === 'scorm12' ? i.student_response : i.learner_response,
    correct: Object.values<Cmi>(i.correct_responses ?? {}).map((c) => c.pattern),
    result: i.result,
  }));
}

async function answerQuiz(learner: Learner, right: boolean): Promise<void> {
  await learner.seesPage('Check your knowledge');
  await learner.pick('Banning social media removes the risk.', right ? 'False' : 'True');
  await learner.pick('What is the best approach?', right ? 'Clear policy and training' : 'Ban it');
  if (right) await learner.pick('Who should help write the policy?', 'HR', 'Marketing');
  else await learner.pick('Who should help write the policy?', 'Nobody');
  await learner.type('Which professional network is mentioned most?', right ? '  linkedin ' : 'Facebook');
  await learner.submitQuiz();
}

/** From the quiz to the results: answers, attests, reaches the results page. */
async function toResults(learner: Learner, right: boolean): Promise<void> {
  await answerQuiz(learner, right);
  await learner.next();
  await learner.attest(STATEMENT);
  await learner.next();
  await learner.seesPage('Results');
}

/** From the quiz to the end: answers, attests, reaches the results and presses Finish. */
async function finishFromQuiz(learner: Learner, right: boolean): Promise<void> {
  await toResults(learner, right);
  await learner.finish();
}

describe.each<Standard>(['scorm12', 'scorm2004'])('%s package', (standard) => {
  it('a learner who does well passes; the LMS stores score, status and every answer', async () => {
    const run = await harness.launch({ standard, courseUrl: urls[standard], cmi: learnerCmi[standard] });
    const learner = new Learner(run.course);
    await learner.seesPage('Welcome');
    await learner.next();
    await learner.seesPage('A dilemma');
    await learner.decide('Refer them to support');
    await learner.decide('Move the talk to a private channel');
    await learner.next();
    await finishFromQuiz(learner, true);
    const cmi = await run.stored();
    const v = standard === 'scorm12' ? '1.2' : '2004';
    // 1.2 names a choice by its position in the course (single characters); 2004 by its id.
    const choice = (id: string, position: string) => (v === '1.2' ? position : id);
    const sep = v === '1.2' ? ',' : '[,]';
    expect(interactions(standard, cmi)).toEqual([
      { id: 'dilemma.first', type: 'choice', response: choice('refer', 'b'), correct: [choice('refer', 'b')], result: 'correct' },
      { id: 'dilemma.second', type: 'choice', response: choice('private', 'b'), correct: [choice('private', 'b')], result: 'correct' },
      { id: 'check.ban-works', type: 'true-false', response: v === '1.2' ? 'f' : 'false', correct: [v === '1.2' ? 'f' : 'false'], result: 'correct' },
      { id: 'check.best-approach', type: 'choice', response: choice('train', 'b'), correct: [choice('train', 'b')], result: 'correct' },
      { id: 'check.who-writes', type: 'choice', response: `${choice('hr', 'a')}${sep}${choice('marketing', 'b')}`, correct: [`${choice('hr', 'a')}${sep}${choice('marketing', 'b')}`], result: 'correct' },
      { id: 'check.network', type: 'fill-in', response: 'linkedin', correct: ['LinkedIn', 'linked in'], result: 'correct' },
      { id: 'acknowledge', type: 'true-false', response: v === '1.2' ? 't' : 'true', correct: [v === '1.2' ? 't' : 'true'], result: 'neutral' },
    ]);
    if (standard === 'scorm12') {
      expect(cmi.core).toMatchObject({ lesson_status: 'passed', score: { raw: '100', min: '0', max: '100' }, exit: '' });
    } else {
      expect(cmi).toMatchObject({ completion_status: 'completed', success_status: 'passed', score: { raw: '24', min: '0', max: '24', scaled: '1' }, progress_measure: '1', exit: 'normal' });
      expect(cmi.session_time).toMatch(/^PT/);
    }
    expect(await run.terminated()).toBe(1);
  });

  it('a learner who does badly fails, with the wrong answers recorded as such', async () => {
    const run = await harness.launch({ standard, courseUrl: urls[standard], cmi: learnerCmi[standard] });
    const learner = new Learner(run.course);
    await learner.next();
    await learner.decide('Argue back');
    await learner.next();
    await finishFromQuiz(learner, false);
    const cmi = await run.stored();
    const results = interactions(standard, cmi).map((i) => `${i.id}:${i.result}`);
    const wrong = standard === 'scorm12' ? 'wrong' : 'incorrect';
    expect(results).toEqual([`dilemma.first:${wrong}`, ...['ban-works', 'best-approach', 'who-writes', 'network'].map((q) => `check.${q}:${wrong}`), 'acknowledge:neutral']);
    if (standard === 'scorm12') expect(cmi.core).toMatchObject({ lesson_status: 'failed', score: { raw: '0', min: '0', max: '100' } });
    else expect(cmi).toMatchObject({ completion_status: 'incomplete', success_status: 'failed', score: { raw: '0', max: '24', scaled: '0' } });
  });

  it('a learner who closes the window mid-course, below the mastery score so far, comes back to an open attempt at the bookmark with their answers, and passes', async () => {
    const first = await harness.launch({ standard, courseUrl: urls[standard], cmi: learnerCmi[standard] });
    let learner = new Learner(first.course);
    await learner.next();
    await learner.decide('Refer them to support');
    await first.closeCourse();
    const stored = await first.stored();
    // 10 of 24 points so far is below the mastery score (70): the LMS, which derives the status
    // from score and mastery score, must get no score it could read as a failed attempt.
    if (standard === 'scorm12') expect(stored.core).toMatchObject({ lesson_location: 'dilemma', lesson_status: 'incomplete', exit: 'suspend', score: { raw: '' } });
    else expect(stored).toMatchObject({ location: 'dilemma', completion_status: 'incomplete', success_status: 'unknown', exit: 'suspend', score: { raw: '', scaled: '' } });
    expect(stored.suspend_data).not.toBe('');

    const relaunch = relaunchCmi(standard, stored, learnerCmi[standard]);
    expect(standard === 'scorm12' ? relaunch.core.lesson_mode : relaunch.mode).toBeUndefined();
    const second = await harness.launch({ standard, courseUrl: urls[standard], cmi: relaunch });
    learner = new Learner(second.course);
    await learner.seesPage('A dilemma');
    await expect(second.course.locator('#cp-notice').isHidden()).resolves.toBe(true);
    // The first decision is kept: the learner is at the second scene, not the first.
    await learner.decide('Move the talk to a private channel');
    await learner.next();
    await finishFromQuiz(learner, true);
    const cmi = await second.stored();
    expect(interactions(standard, cmi).map((i) => i.id)).toEqual(['dilemma.second', 'check.ban-works', 'check.best-approach', 'check.who-writes', 'check.network', 'acknowledge']);
    if (standard === 'scorm12') expect(cmi.core).toMatchObject({ lesson_status: 'passed', score: { raw: '100' } });
    else expect(cmi).toMatchObject({ success_status: 'passed', completion_status: 'completed', score: { raw: '24', max: '24' } });
  });

  it('an LMS that opens an unfinished attempt for review: the learner is told, in an alert, that nothing counts and what to do', async () => {
    const first = await harness.launch({ standard, courseUrl: urls[standard], cmi: learnerCmi[standard] });
    await new Learner(first.course).next();
    await new Learner(first.course).decide('Refer them to support');
    await first.closeCourse();
    const cmi = relaunchCmi(standard, await first.stored(), learnerCmi[standard]);
    // What Moodle does with an attempt it marked failed, or any LMS whose learner picks Review.
    const review = standard === 'scorm12' ? { ...cmi, core: { ...cmi.core, lesson_mode: 'review' } } : { ...cmi, mode: 'review' };
    const second = await harness.launch({ standard, courseUrl: urls[standard], cmi: review });
    await new Learner(second.course).seesPage('A dilemma');
    const alert = second.course.getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/for review only, but you have not finished it: nothing you do now is recorded\. To finish the course, close this window and start a new attempt/);
    expect(await axeViolations(courseFrame(second.page, standard))).toEqual([]);
    await second.closeCourse();
    const writes = (await second.calls()).filter((c) => /SetValue$/.test(c.method) && !/exit|session_time/.test(c.args[0] ?? ''));
    expect(writes).toEqual([]);
  });

  it('an LMS that answers "true" and stores nothing: the learner resumes from the copy in the browser, which goes to the LMS again', async () => {
    const first = await harness.launch({ standard, courseUrl: urls[standard], cmi: learnerCmi[standard] });
    let learner = new Learner(first.course);
    await learner.next();
    await learner.decide('Refer them to support');
    const location = (cmi: Cmi) => (standard === 'scorm12' ? cmi.core?.lesson_location : cmi.location);
    await eventually(() => first.stored(), (cmi) => location(cmi) === 'dilemma');
    await first.page.evaluate(() => ((window as any).lms.dropping = true));
    await learner.decide('Move the talk to a private channel');
    await learner.next();
    await learner.seesPage('Check your knowledge');
    await first.closeCourse();
    const stored = await first.stored();
    expect(location(stored)).toBe('dilemma');

    const second = await harness.launch({ standard, courseUrl: urls[standard], cmi: relaunchCmi(standard, stored, learnerCmi[standard]), context: first.context });
    learner = new Learner(second.course);
    await learner.seesPage('Check your knowledge');
    const restored = await eventually(() => second.stored(), (cmi) => location(cmi) === 'check');
    expect(location(restored)).toBe('check');
    await second.closeCourse();

    // A new attempt (nothing saved, not a resume) starts afresh, whatever this browser remembers.
    const third = await harness.launch({ standard, courseUrl: urls[standard], cmi: learnerCmi[standard], context: first.context });
    await new Learner(third.course).seesPage('Welcome');
    // Another browser has no copy: it resumes where the LMS says.
    const elsewhere = await harness.launch({ standard, courseUrl: urls[standard], cmi: relaunchCmi(standard, stored, learnerCmi[standard]) });
    await new Learner(elsewhere.course).seesPage('A dilemma');
  });
});

describe('an LMS that records nothing', () => {
  const refusals = ['initialize', 'throw', 'set-value'] as const;
  const cases = (['scorm12', 'scorm2004'] as const).flatMap((standard) => refusals.map((refuse) => [standard, refuse] as const));
  const NOT_RECORDING = /not recording your progress: nothing you do in this course counts.*Close this window and launch the course again/;

  it.each(cases)('%s, %s: the learner is told at once, in an alert, and what to do', async (standard, refuse) => {
    const run = await harness.launch({ standard, courseUrl: urls[standard], cmi: learnerCmi[standard], lms: { refuse } });
    const learner = new Learner(run.course);
    await learner.seesPage('Welcome');
    const alert = run.course.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(NOT_RECORDING);
    // The course goes on, and the notice stays.
    await learner.next();
    await learner.decide('Refer them to support');
    expect(await alert.textContent()).toMatch(NOT_RECORDING);
  });

  it('at the end, Finish does not say the results were saved', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: learnerCmi.scorm2004, lms: { refuse: 'set-value' } });
    const learner = new Learner(run.course);
    await learner.next();
    await learner.decide('Refer them to support');
    await learner.decide('Move the talk to a private channel');
    await learner.next();
    await toResults(learner, true);
    await run.course.getByRole('button', { name: 'Finish course' }).click();
    await expect(run.course.getByText('Your results have been saved.').count()).resolves.toBe(0);
    await expect(run.course.getByText(NOT_RECORDING).count()).resolves.toBe(2);
  });
});

describe('launch situations real LMSs create', () => {
  it('finds the API from a popup window through its opener', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: learnerCmi.scorm2004, method: 'popup' });
    const learner = new Learner(run.course);
    await learner.next();
    await learner.decide('Refer them to support');
    await run.closeCourse();
    const stored = await run.stored();
    expect(stored).toMatchObject({ location: 'dilemma', exit: 'suspend' });
    expect(interactions('scorm2004', stored).map((i) => i.id)).toEqual(['dilemma.first']);
  });

  it('runs standalone, and says so, in a frame of another origin where the API is out of reach', async () => {
    const run = await harness.launch({ standard: 'scorm12', courseUrl: harness.otherOrigin(urls.scorm12) });
    const learner = new Learner(run.course);
    await learner.seesPage('Welcome');
    await expect(run.course.getByText('No learning management system was found').count()).resolves.toBe(1);
    await learner.next();
    await learner.seesPage('A dilemma');
    expect(await run.calls()).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });

  it('honours the mastery score the LMS sends over the course\'s own passing score', async () => {
    const cmi = { ...learnerCmi.scorm12, student_data: { mastery_score: '50' } };
    const run = await harness.launch({ standard: 'scorm12', courseUrl: urls.scorm12, cmi });
    const learner = new Learner(run.course);
    await learner.next();
    // 10 of 20 scenario points and a full quiz: 14 of 24 = 58 %: passed against the LMS's 50, failed against the course's 70.
    await learner.decide('Refer them to support');
    await learner.decide('Promise a refund publicly');
    await learner.next();
    await finishFromQuiz(learner, true);
    expect((await run.stored()).core).toMatchObject({ lesson_status: 'passed', score: { raw: '58.33' } });
  });
});
