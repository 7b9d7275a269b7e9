// The fault matrix: xAPI and cmi5 packages against an LRS that is slow, fails, goes down or is
// left behind by a closed tab. Whatever happens, every statement arrives exactly once, in
// timestamp order, the state ends at the newest version, cmi5's per-registration rules hold, and a
// relaunch on a fresh browser profile (another device) neither repeats nor loses anything.
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { answerAll } from './flows';
import { eventually } from './harness';
import { Learner } from './learner';
import { AU, cmi5Launch, COURSE_IRI, expectValidOnce, lrsTestBed, resumeState, takeCourse, verbCounts, xapiLaunch } from './lrs-launch';

const bed = lrsTestBed();
const { harness, lrs } = bed;
const contexts: BrowserContext[] = [];

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

type Standard = 'xapi' | 'cmi5';

/** One launch of a registration in a browser profile of its own (a device). */
interface Launch {
  page: Page;
  registration: string;
  iri: string;
}

async function launch(standard: Standard, registration: string): Promise<Launch> {
  const context = await harness.newContext();
  contexts.push(context);
  return open(context, standard, registration);
}

async function open(context: BrowserContext, standard: Standard, registration: string): Promise<Launch> {
  const url = standard === 'xapi' ? xapiLaunch(lrs, bed.urls.xapi, registration) : cmi5Launch(lrs, bed.urls.cmi5, { launchMode: 'Normal', masteryScore: 0.6 }, registration).url;
  const page = await harness.open(context, url);
  return { page, registration, iri: standard === 'xapi' ? COURSE_IRI : AU };
}

const ONE_RUN = { initialized: 1, experienced: 3, answered: 8, completed: 1, passed: 1, terminated: 1 };

const { terminated: _, ...ONE_RUN_BUT_TERMINATED } = ONE_RUN;

/**
 * terminated 'optional': it may be missing, and if it came, it came once and last; 'any order':
 * it may have arrived before statements with earlier timestamps.
 */
type Allowance = { terminated?: 'optional' | 'any order' };

/** Waits until the LRS holds the whole run, then checks it: counts per verb, order, validity, state. */
async function expectWholeRun(run: Launch, counts: Record<string, number> = ONE_RUN, location = 'results', allow: Allowance = {}): Promise<void> {
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  await eventually(async () => lrs.of(run.registration).length, (n) => n >= total, 40000);
  await eventually(async () => resumeState(lrs, run.iri, run.registration)?.location, (at) => at === location, 10000);
  const counted = verbCounts(lrs, run.registration);
  if (allow.terminated === 'optional' && counts.terminated === undefined && counted.terminated === 1) {
    delete counted.terminated;
    expect(lrs.sequence(run.registration).at(-1)).toBe(`terminated ${run.iri}`);
  }
  expect(counted).toEqual(counts);
  expectValidOnce(lrs, allow.terminated === 'any order' ? (statement) => !String(statement.verb?.id).endsWith('/terminated') : undefined);
  expect(resumeState(lrs, run.iri, run.registration)?.location).toBe(location);
  expect(lrs.refusals().filter((r) => r.status !== 401)).toEqual([]);
}

/** Another device: a fresh profile opens the registration again, lands on the results, finishes. */
async function relaunchElsewhere(standard: Standard, run: Launch, counts = { ...ONE_RUN, initialized: 2, experienced: 4, terminated: 2 }, allow: Allowance = {}): Promise<void> {
  const again = await launch(standard, run.registration);
  await new Learner(again.page).seesPage('Your results');
  await again.page.getByRole('button', { name: 'Finish course' }).click();
  await again.page.getByText('Your results have been saved.').or(again.page.getByRole('heading', { name: 'Back in the LMS' })).waitFor({ timeout: 20000 });
  await expectWholeRun(run, counts, 'results', allow);
}

/** After Finish: saved (xAPI) or back in the LMS (cmi5), only once the LRS has every statement. */
async function finishedAndAcknowledged(standard: Standard, run: Launch, timeout = 20000): Promise<void> {
  if (standard === 'cmi5') await run.page.waitForURL(`${lrs.origin}/return`, { timeout });
  else await run.page.getByText('Your results have been saved.').waitFor({ timeout });
  // Nothing was still on its way when the learner was told it was saved (or sent back to the LMS).
  expect(lrs.sequence(run.registration).at(-1)).toBe(`terminated ${run.iri}`);
  expect(resumeState(lrs, run.iri, run.registration)?.location).toBe('results');
}

describe.each(['xapi', 'cmi5'] as const)('%s against a hostile LRS', (standard) => {
  it('state writes answered 1.5 s late: nothing lost, Finish waits for the LRS', async () => {
    lrs.faults.delayMs.state = 1500;
    const run = await launch(standard, randomUUID());
    await takeCourse(run.page);
    await run.page.getByText('Saving your results').waitFor();
    await finishedAndAcknowledged(standard, run);
    await expectWholeRun(run);
    lrs.faults.delayMs.state = 0;
    await relaunchElsewhere(standard, run);
  });

  it('statements answered 1.5 s late, with random latency on top', async () => {
    lrs.faults.delayMs.statements = 1500;
    lrs.faults.jitterMs = 300;
    const run = await launch(standard, randomUUID());
    await takeCourse(run.page);
    await finishedAndAcknowledged(standard, run, 40000);
    await expectWholeRun(run);
    lrs.faults = { ...lrs.faults, delayMs: { statements: 0, state: 0 }, jitterMs: 0 };
    await relaunchElsewhere(standard, run);
  });

  it('503 mid-course: the learner goes on, everything arrives once the LRS is back', async () => {
    const run = await launch(standard, randomUUID());
    const learner = new Learner(run.page);
    await learner.seesPage('Where each message goes');
    lrs.faults.failing = true;
    await learner.next();
    await answerAll(learner, true);
    await learner.submitQuiz();
    await learner.next();
    // The LRS is back once it has refused writes of those pages (the answers, the quiz's result):
    // waiting a fixed time more only idled, the client's next try being a backoff away or a write.
    await eventually(async () => lrs.log.filter((request) => request.status === 503).length, (refused) => refused >= 2);
    lrs.faults.failing = false;
    await run.page.getByRole('button', { name: 'Finish course' }).click();
    await finishedAndAcknowledged(standard, run, 40000);
    await expectWholeRun(run);
    await relaunchElsewhere(standard, run);
  });

  it('LRS down at Finish: the learner is told plainly, and everything goes once it is back', async () => {
    const run = await launch(standard, randomUUID());
    await takeCourse(run.page, { finish: false });
    await eventually(async () => lrs.of(run.registration).length, (n) => n >= 12);
    lrs.faults.down = true;
    await run.page.getByRole('button', { name: 'Finish course' }).click();
    await run.page.getByText(/cannot be reached.*sent as soon as the connection is back/).waitFor({ timeout: 15000 });
    expect(lrs.sequence(run.registration)).not.toContain(`terminated ${run.iri}`);
    lrs.faults.down = false;
    await finishedAndAcknowledged(standard, run, 40000);
    await expectWholeRun(run);
    await relaunchElsewhere(standard, run);
  });

  it('tab closed right after Finish: the browser still delivers everything', async () => {
    lrs.faults.delayMs = { statements: 300, state: 300 };
    const run = await launch(standard, randomUUID());
    await takeCourse(run.page);
    await run.page.close({ runBeforeUnload: true });
    // cmi5: terminated goes only if nothing of its session may still be on its way (see below);
    // plain xAPI sends it at once, and it may overtake the statements still on their way.
    const allow = standard === 'cmi5' ? ({ terminated: 'optional' } as const) : ({ terminated: 'any order' } as const);
    await expectWholeRun(run, standard === 'cmi5' ? ONE_RUN_BUT_TERMINATED : ONE_RUN, 'results', allow);
    const terminated = verbCounts(lrs, run.registration).terminated ?? 0;
    lrs.faults.delayMs = { statements: 0, state: 0 };
    await relaunchElsewhere(standard, run, { ...ONE_RUN, initialized: 2, experienced: 4, terminated: terminated + 1 }, allow.terminated === 'any order' ? allow : {});
  });

  it('tab closed while the last statements are slow on their way: terminated never overtakes them', async () => {
    let sent = (): void => {};
    const onTheWay = new Promise<void>((resolve) => (sent = resolve));
    // The batch with passed takes 1.5 s to reach the LRS; a request sent after it may come first.
    lrs.faults.lateArrivalMs = (what) => (what.includes('passed') ? (sent(), 1500) : 0);
    const run = await launch(standard, randomUUID());
    await takeCourse(run.page);
    await onTheWay;
    await run.page.close({ runBeforeUnload: true });
    if (standard === 'cmi5') {
      // Sent now, terminated would arrive first and the LMS refuse the rest (cmi5 9.3): it stays queued.
      await expectWholeRun(run, ONE_RUN_BUT_TERMINATED);
      await relaunchElsewhere(standard, run, { ...ONE_RUN, initialized: 2, experienced: 4 });
    } else {
      // Plain xAPI has no such rule: terminated goes, and may arrive before the statements it follows.
      await expectWholeRun(run, ONE_RUN, 'results', { terminated: 'any order' });
    }
  });
});

describe('cmi5 across sessions', () => {
  it('a registration already passed on one device is not completed or passed again on another, even when its last state write was lost', async () => {
    const registration = randomUUID();
    lrs.faults.failingState = true;
    const first = await launch('cmi5', registration);
    await takeCourse(first.page, { finish: false });
    await eventually(async () => verbCounts(lrs, registration).passed ?? 0, (n) => n === 1);
    await first.page.close({ runBeforeUnload: true });
    await eventually(async () => verbCounts(lrs, registration).terminated ?? 0, (n) => n === 1);
    lrs.faults.failingState = false;
    // The LRS's bookmark is not the results page: the other device reopens the course earlier on.
    expect(resumeState(lrs, AU, registration)?.location).not.toBe('results');

    const second = await launch('cmi5', registration);
    const learner = new Learner(second.page);
    await learner.seesPage('Where each message goes');
    await learner.next();
    await answerAll(learner, true);
    await learner.submitQuiz();
    await learner.next();
    await second.page.getByRole('button', { name: 'Finish course' }).click();
    await second.page.waitForURL(`${lrs.origin}/return`, { timeout: 20000 });
    const counts = verbCounts(lrs, registration);
    expect(counts).toMatchObject({ initialized: 2, completed: 1, passed: 1, terminated: 2 });
    // The second session's writes were all accepted; only leftovers of the ended first session
    // (its lost state write, sent again with its own token) may have been refused.
    const secondSession = lrs.of(registration).at(-1)!.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid'];
    expect(lrs.refusals().filter((r) => r.session === secondSession)).toEqual([]);
    expect(lrs.refusals().every((r) => r.what.every((w) => w === 'https://w3id.org/coursepack/state/resume'))).toBe(true);
    expectValidOnce(lrs);
  });

  it("a session's leftovers are never sent under the next session's credentials", async () => {
    const registration = randomUUID();
    const context = await harness.newContext();
    contexts.push(context);
    const first = await open(context, 'cmi5', registration);
    const learner = new Learner(first.page);
    await learner.seesPage('Where each message goes');
    await eventually(async () => lrs.of(registration).length, (n) => n === 2);
    lrs.faults.down = true;
    await learner.next();
    await learner.seesPage('Every question type');
    await first.page.close({ runBeforeUnload: true });
    lrs.faults.down = false;

    const second = await open(context, 'cmi5', registration);
    await new Learner(second.page).seesPage('Every question type');
    await eventually(async () => verbCounts(lrs, registration).experienced ?? 0, (n) => n === 2);
    // The first session was abandoned by the new launch: its leftovers went with its own token
    // and were refused as such (401), never as statements of the wrong session (403).
    expect(lrs.refusals().filter((r) => r.status === 403)).toEqual([]);
    const sessions = new Set(lrs.of(registration).map((s) => s.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']));
    expect(sessions.size).toBe(2);
    expect(lrs.sequence(registration)).toEqual([`initialized ${AU}`, `experienced ${AU}/channels`, `initialized ${AU}`, `experienced ${AU}/quiz`]);
    expectValidOnce(lrs);
  });
});

describe.each(['xapi', 'cmi5'] as const)('%s resume', (standard) => {
  it('a relaunch writes nothing until the learner acts; the first bookmark written is the page shown', async () => {
    const registration = randomUUID();
    const context = await harness.newContext();
    contexts.push(context);
    const first = await open(context, standard, registration);
    const learner = new Learner(first.page);
    await learner.seesPage('Where each message goes');
    await learner.next();
    await learner.seesPage('Every question type');
    await first.page.close({ runBeforeUnload: true });
    await eventually(async () => resumeState(lrs, first.iri, registration)?.location, (at) => at === 'quiz');
    const before = lrs.log.length;

    const second = await launch(standard, registration);
    const again = new Learner(second.page);
    await again.seesPage('Every question type');
    await eventually(async () => lrs.of(registration).length, (n) => n >= 5);
    const writes = () => lrs.log.slice(before).filter((r) => r.document);
    expect(writes()).toEqual([]);
    await answerAll(again, true);
    await again.submitQuiz();
    await eventually(async () => writes().length, (n) => n > 0);
    expect(writes()[0]!.document).toMatchObject({ location: 'quiz' });
  });
});
