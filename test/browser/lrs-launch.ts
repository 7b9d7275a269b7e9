// Launch links and learner flows for the xAPI and cmi5 tests against the test LRS.
import { afterAll, beforeAll, beforeEach, expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { answerAll, QUESTION_TYPES_COURSE } from './flows';
import { Harness } from './harness';
import { Learner } from './learner';
import { type Json, TestLrs } from './test-lrs';

export const ACTOR = { objectType: 'Agent', name: 'Jane Doe', account: { homePage: 'https://lms.example.com', name: 'jdoe' } };
export const COURSE_IRI = 'https://lms.example.com/activities/question-types';
export const AU = 'https://lms.example.com/au/question-types-1';
export const PUBLISHER = 'urn:coursepack:course:question-types/au';
export const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const RESUME_STATE = 'https://w3id.org/coursepack/state/resume';
const QUESTIONS = ['single', 'multiple', 'truefalse', 'fillin', 'match', 'order', 'number', 'survey'];

export function xapiLaunch(lrs: TestLrs, courseUrl: string, registration: string): string {
  const query = new URLSearchParams({ endpoint: lrs.endpoint, auth: 'Basic dGVzdDp0ZXN0', actor: JSON.stringify(ACTOR), registration, activity_id: COURSE_IRI });
  return `${courseUrl}?${query.toString()}`;
}

/**
 * A test file's browser, LRS and the every-question-type course built for xAPI and cmi5: started
 * before its tests, stopped after them, the LRS back to calm and empty before each test.
 */
export function lrsTestBed(): { harness: Harness; lrs: TestLrs; urls: Record<'xapi' | 'cmi5', string> } {
  const bed = { harness: new Harness(), lrs: new TestLrs(), urls: {} as Record<'xapi' | 'cmi5', string> };
  beforeAll(async () => {
    await bed.harness.start();
    await bed.lrs.start();
    bed.urls = await bed.harness.buildAndServe(QUESTION_TYPES_COURSE, ['xapi', 'cmi5']);
  });
  afterAll(async () => {
    await bed.harness.stop();
    await bed.lrs.stop();
  });
  beforeEach(() => bed.lrs.reset());
  return bed;
}

let launches = 0;

/** A cmi5 launch as an LMS makes it: launch data in the State API, a one-time fetch URL, a new session. */
export function cmi5Launch(lrs: TestLrs, courseUrl: string, launchData: Json, registration: string = randomUUID()): { url: string; registration: string; sessionId: string } {
  const sessionId = randomUUID();
  lrs.setState({ activityId: AU, agent: ACTOR, registration, stateId: 'LMS.LaunchData' }, {
    contextTemplate: { contextActivities: { grouping: [{ id: PUBLISHER }] }, extensions: { [SESSION]: sessionId } },
    launchMethod: 'AnyWindow',
    moveOn: 'CompletedAndPassed',
    returnURL: `${lrs.origin}/return`,
    ...launchData,
  });
  const name = `launch-${++launches}`;
  const query = new URLSearchParams({ endpoint: lrs.endpoint, fetch: lrs.fetchUrl(name, { registration, id: sessionId }), actor: JSON.stringify(ACTOR), registration, activityId: AU });
  return { url: `${courseUrl}?${query.toString()}`, registration, sessionId };
}

/** The statement stream of a learner who answers everything right, as verb + object id. */
export function fullRun(iri: string): string[] {
  return [
    `initialized ${iri}`,
    `experienced ${iri}/channels`,
    `experienced ${iri}/quiz`,
    ...QUESTIONS.map((q) => `answered ${iri}/quiz/${q}`),
    `experienced ${iri}/results`,
    `completed ${iri}`,
    `passed ${iri}`,
    `terminated ${iri}`,
  ];
}

/** Reads the first page, answers the quiz right, goes to the results; Finish unless told not to. */
export async function takeCourse(page: Page, options: { finish?: boolean } = {}): Promise<void> {
  const learner = new Learner(page);
  await learner.seesPage('Where each message goes');
  await learner.next();
  await answerAll(learner, true);
  await learner.submitQuiz();
  await learner.next();
  await learner.seesPage('Your results');
  if (options.finish !== false) await page.getByRole('button', { name: 'Finish course' }).click();
}

/** Every statement valid and stored once; those `ordered` picks (all by default) arrived in timestamp order. */
export function expectValidOnce(lrs: TestLrs, ordered: (statement: Json) => boolean = () => true): void {
  expect(lrs.statements.flatMap((s) => s.problems)).toEqual([]);
  const ids = lrs.statements.map((s) => s.statement.id);
  expect(new Set(ids).size).toBe(ids.length);
  const times = lrs.statements.filter((s) => ordered(s.statement)).map((s) => Date.parse(s.statement.timestamp));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
}

/** How many statements of each verb a registration has. */
export function verbCounts(lrs: TestLrs, registration: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of lrs.sequence(registration)) {
    const verb = entry.split(' ')[0] ?? '';
    counts[verb] = (counts[verb] ?? 0) + 1;
  }
  return counts;
}

/** The resume document the LRS holds for a launch. */
export function resumeState(lrs: TestLrs, activityId: string, registration: string): { location?: string; suspendData?: string } | undefined {
  return lrs.getState({ activityId, agent: ACTOR, registration, stateId: RESUME_STATE }) as { location?: string } | undefined;
}
