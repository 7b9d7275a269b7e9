// The sample course, taken as learners take it: found by role and name, scored by the LMS.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { Harness, relaunchCmi, type Cmi } from './harness';
import { Learner } from './learner';
import type { Standard } from './lms-page';

const COURSE = join(__dirname, '../../courses/social-media-policy');
const STATEMENT = 'I have read the Social Media Policy, I understand it, and I will follow it';
const CONTENT = ['Welcome', 'Social media is here to stay', 'Our customers are already talking', 'Everyone is human', 'It is the new normal'];
const LAUNCH_POST = [
  'Ask the communications team what may be shared and when',
  'Share the official announcement, say you work here and that the views are your own',
  'Thank them for the interest and link to the public product page',
];
const ANGRY_CUSTOMER = [
  'Send a link to the post to the customer support team through the official channel',
  'Pass the message to support through the case system and tell the customer support will contact them',
  'Like the post and leave any reply to the support team',
];

type Answer = { pick: string[]; wrong: string[] } | { type: string; wrong: string };
/** The whole pool, by prompt: the quiz draws 8 of these 12 in random order. */
const POOL: Record<string, Answer> = {
  'If the company keeps off social media': { pick: ['False'], wrong: ['True'] },
  'A risk has to be acknowledged': { pick: ['True'], wrong: ['False'] },
  'What is the main goal of our social media policy?': { pick: ['To let employees speak about the company within clear boundaries'], wrong: [] },
  'You want to post about a product that has not been announced yet': { pick: ['Ask the communications team what may be shared and when'], wrong: [] },
  'A customer complains about the company in a public post': { pick: ['Pass it to customer support through the official channel'], wrong: [] },
  'Which teams should Ethics & Compliance work with': { pick: ['Human Resources', 'Marketing'], wrong: ['Marketing'] },
  'Which of these must never be posted without approval?': { pick: ['Launch dates of unannounced products', 'Details of a customer’s order' /* typographer quotes */, 'Internal sales figures'], wrong: ['Internal sales figures'] },
  'What makes a post about the company compliant': { pick: ['It says that you work for the company', 'It makes clear that the views are your own', 'It is respectful to customers, colleagues and competitors'], wrong: ['It says that you work for the company'] },
  'it is best to delete it quietly and tell nobody': { pick: ['False'], wrong: ['True'] },
  'A clear policy with practical training works better': { pick: ['True'], wrong: ['False'] },
  'Name the professional social network': { type: 'linkedin', wrong: 'Myspace' },
  'complaints posted by customers should be passed to customer': { type: 'Support', wrong: 'nobody' },
};

const harness = new Harness();
let urls: Record<Standard, string>;
beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(COURSE, ['scorm12', 'scorm2004']);
});
afterAll(() => harness.stop());

async function readContent(learner: Learner, course: Launched['course']): Promise<void> {
  for (const title of CONTENT) {
    await learner.seesPage(title);
    if (title === 'Our customers are already talking') await course.getByRole('img', { name: /customers, partners, suppliers/ }).waitFor();
    await learner.next();
  }
}
type Launched = Awaited<ReturnType<Harness['launch']>>;

async function scenario(learner: Learner, title: string, path: string[]): Promise<void> {
  await learner.seesPage(title);
  for (const choice of path) await learner.decide(choice);
  await learner.next();
}

/** Answers the 8 drawn questions; the ones not drawn are not on the page. */
async function takeQuiz(learner: Learner, course: Launched['course'], right: boolean): Promise<number> {
  await learner.seesPage('Check your knowledge');
  let asked = 0;
  for (const [prompt, answer] of Object.entries(POOL)) {
    if ((await course.getByRole('group', { name: prompt }).count()) === 0) continue;
    asked++;
    if ('type' in answer) await learner.type(prompt, right ? answer.type : answer.wrong);
    else {
      const options = right ? answer.pick : answer.wrong.length ? answer.wrong : [await firstWrongChoice(course, prompt, answer.pick)];
      await learner.pick(prompt, ...options);
    }
  }
  await learner.submitQuiz();
  return asked;
}

async function firstWrongChoice(course: Launched['course'], prompt: string, right: string[]): Promise<string> {
  const names = await course.getByRole('group', { name: prompt }).getByRole('radio').evaluateAll((inputs) => inputs.map((i) => i.closest('label')?.textContent?.trim() ?? ''));
  return names.find((name) => !right.includes(name)) ?? '';
}

const interactionIds = (cmi: Cmi) => Object.values<Cmi>(cmi.interactions ?? {}).map((i) => i.id as string);

describe('Social Media at Work', () => {
  it('SCORM 2004: a learner who does everything right passes with 100 of 100 points', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: { learner_name: 'Doe, Jane', learner_id: 'jdoe' } });
    const learner = new Learner(run.course);
    await readContent(learner, run.course);
    await learner.seesPage('Scenario: the launch post');
    for (const choice of LAUNCH_POST) await learner.decide(choice);
    // The debrief retells each decision and what it meant; the learner plays it once more.
    const debrief = await run.course.getByRole('heading', { name: 'Your decisions' }).locator('xpath=..').getByRole('listitem').allInnerTexts();
    expect(debrief).toHaveLength(3);
    expect(debrief[0]).toMatch(new RegExp(`^You chose: ${LAUNCH_POST[0]}\\s+\\S`));
    await run.course.getByRole('button', { name: 'Try the scenario again' }).click();
    await scenario(learner, 'Scenario: the launch post', LAUNCH_POST);
    await scenario(learner, 'Scenario: the angry customer', ANGRY_CUSTOMER);
    expect(await takeQuiz(learner, run.course, true)).toBe(8);
    await run.course.getByText('You answered 8 of 8 questions correctly.').waitFor();
    await learner.next();
    await learner.attest(STATEMENT);
    await learner.next();
    await learner.seesPage('Your results');
    await learner.finish();
    const cmi = await run.stored();
    expect(cmi).toMatchObject({ completion_status: 'completed', success_status: 'passed', score: { raw: '100', min: '0', max: '100', scaled: '1' }, exit: 'normal' });
    const ids = interactionIds(cmi);
    // Both runs through the launch post are in the record; the second one counts.
    expect(ids).toHaveLength(3 + 3 + 3 + 8 + 1);
    expect(ids.slice(0, 9).every((id) => /^(launch-post|angry-customer)\./.test(id))).toBe(true);
    expect(ids.slice(9, 17).every((id) => id.startsWith('knowledge-check.'))).toBe(true);
    expect(ids[17]).toBe('acknowledge');
    expect(Object.values<Cmi>(cmi.interactions).every((i) => i.result === 'correct' || i.result === 'neutral')).toBe(true);
  });

  it('SCORM 1.2: fails the quiz, closes the window, resumes, retries with a new draw and passes', async () => {
    const learnerCmi = { core: { student_name: 'Doe, Jane', student_id: 'jdoe' } };
    const first = await harness.launch({ standard: 'scorm12', courseUrl: urls.scorm12, cmi: learnerCmi });
    let learner = new Learner(first.course);
    await readContent(learner, first.course);
    await scenario(learner, 'Scenario: the launch post', LAUNCH_POST);
    await scenario(learner, 'Scenario: the angry customer', ANGRY_CUSTOMER);
    await takeQuiz(learner, first.course, false);
    await first.course.getByText('Attempts left: 1.').waitFor();
    await first.closeCourse();
    const stored = await first.stored();
    expect(stored.core).toMatchObject({ lesson_location: 'knowledge-check', lesson_status: 'incomplete', exit: 'suspend', score: { raw: '60' } });
    expect(stored.suspend_data.length).toBeLessThan(4096);

    const second = await harness.launch({ standard: 'scorm12', courseUrl: urls.scorm12, cmi: relaunchCmi('scorm12', stored, learnerCmi) });
    learner = new Learner(second.course);
    await learner.seesPage('Check your knowledge');
    await second.course.getByRole('button', { name: 'Try again' }).click();
    expect(await takeQuiz(learner, second.course, true)).toBe(8);
    await learner.next();
    await learner.attest(STATEMENT);
    await learner.next();
    await learner.finish();
    const cmi = await second.stored();
    expect(cmi.core).toMatchObject({ lesson_status: 'passed', score: { raw: '100', min: '0', max: '100' }, exit: '' });
    expect(interactionIds(cmi).filter((id) => id.startsWith('knowledge-check.'))).toHaveLength(8);
  });
});
