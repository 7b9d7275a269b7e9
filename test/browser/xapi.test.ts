// xAPI and cmi5 packages against the test LRS: the exact statement stream, each statement
// valid, exactly once; an LRS that fails or is down loses nothing; cmi5's launch rules.
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { answerAll } from './flows';
import { eventually } from './harness';
import { Learner } from './learner';
import { ACTOR, AU, cmi5Launch as launchCmi5, COURSE_IRI, expectValidOnce as expectLrsValidOnce, fullRun, PUBLISHER, SESSION, lrsTestBed, takeCourse, xapiLaunch as launchXapi } from './lrs-launch';
import type { Json } from './test-lrs';

const bed = lrsTestBed();
const { harness, lrs } = bed;
const xapiLaunch = (registration: string): string => launchXapi(lrs, bed.urls.xapi, registration);
const expectValidOnce = (): void => expectLrsValidOnce(lrs);


describe('xAPI package', () => {
  it('sends initialized, experienced, answered with definitions, completed, passed, terminated', async () => {
    const context = await harness.newContext();
    const registration = randomUUID();
    const page = await harness.open(context, xapiLaunch(registration));
    await takeCourse(page);
    await eventually(async () => lrs.sequence(registration), (s) => s.length === fullRun(COURSE_IRI).length);
    expect(lrs.sequence(registration)).toEqual(fullRun(COURSE_IRI));
    expectValidOnce();
    const byVerb = (verb: string) => lrs.of(registration).filter((s) => s.verb.id.endsWith(verb));
    const match = byVerb('answered').find((s) => s.object.id.endsWith('/match'))!;
    expect(match.object.definition).toMatchObject({
      interactionType: 'matching',
      correctResponsesPattern: ['a[.]1[,]b[.]2[,]c[.]3'],
      source: [{ id: 'a', description: { en: 'A complaint' } }, { id: 'b', description: { en: 'A press question' } }, { id: 'c', description: { en: 'A job application' } }],
    });
    expect(match.result).toMatchObject({ response: 'a[.]1[,]b[.]2[,]c[.]3', success: true });
    expect(match.context.contextActivities).toEqual({ parent: [{ id: `${COURSE_IRI}/quiz` }], grouping: [{ id: COURSE_IRI }] });
    const survey = byVerb('answered').find((s) => s.object.id.endsWith('/survey'))!;
    expect(survey.result.success).toBeUndefined();
    expect(byVerb('passed')[0]!.result).toMatchObject({ success: true, score: { scaled: 1, raw: 7, min: 0, max: 7 } });
    expect(byVerb('passed')[0]!.result.duration).toMatch(/^PT/);
    expect(byVerb('completed')[0]!.object.definition.name).toEqual({ en: 'Every question type' });
    await context.close();
  });

  it('keeps going while the LRS answers 503, tells the learner, and delivers everything once, in order', async () => {
    const context = await harness.newContext();
    const registration = randomUUID();
    const page = await harness.open(context, xapiLaunch(registration));
    const learner = new Learner(page);
    await learner.seesPage('Where each message goes');
    lrs.failing = true;
    await learner.next();
    await answerAll(learner, true);
    await learner.submitQuiz();
    await page.getByText('The connection to the learning management system is lost.').waitFor();
    lrs.failing = false;
    await page.getByText('The connection to the learning management system is back').waitFor({ timeout: 20000 });
    await learner.next();
    await page.getByRole('button', { name: 'Finish course' }).click();
    await eventually(async () => lrs.sequence(registration), (s) => s.length === fullRun(COURSE_IRI).length, 20000);
    expect(lrs.sequence(registration)).toEqual(fullRun(COURSE_IRI));
    expectValidOnce();
    await context.close();
  });

  it('loses nothing to a slow LRS: closed while answers wait, everything arrives once, in order, without a relaunch', async () => {
    const registration = randomUUID();
    const context = await harness.newContext();
    const page = await harness.open(context, xapiLaunch(registration));
    lrs.faults.delayMs = { statements: 1500, state: 1500 };
    await takeCourse(page, { finish: false });
    await page.close({ runBeforeUnload: true });
    const expected = fullRun(COURSE_IRI);
    await eventually(async () => lrs.sequence(registration), (s) => s.length >= expected.length, 10000);
    expect(lrs.sequence(registration)).toEqual(expected);
    expectValidOnce();
    await context.close();
  });

  it('sends on relaunch what the LRS missed when the learner closed the window, and resumes', async () => {
    const registration = randomUUID();
    const context = await harness.newContext();
    const first = await harness.open(context, xapiLaunch(registration));
    const learner = new Learner(first);
    await learner.seesPage('Where each message goes');
    await eventually(async () => lrs.of(registration).length, (n) => n === 2);
    lrs.failing = true;
    await learner.next();
    await learner.seesPage('Every question type');
    await first.close({ runBeforeUnload: true });
    expect(lrs.sequence(registration)).toEqual([`initialized ${COURSE_IRI}`, `experienced ${COURSE_IRI}/channels`]);

    lrs.failing = false;
    const second = await harness.open(context, xapiLaunch(registration));
    await new Learner(second).seesPage('Every question type');
    const expected = [`initialized ${COURSE_IRI}`, `experienced ${COURSE_IRI}/channels`, `experienced ${COURSE_IRI}/quiz`, `terminated ${COURSE_IRI}`, `initialized ${COURSE_IRI}`, `experienced ${COURSE_IRI}/quiz`];
    await eventually(async () => lrs.sequence(registration), (s) => s.length >= expected.length);
    expect(lrs.sequence(registration)).toEqual(expected);
    expectValidOnce();
    // The queued state write goes after the queued statements, so it may land a moment later.
    const resume = () => Promise.resolve(lrs.getState({ activityId: COURSE_IRI, agent: ACTOR, registration, stateId: 'https://w3id.org/coursepack/state/resume' }) as { location?: string } | undefined);
    expect(await eventually(resume, (state) => state?.location === 'quiz')).toMatchObject({ location: 'quiz' });
    await context.close();
  });
});

describe('cmi5 package', () => {
  const cmi5Launch = (_name: string, launchData: Json) => launchCmi5(lrs, bed.urls.cmi5, launchData);

  it('follows cmi5: one fetch, launch data, defined statements with their categories, returnURL on exit', async () => {
    const { url, registration } = cmi5Launch('normal', { launchMode: 'Normal', masteryScore: 0.6 });
    const context = await harness.newContext();
    const page = await harness.open(context, url);
    await takeCourse(page);
    await page.waitForURL(`${lrs.origin}/return`);
    expect(lrs.sequence(registration)).toEqual(fullRun(AU));
    expectValidOnce();
    expect(lrs.fetchCalls).toEqual([expect.stringMatching(/^POST launch-/)]);
    expect(lrs.log).toContainEqual(expect.objectContaining({ method: 'GET', path: '/xapi/agents/profile' }));
    // The AU reads LMS.LaunchData and must never write it.
    expect(lrs.getState({ activityId: AU, agent: ACTOR, registration, stateId: 'LMS.LaunchData' })).toMatchObject({ launchMode: 'Normal', masteryScore: 0.6 });
    for (const statement of lrs.of(registration)) {
      expect(statement.context.registration).toBe(registration);
      expect(statement.context.extensions[SESSION]).toBeDefined();
      expect(statement.context.contextActivities.grouping).toContainEqual({ id: PUBLISHER });
      expect(statement.actor).toEqual(ACTOR);
    }
    const categories = (verb: string) => lrs.of(registration).find((s) => s.verb.id.endsWith(verb))!.context.contextActivities.category?.map((c: Json) => c.id.split('/').pop());
    expect(categories('initialized')).toEqual(['cmi5']);
    expect(categories('completed')).toEqual(['cmi5', 'moveon']);
    expect(categories('passed')).toEqual(['cmi5', 'moveon']);
    expect(categories('answered')).toBeUndefined();
    const passed = lrs.of(registration).find((s) => s.verb.id.endsWith('passed'))!;
    expect(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.6);
    await context.close();
  });

  it('tells the learner clearly when the launch link was already used', async () => {
    const { url, registration } = cmi5Launch('reused', { launchMode: 'Normal' });
    // Someone (a double click in the LMS, a prefetching proxy) already used the launch link.
    await fetch(new URLSearchParams(url.split('?')[1]).get('fetch')!, { method: 'POST' });
    const context = await harness.newContext();
    const page = await harness.open(context, url);
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/This launch link has already been used\. Please close this window and launch the course again/);
    expect(lrs.of(registration)).toEqual([]);
    await context.close();
  });

  it('in Browse mode sends only initialized and terminated', async () => {
    const { url, registration } = cmi5Launch('browse', { launchMode: 'Browse' });
    const context = await harness.newContext();
    const page = await harness.open(context, url);
    const learner = new Learner(page);
    await learner.seesPage('Where each message goes');
    await learner.next();
    await learner.next();
    await page.getByRole('button', { name: 'Finish course' }).click();
    await page.waitForURL(`${lrs.origin}/return`);
    expect(lrs.sequence(registration)).toEqual([`initialized ${AU}`, `terminated ${AU}`]);
    expectValidOnce();
    await context.close();
  });
});
