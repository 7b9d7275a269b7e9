// Seat time (issue 12), on Playwright's fake clock (minutes pass at once, far beyond any delay a
// loaded machine adds): Next stays locked with a countdown; only time while the page is visible
// and the learner active counts; "Still there?" after the idle period, with focus managed; the
// time counted survives a relaunch and is reported as the session time. The trainer contact
// shows in the frame.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { axeViolations, courseFrame } from './axe';
import { randomUUID } from 'node:crypto';
import { type Cmi, courseVariant, eventually, Harness, relaunchCmi } from './harness';
import { Learner } from './learner';
import type { Standard } from './lms-page';
import { xapiLaunch } from './lrs-launch';
import { TestLrs } from './test-lrs';

const COURSE = join(__dirname, '../fixtures/valid/seat-time');
const harness = new Harness();
const lrs = new TestLrs();
let urls: Record<Standard | 'xapi', string>;

beforeAll(async () => {
  await harness.start();
  await lrs.start();
  urls = await harness.buildAndServe(COURSE, ['scorm12', 'scorm2004', 'xapi']);
});
afterAll(async () => {
  await harness.stop();
  await lrs.stop();
});

/** The seconds the countdown shows; 0 when it is hidden (Next is not waiting for time). */
async function secondsLeft(course: FrameLocator | Page): Promise<number> {
  const box = course.locator('#cp-seat');
  if (!(await box.isVisible())) return 0;
  const [, minutes, seconds] = (await box.locator('[data-clock]').innerText()).match(/(\d+):(\d\d)/) ?? [];
  return Number(minutes) * 60 + Number(seconds);
}

/** Time passes with the learner moving the pointer every 10 seconds. */
async function activeFor(context: BrowserContext, page: Page, seconds: number): Promise<void> {
  for (let s = 0; s < seconds; s += 10) {
    await page.mouse.move(200 + (s % 20), 200);
    await context.clock.runFor(10_000);
  }
}

/** Says the course's tab is hidden or visible again, as the browser does (Page Visibility). */
async function setVisible(page: Page, target: Standard, visible: boolean): Promise<void> {
  await courseFrame(page, target).evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new Event('visibilitychange'));
  }, visible ? 'visible' : 'hidden');
}

const near = (actual: number, expected: number, slack = 4) => {
  expect(actual).toBeGreaterThanOrEqual(expected - slack);
  expect(actual).toBeLessThanOrEqual(expected + slack);
};

/** "PT4M2.5S" in seconds. */
const isoSeconds = (text: string) => {
  const [, h = '0', m = '0', s = '0'] = text.match(/^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/) ?? [];
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
};

describe('seat time', () => {
  it('locks Next with a countdown; idle and hidden time do not count; Still there? manages focus; the course minimum guards the results; session_time is the time counted', async () => {
    const context = await harness.newContext();
    await context.clock.install();
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: { learner_name: 'Doe, Jane' }, context });
    const { course, page } = run;
    const learner = new Learner(course);
    await learner.seesPage('Reading');
    const next = course.getByRole('button', { name: 'Next', exact: true });
    await expect(next.isDisabled()).resolves.toBe(true);
    near(await secondsLeft(course), 180);
    // Announced once when it appears, not every second.
    await expect(course.locator('#cp-seat [data-say]').getAttribute('aria-live')).resolves.toBe('polite');
    await expect(course.locator('#cp-seat [data-say]').innerText()).resolves.toMatch(/^You can continue in (3:00|2:5\d)\.$/);
    const contact = course.getByRole('link', { name: 'Pat Trainer' });
    await expect(contact.getAttribute('href')).resolves.toBe('mailto:pat@example.com');
    await expect(course.getByRole('link', { name: 'https://example.com/ask' }).getAttribute('href')).resolves.toBe('https://example.com/ask');
    // Readable in the header: the link takes the header's text colour, not the brand colour it sits on.
    await expect(contact.evaluate((link) => getComputedStyle(link).color === getComputedStyle(link.closest('header')!).color)).resolves.toBe(true);
    await expect(axeViolations(courseFrame(page, 'scorm2004'))).resolves.toEqual([]);

    // No input for the idle period (1 minute): the clock stops and asks.
    await contact.focus();
    await context.clock.runFor(70_000);
    const dialog = course.getByRole('dialog', { name: 'Still there?' });
    await dialog.waitFor({ state: 'visible' });
    const resume = dialog.getByRole('button', { name: 'Continue' });
    await expect(resume.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    // The countdown and the dialog pass axe's WCAG A/AA rules.
    await expect(axeViolations(courseFrame(page, 'scorm2004'))).resolves.toEqual([]);
    const atIdle = await secondsLeft(course);
    near(atIdle, 120);
    await context.clock.runFor(60_000);
    near(await secondsLeft(course), atIdle, 1);
    await resume.click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(contact.evaluate((link) => link === document.activeElement)).resolves.toBe(true);

    // Another tab in front: nothing counts.
    await setVisible(page, 'scorm2004', false);
    await context.clock.runFor(60_000);
    await setVisible(page, 'scorm2004', true);
    near(await secondsLeft(course), atIdle, 2);

    // Active reading: the page's 3 minutes are spent, Next unlocks and the countdown goes.
    await activeFor(context, page, atIdle + 10);
    await eventually(() => next.isEnabled(), (enabled) => enabled);
    await expect(course.locator('#cp-seat').isVisible()).resolves.toBe(false);
    await next.click();
    await learner.seesPage('More reading');
    await next.click();
    await learner.seesPage('Acknowledgement');
    await learner.attest('I have read the policy and will follow it.');
    // The course's 4 minutes guard the results page: about 50 seconds are left.
    await expect(next.isDisabled()).resolves.toBe(true);
    const courseLeft = await secondsLeft(course);
    expect(courseLeft).toBeGreaterThan(30);
    expect(courseLeft).toBeLessThan(70);
    await activeFor(context, page, courseLeft + 10);
    await eventually(() => next.isEnabled(), (enabled) => enabled);
    await next.click();
    await learner.seesPage('Your results');
    await course.getByRole('button', { name: 'Finish course' }).click();
    const stored: Cmi = await eventually(run.stored, (cmi) => Boolean(cmi.session_time));
    expect(stored.completion_status).toBe('completed');
    // About 4 minutes counted, not the 7 and more that passed on the clock.
    const session = isoSeconds(stored.session_time);
    expect(session).toBeGreaterThanOrEqual(235);
    expect(session).toBeLessThan(300);
    expect(harness.pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('keeps the time counted across a relaunch (SCORM 1.2): the countdown goes on where it was', async () => {
    const context = await harness.newContext();
    await context.clock.install();
    const first = await harness.launch({ standard: 'scorm12', courseUrl: urls.scorm12, cmi: { core: { student_name: 'Doe, Jane' } }, context });
    await new Learner(first.course).seesPage('Reading');
    await activeFor(context, first.page, 90);
    const before = await secondsLeft(first.course);
    near(before, 90);
    // A minute in another tab before closing: not in the session time either.
    await setVisible(first.page, 'scorm12', false);
    await context.clock.runFor(60_000);
    await first.closeCourse();
    const stored = await first.stored();
    expect(JSON.parse(stored.suspend_data).t).toEqual([expect.any(Number), expect.stringMatching(/^0:\d+$/)]);
    // 1.2 session_time HHHH:MM:SS.SS: the minute and a half counted.
    const [, minutes, seconds] = (stored.core.session_time as string).match(/^\d+:(\d\d):([\d.]+)$/) ?? [];
    near(Number(minutes) * 60 + Number(seconds), 90);

    const second = await harness.launch({ standard: 'scorm12', courseUrl: urls.scorm12, cmi: relaunchCmi('scorm12', stored, { core: { student_name: 'Doe, Jane' } }), context });
    await new Learner(second.course).seesPage('Reading');
    near(await secondsLeft(second.course), before, 2);
    await context.close();
  }, 120_000);

  it('the results page names the seat time still to spend, and says the course is complete once it is spent', async () => {
    // A passed test-out lets the learner reach the results before the course's 4 minutes are spent.
    const variant = courseVariant(join(__dirname, '../fixtures/valid/test-out'), 'navigation: linear', 'navigation: linear\nmin-time: PT4M\nidle-after: PT1M');
    const url = (await harness.buildAndServe(variant, ['scorm2004'], 'seated-test-out-')).scorm2004;
    const context = await harness.newContext();
    await context.clock.install();
    const { course, page } = await harness.launch({ standard: 'scorm2004', courseUrl: url, cmi: { learner_name: 'Doe, Jane' }, context });
    const learner = new Learner(course);
    await learner.seesPage('Welcome');
    await activeFor(context, page, 30);
    await learner.next();
    await learner.pick('The sky is blue.', 'True');
    await learner.pick('Grass is green.', 'True');
    await learner.submitQuiz();
    await learner.next();
    await learner.seesPage('Your results');
    const banner = course.locator('[data-result="banner"]');
    const unmet = course.locator('[data-result="unmet"]');
    await expect(banner.innerText()).resolves.toBe('The course is not complete yet.');
    // About 3 and a half minutes left: said in whole minutes, rounded up.
    await expect(unmet.innerText()).resolves.toBe('Time still to spend in the course: 4 min.');
    await expect(axeViolations(courseFrame(page, 'seated-test-out-scorm2004'))).resolves.toEqual([]);
    // The count goes down by the minute while the learner stays on the results page.
    await activeFor(context, page, 60);
    await eventually(() => unmet.innerText(), (text) => text.endsWith(': 3 min.'));
    await expect(unmet.innerText()).resolves.toBe('Time still to spend in the course: 3 min.');
    // Spent: the requirement goes and the course is complete.
    await activeFor(context, page, 200);
    await eventually(() => banner.innerText(), (text) => text.startsWith('Passed.'));
    await expect(banner.innerText()).resolves.toBe('Passed. You have completed this course.');
    await expect(unmet.isVisible()).resolves.toBe(false);
    await context.close();
  }, 120_000);

  it('xAPI: terminated carries the time counted as its duration, not the time the window was open', async () => {
    const context = await harness.newContext();
    await context.clock.install();
    const registration = randomUUID();
    const page = await harness.open(context, xapiLaunch(lrs, urls.xapi, registration));
    await new Learner(page).seesPage('Reading');
    await activeFor(context, page, 40);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await context.clock.runFor(120_000);
    await page.close({ runBeforeUnload: true });
    const statements = await eventually(async () => lrs.of(registration), (list) => list.some((s) => s.verb.id.endsWith('/terminated')), 20_000);
    const terminated = statements.find((s) => s.verb.id.endsWith('/terminated'))!;
    near(isoSeconds(terminated.result.duration), 40);
    await context.close();
  }, 120_000);
});
