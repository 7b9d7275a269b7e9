// The learner's answers to the every-question-type fixture, shared by the SCORM and xAPI tests.
import { join } from 'node:path';
import type { Cmi } from './harness';
import type { Learner } from './learner';
import type { Standard } from './lms-page';

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

/** How to answer each question, in the fixture's order, right or wrong (the survey is the same either way). */
export const ANSWERS: Array<(learner: Learner, right: boolean) => Promise<void>> = [
  (learner, right) => learner.pick(P.single, right ? 'Communications' : 'Anyone who is asked'),
  (learner, right) => learner.pick(P.multiple, ...(right ? ['Launch dates', 'Sales figures'] : ['Our public address'])),
  (learner, right) => learner.pick(P.truefalse, right ? 'True' : 'False'),
  (learner, right) => learner.type(P.fillin, right ? 'Support ' : 'nobody'),
  async (learner, right) => {
    await learner.match(P.match, 'A complaint', right ? 'Support' : 'Communications');
    await learner.match(P.match, 'A press question', right ? 'Communications' : 'Support');
    await learner.match(P.match, 'A job application', 'Human Resources');
  },
  (learner, right) => learner.order(P.order, right ? STEPS : [...STEPS].reverse()),
  (learner, right) => learner.type(P.number, right ? '2,3' : '5'),
  (learner) => learner.pick(P.survey, 'Agree'),
];

/** Answers every question, all right or all wrong. */
export async function answerAll(learner: Learner, right: boolean): Promise<void> {
  for (const answer of ANSWERS) await answer(learner, right);
}

/** Each interaction the LMS stored: id, type, response, correct patterns, result. */
export function records(standard: Standard, cmi: Cmi) {
  return Object.values<Cmi>(cmi.interactions ?? {}).map((i) => [
    i.id,
    i.type,
    standard === 'scorm12' ? i.student_response : i.learner_response,
    Object.values<Cmi>(i.correct_responses ?? {}).map((c) => c.pattern),
    i.result,
  ]);
}

/** The records of the fixture answered all right, in both SCORM versions. */
export const expected: Record<Standard, unknown[]> = {
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

/** Each stored interaction's latency in seconds, by id (SCORM 2004 "PT1M2.5S"). */
export function latencySeconds(cmi: Cmi): Record<string, number> {
  const seconds = (latency: string) => Number(/^PT(?:(\d+)M)?([\d.]+)S$/.exec(latency)?.slice(1).reduce((m, s) => Number(m ?? 0) * 60 + Number(s), 0));
  return Object.fromEntries(Object.values<Cmi>(cmi.interactions ?? {}).map((i) => [i.id, seconds(i.latency)]));
}

/** The basic course from its first page to its quiz, by the scenario's best path (24 of 24 points). */
export async function toQuiz(learner: Learner): Promise<void> {
  await learner.seesPage('Welcome');
  await learner.next();
  await learner.decide('Refer them to support');
  await learner.decide('Move the talk to a private channel');
  await learner.next();
  await learner.seesPage('Check your knowledge');
}
