// Issue 10 items 3 and 5: a scenario's feedback says how good each choice was (icon and words),
// the debrief lists each decision with its points and the best choice where it was missed, the
// results review lists the decisions, a character stands beside the scenes; the certificate
// names the organisation and signatory, shows the score and an id (FNV-1a of course id,
// version, learner id and date), and prints alone on one landscape page. axe-core on both.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { type Cmi, eventually, Harness, relaunchCmi } from './harness';
import { Learner } from './learner';

const COURSE = join(__dirname, '../fixtures/valid/scenario-character');
const OUT = join(__dirname, '../../build/test-output');
const POOR = 'Argue with the customer in public';
const BEST_MISSED = 'Pass the post to customer support';
const BEST = 'Route the message to support';
const ID_FORMAT = /^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;
const harness = new Harness();
let urls: Record<'scorm2004', string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(COURSE, ['scorm2004']);
});
afterAll(() => harness.stop());

async function launch(learnerId: string, options: { cmi?: Cmi; context?: BrowserContext } = {}): Promise<{ course: Page; learner: Learner; stored: () => Promise<Cmi> }> {
  const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, method: 'popup', cmi: { learner_name: 'Doe, Jane', learner_id: learnerId, ...options.cmi }, context: options.context });
  const course = run.course as Page;
  return { course, learner: new Learner(course), stored: run.stored };
}

/** The quality line of the feedback or a debrief row: its words, and whether an aria-hidden svg icon comes with them. */
async function quality(scope: Locator): Promise<{ text: string; icon: boolean }> {
  const line = scope.locator('.quality');
  return { text: (await line.innerText()).trim(), icon: (await line.locator('svg[aria-hidden="true"]').count()) === 1 };
}

/** The documented certificate id, computed here independently: FNV-1a 64 of the joined inputs, first 48 bits. */
function expectedId(parts: string[]): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(parts.join('\n'), 'utf8')) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  const hex = hash.toString(16).padStart(16, '0').slice(0, 12).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8)}`;
}

async function playToResults(course: Page, learner: Learner): Promise<void> {
  await learner.seesPage('The angry customer');
  await learner.decide(POOR);
  await learner.decide(BEST);
  await learner.next();
  await learner.seesPage('Your results');
}

const certificateId = (course: Page) => course.locator('[data-certificate-id]').innerText();
const localDate = (course: Page) => course.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

it('rates each choice by icon and words, debriefs each decision with its points and the missed best choice, and shows the character', async () => {
  const { course, learner } = await launch('learner-1');
  await learner.seesPage('The angry customer');
  const character = course.getByRole('figure');
  await expect(character.innerText()).resolves.toMatch(/Sam Ortiz\s+Warehouse team lead/);
  await expect(character.getByRole('img', { name: 'Sam Ortiz, Warehouse team lead' }).isVisible()).resolves.toBe(true);
  // Beside the scenes on a wide screen: the portrait's box is left of the scene text.
  const [figure, scene] = await Promise.all([character.boundingBox(), course.locator('.scene:not([hidden]) .scene-text').boundingBox()]);
  expect(figure!.x + figure!.width).toBeLessThanOrEqual(scene!.x);
  expect(await axeViolations(course.mainFrame())).toEqual([]);

  const feedback = course.getByRole('status').filter({ has: course.locator('.quality') });
  await course.getByRole('button', { name: POOR, exact: true }).click();
  await expect(quality(feedback)).resolves.toEqual({ text: 'Poor choice', icon: true });
  // The best choice waits for the debrief: the moment of choosing tells how good the choice was and why.
  await expect(feedback.innerText()).resolves.toMatch(/^Poor choice\s+Arguing in public makes the complaint bigger\.$/);
  expect(await axeViolations(course.mainFrame())).toEqual([]);
  await course.getByRole('button', { name: 'Continue', exact: true }).click();
  await course.getByRole('button', { name: BEST, exact: true }).click();
  await expect(quality(feedback)).resolves.toEqual({ text: 'Best choice', icon: true });
  await course.getByRole('button', { name: 'Continue', exact: true }).click();

  const rows = course.locator('.debrief .path > li');
  await expect(rows.count()).resolves.toBe(2);
  await expect(quality(rows.nth(0))).resolves.toEqual({ text: 'Poor choice', icon: true });
  await expect(rows.nth(0).innerText()).resolves.toMatch(new RegExp(`^You chose: ${POOR} \\(0 points\\)\\s+Poor choice\\s+Arguing in public makes the complaint bigger\\.\\s+The best choice: ${BEST_MISSED}$`));
  await expect(rows.nth(1).innerText()).resolves.toMatch(new RegExp(`^You chose: ${BEST} \\(10 points\\)\\s+Best choice\\s+The right team handles it\\.$`));
  await expect(course.locator('.debrief .points').innerText()).resolves.toBe('10 of 20 points');
  expect(await axeViolations(course.mainFrame())).toEqual([]);

  // At 320 px the character stands above the scenes, not beside them.
  await course.setViewportSize({ width: 320, height: 800 });
  const [narrowFigure, narrowDebrief] = await Promise.all([character.boundingBox(), course.locator('.debrief').boundingBox()]);
  expect(narrowFigure!.y + narrowFigure!.height).toBeLessThanOrEqual(narrowDebrief!.y);
  await course.setViewportSize({ width: 1280, height: 900 });

  await learner.next();
  await learner.seesPage('Your results');
  const review = course.getByRole('region', { name: 'Your answers' });
  await review.getByRole('heading', { name: 'The angry customer' }).waitFor();
  const items = review.getByRole('listitem');
  await expect(items.count()).resolves.toBe(2);
  await expect(items.nth(0).innerText()).resolves.toMatch(new RegExp(`^A customer posts a complaint[^\\n]*\\s+You chose: ${POOR} \\(0 points\\)\\s+Poor choice\\s+The best choice: ${BEST_MISSED}$`));
  await expect(items.nth(1).innerText()).resolves.toMatch(new RegExp(`^The customer sends you a private message[^\\n]*\\s+You chose: ${BEST} \\(10 points\\)\\s+Best choice$`));
  await expect(quality(items.nth(0))).resolves.toEqual({ text: 'Poor choice', icon: true });
});

it('the certificate names organisation and signatory, shows the score and a stable id, and prints alone on one landscape page', async () => {
  const { course, learner } = await launch('learner-1');
  await playToResults(course, learner);
  const certificate = course.getByRole('region', { name: 'Certificate of completion' });
  const text = await certificate.innerText();
  expect(text).toMatch(/^Example Corporation\s+Certificate of completion\s+This certifies that\s+Jane Doe\s+has completed the course\s+Handling a complaint\s+on \w+ \d+, \d{4}\s+Score: 50%/);
  expect(text).toMatch(/Dana Whitfield\s+Head of Ethics & Compliance/);
  await expect(certificate.locator('img').getAttribute('alt')).resolves.toBe('');
  const id = await certificateId(course);
  expect(id).toMatch(ID_FORMAT);
  expect(text).toContain(`Certificate ID: ${id}`);
  expect(id).toBe(expectedId(['scenario-character', '2.1.0', 'learner-1', await localDate(course)]));
  expect(await axeViolations(course.mainFrame())).toEqual([]);

  await course.emulateMedia({ media: 'print' });
  // Printed, only the certificate and what holds it show: no header, navigation, banner or buttons.
  const shownOutside = await course.evaluate(() => {
    const certificate = document.querySelector('[data-certificate]')!;
    return Array.from(document.body.querySelectorAll<HTMLElement>('*'))
      .filter((element) => !certificate.contains(element) && !element.contains(certificate) && element.getClientRects().length > 0)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
  });
  expect(shownOutside).toEqual([]);
  await expect(certificate.isVisible()).resolves.toBe(true);
  mkdirSync(OUT, { recursive: true });
  for (const paper of ['A4', 'Letter'] as const) {
    const file = join(OUT, `certificate-${paper}.pdf`);
    // As a learner's print dialog does: the page size and orientation the course's CSS asks for.
    await course.pdf({ path: file, format: paper, preferCSSPageSize: true });
    const pdf = readFileSync(file).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    const [, width, height] = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)!.map(Number);
    expect(width).toBeGreaterThan(height!);
    // And on paper of that size set up landscape by the learner.
    await course.pdf({ path: file, format: paper, landscape: true });
    expect(readFileSync(file).toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  }
  await course.emulateMedia({ media: 'screen' });

  // The same learner, course version and day: the same id; another learner: another id.
  const again = await launch('learner-1');
  await playToResults(again.course, again.learner);
  await expect(certificateId(again.course)).resolves.toBe(id);
  const other = await launch('learner-2');
  await playToResults(other.course, other.learner);
  const otherId = await certificateId(other.course);
  expect(otherId).toMatch(ID_FORMAT);
  expect(otherId).not.toBe(id);
});

it('the certificate keeps the day it was earned: reopened two days later, the same date and id', async () => {
  const day1 = await harness.newContext();
  await day1.clock.setFixedTime(new Date(2026, 2, 2, 10, 0));
  const first = await launch('learner-1', { context: day1 });
  await playToResults(first.course, first.learner);
  const date = await first.course.locator('[data-certificate-date]').innerText();
  expect(date).toBe('on March 2, 2026');
  const id = await certificateId(first.course);
  expect(id).toBe(expectedId(['scenario-character', '2.1.0', 'learner-1', '2026-03-02']));
  await first.course.getByRole('button', { name: 'Finish course' }).click();
  const stored = await eventually(first.stored, (cmi) => cmi.completion_status === 'completed' && Boolean(cmi.suspend_data));
  await day1.close();

  // Day 3, as the LMS reopens a completed attempt (review) and as one that lets the learner in again.
  for (const review of [true, false]) {
    const day3 = await harness.newContext();
    await day3.clock.setFixedTime(new Date(2026, 2, 4, 9, 0));
    const again = await launch('learner-1', { context: day3, cmi: relaunchCmi('scorm2004', stored, {}, { review }) });
    await again.learner.seesPage('Your results');
    await expect(again.course.locator('[data-certificate-date]').innerText()).resolves.toBe(date);
    await expect(certificateId(again.course)).resolves.toBe(id);
    await day3.close();
  }
});
