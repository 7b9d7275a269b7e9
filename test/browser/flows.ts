// The learner's answers to the every-question-type fixture, shared by the SCORM and xAPI tests.
import { join } from 'node:path';
import type { Learner } from './learner';

export const QUESTION_TYPES_COURSE = join(__dirname, '../fixtures/valid/question-types');

export const P = {
  single: 'Who answers press questions?',
  multiple: 'Which of these are confidential?',
  truefalse: 'You may post as yourself.',
  fillin: 'Complaints go to customer',
  match: 'Match each message to its team.',
  order: 'Put the steps for a launch post in order.',
  number: 'How many working days does support have to answer?',
  survey: 'The policy is clear to me.',
};
export const STEPS = ['Ask communications', 'Wait for the announcement', 'Share the official post'];

/** Answers every question, all right or all wrong (the survey is the same either way). */
export async function answerAll(learner: Learner, right: boolean): Promise<void> {
  await learner.pick(P.single, right ? 'Communications' : 'Anyone who is asked');
  await learner.pick(P.multiple, ...(right ? ['Launch dates', 'Sales figures'] : ['Our public address']));
  await learner.pick(P.truefalse, right ? 'True' : 'False');
  await learner.type(P.fillin, right ? 'Support ' : 'nobody');
  await learner.match(P.match, 'A complaint', right ? 'Support' : 'Communications');
  await learner.match(P.match, 'A press question', right ? 'Communications' : 'Support');
  await learner.match(P.match, 'A job application', 'Human Resources');
  await learner.order(P.order, right ? STEPS : [...STEPS].reverse());
  await learner.type(P.number, right ? '2,3' : '5');
  await learner.pick(P.survey, 'Agree');
}
