// The sample course as a learner takes it: the best paths, every pool answer, by visible text.
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { Learner } from './learner';

type Course = FrameLocator | Page;

export const SAMPLE_COURSE = join(__dirname, '../../courses/social-media-policy');
export const STATEMENT = 'I have read the Social Media Policy, I understand it, and I will follow it';
export const CONTENT = ['Welcome', 'Social media is here to stay', 'Our customers are already talking', 'Everyone is human', 'It is the new normal'];
export const LAUNCH_POST = [
  'Ask the communications team what may be shared and when',
  'Share the official announcement, say you work here and that the views are your own',
  'Thank them for the interest and link to the public product page',
];
export const ANGRY_CUSTOMER = [
  'Send a link to the post to the customer support team through the official channel',
  'Pass the message to support through the case system and tell the customer support will contact them',
  'Like the post and leave any reply to the support team',
];

export type Answer = { pick: string[]; wrong: string[] } | { type: string; wrong: string };
/** The whole pool, by prompt: the quiz draws 8 of these 12 in random order. */
export const POOL: Record<string, Answer> = {
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

export async function readContent(learner: Learner, course: Course): Promise<void> {
  await learner.begin();
  for (const title of CONTENT) {
    await learner.seesPage(title);
    if (title === 'Our customers are already talking') await course.getByRole('img', { name: /customers, partners, suppliers/ }).waitFor();
    await learner.next();
  }
}

export async function scenario(learner: Learner, title: string, path: string[]): Promise<void> {
  await learner.seesPage(title);
  for (const choice of path) await learner.decide(choice);
  await learner.next();
}

/** Answers the 8 drawn questions; the ones not drawn are not on the page. */
export async function takeQuiz(learner: Learner, course: Course, right: boolean): Promise<number> {
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

async function firstWrongChoice(course: Course, prompt: string, right: string[]): Promise<string> {
  const names = await course.getByRole('group', { name: prompt }).getByRole('radio').evaluateAll((inputs) => inputs.map((i) => i.closest('label')?.textContent?.trim() ?? ''));
  return names.find((name) => !right.includes(name)) ?? '';
}

