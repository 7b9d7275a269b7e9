// Every content block type (test/fixtures/valid/blocks) in a SCORM 2004 LMS frame: no WCAG 2.1
// A/AA violation closed or opened, accordion, tabs, cards and hotspots by keyboard alone, and
// required blocks: the page is done only when every part was opened, and what was opened
// survives closing and relaunching the course.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { axeViolations, courseFrame, layoutProblems } from './axe';
import { eventually, Harness, relaunchCmi, type Launched } from './harness';
import { tabTo } from './keyboard';
import { Learner } from './learner';

export const BLOCKS_COURSE = join(__dirname, '../fixtures/valid/blocks');
const harness = new Harness();
const SHOTS = join(__dirname, '../../build/screenshots');
let urls: Record<'scorm2004', string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(BLOCKS_COURSE, ['scorm2004']);
});
afterAll(() => harness.stop());

const LEARNER = { learner_name: 'Doe, Jane', learner_id: 'jdoe' };

/** The focused element: its tag, role and text, as a keyboard user would hear it. */
const focused = (frame: Frame) =>
  frame.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`;
  });
const status = (frame: Frame) => frame.evaluate(() => document.querySelector('section:not([hidden]) [data-reveal-status]')?.textContent ?? '');
const nextDisabled = (run: Launched) => run.course.getByRole('button', { name: 'Next', exact: true }).isDisabled();

/** Reads the first page by keyboard: the download link and the transcripts are reached by Tab, past the players. */
async function toOpenPage(run: Launched): Promise<{ frame: Frame; page: Page; learner: Learner }> {
  const learner = new Learner(run.course);
  await learner.seesPage('Blocks to read');
  const frame = courseFrame(run.page);
  const page = run.page;
  await frame.focus('section:not([hidden]) h1');
  await tabTo(frame, page, /^Policy summary$/);
  await expect(frame.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe('assets/summary.pdf');
  await tabTo(frame, page, /^Transcript$/);
  await page.keyboard.press('Enter');
  await expect(run.course.getByText('A risk that nobody admits cannot be managed. So we name it openly').first().isVisible()).resolves.toBe(true);
  await tabTo(frame, page, /^Transcript$/);
  await page.keyboard.press('Space');
  await tabTo(frame, page, /^Next$/);
  await page.keyboard.press('Enter');
  await learner.seesPage('Blocks to open');
  return { frame, page, learner };
}

describe('content blocks', () => {
  it('have no WCAG 2.1 A/AA violations in light and dark schemes, closed or with every part open; nothing scrolls sideways at 320, 768 or 1280 px (screenshots in build/screenshots)', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: LEARNER });
    const learner = new Learner(run.course);
    const found: string[] = [];
    // In the light and the dark scheme (prefers-color-scheme: the theme redefines its colours).
    const check = async (name: string) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await run.page.emulateMedia({ colorScheme });
        for (const violation of await axeViolations(courseFrame(run.page))) found.push(`${name} (${colorScheme}): ${violation}`);
      }
      await run.page.emulateMedia({ colorScheme: 'light' });
    };
    await learner.seesPage('Blocks to read');
    await check('blocks to read');
    await run.course.locator('details.transcript > summary').first().click();
    await check('transcript open');
    await learner.next();
    await learner.seesPage('Blocks to open');
    await check('blocks to open');
    const frame = courseFrame(run.page);
    await frame.evaluate(() => {
      document.querySelectorAll<HTMLDetailsElement>('section:not([hidden]) details').forEach((details) => (details.open = true));
      document.querySelectorAll<HTMLElement>('section:not([hidden]) [data-disclosure]').forEach((button) => button.click());
    });
    await check('every part open');
    expect(found).toEqual([]);
    expect(harness.pageErrors).toEqual([]);

    // Screenshots of every block, closed (first page) and open (second), for review.
    const problems: string[] = [];
    for (const width of [320, 768, 1280]) {
      await run.page.setViewportSize({ width, height: 900 });
      await run.page.evaluate((w) => Object.assign(document.getElementById('course')!.style, { width: `${w}px`, height: '900px', position: 'fixed', inset: '0' }), width);
      const folder = join(SHOTS, `${width}px`);
      mkdirSync(folder, { recursive: true });
      for (const [title, name] of [['Blocks to open', 'blocks-open'], ['Blocks to read', 'blocks-read']] as const) {
        if (title === 'Blocks to read') await run.course.getByRole('button', { name: 'Back', exact: true }).click();
        await learner.seesPage(title);
        for (const problem of await layoutProblems(courseFrame(run.page))) problems.push(`${width} px, ${title}: ${problem}`);
        // The whole page: the frame as tall as what it holds, then back.
        const height = await courseFrame(run.page).evaluate(() => document.documentElement.scrollHeight);
        await run.page.setViewportSize({ width, height });
        await run.page.evaluate((h) => (document.getElementById('course')!.style.height = `${h}px`), height);
        await run.page.screenshot({ path: join(folder, `${name}.png`) });
        await run.page.setViewportSize({ width, height: 900 });
        await run.page.evaluate(() => (document.getElementById('course')!.style.height = '900px'));
      }
      await learner.next();
    }
    expect(problems).toEqual([]);
  });

  it('packages every file a block names and plays the captioned video', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: LEARNER });
    await new Learner(run.course).seesPage('Blocks to read');
    const frame = courseFrame(run.page);
    // The browser loads the video and its captions from the package (both are in the manifest).
    const cues = await frame.evaluate(async () => {
      const video = document.querySelector('video')!;
      const track = video.textTracks[0]!;
      track.mode = 'hidden';
      await new Promise<void>((resolve) => (track.cues?.length ? resolve() : video.querySelector('track')!.addEventListener('load', () => resolve())));
      return Array.from(track.cues ?? []).map((cue) => (cue as VTTCue).text);
    });
    expect(cues).toEqual(['A risk that nobody admits cannot be managed.', 'So we name it openly, and handle it on purpose, before it surprises us.']);
    const download = run.course.getByRole('link', { name: 'Policy summary' });
    expect(await download.getAttribute('href')).toBe('assets/summary.pdf');
    await expect(run.course.getByText('(PDF, 2 KB)').isVisible()).resolves.toBe(true);
    const status = await frame.evaluate(async () => (await fetch('assets/summary.pdf')).status);
    expect(status).toBe(200);
  });

  it('opens accordion, tabs, cards and hotspots by keyboard; Next unlocks when all are open; what was opened survives a relaunch', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: LEARNER });
    const { frame, page } = await toOpenPage(run);
    // The first tab's panel is in view from the start.
    await expect(status(frame)).resolves.toBe('Opened: 1 of 10');
    expect(await nextDisabled(run)).toBe(true);

    // Accordion: each heading is a button in the Tab order; Enter and Space open it.
    await tabTo(frame, page, /^It is here to stay$/);
    await page.keyboard.press('Enter');
    await tabTo(frame, page, /^Customers are talking$/);
    await page.keyboard.press('Space');
    await tabTo(frame, page, /^Everyone is human$/);
    await page.keyboard.press('Enter');
    await expect(frame.evaluate(() => Array.from(document.querySelectorAll('.accordion details')).map((d) => (d as HTMLDetailsElement).open))).resolves.toEqual([true, true, true]);

    // Tabs: one Tab stop; arrows move and select, End and Home jump, Tab leaves for the panel.
    await tabTo(frame, page, /^You$/);
    await page.keyboard.press('ArrowRight');
    await expect(focused(frame)).resolves.toBe('tab Your manager');
    await expect(run.course.getByRole('tabpanel', { name: 'Your manager' }).isVisible()).resolves.toBe(true);
    await expect(run.course.getByRole('tabpanel', { name: 'You', exact: true }).isVisible()).resolves.toBe(false);
    await page.keyboard.press('End');
    await expect(focused(frame)).resolves.toBe('tab Communications');
    await page.keyboard.press('ArrowRight');
    await expect(focused(frame)).resolves.toBe('tab You');
    await page.keyboard.press('ArrowLeft');
    await expect(focused(frame)).resolves.toBe('tab Communications');
    await expect(frame.evaluate(() => Array.from(document.querySelectorAll('[role="tab"]')).map((tab) => (tab as HTMLElement).tabIndex))).resolves.toEqual([-1, -1, 0]);
    await page.keyboard.press('Tab');
    await expect(focused(frame)).resolves.toBe('tabpanel Communications answers the press.');
    await expect(status(frame)).resolves.toBe('Opened: 6 of 10');
    expect(await nextDisabled(run)).toBe(true);

    // Close before the cards and hotspots are open; the LMS keeps what was opened.
    await eventually(run.stored, (cmi) => /"o":\{"1":"1111110000"\}/.test(cmi.suspend_data ?? ''), 8000);
    await run.closeCourse();
    const again = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: relaunchCmi('scorm2004', await run.stored(), LEARNER), context: run.context });
    const learner = new Learner(again.course);
    await learner.seesPage('Blocks to open');
    const frame2 = courseFrame(again.page);
    const page2 = again.page;
    await expect(status(frame2)).resolves.toBe('Opened: 6 of 10');
    await expect(frame2.evaluate(() => document.querySelectorAll('[data-reveal].opened').length)).resolves.toBe(6);
    expect(await nextDisabled(again)).toBe(true);

    // Cards: the front is a button (disclosure) that shows the back.
    await frame2.focus('section:not([hidden]) h1');
    await tabTo(frame2, page2, /^Banning social media removes the risk\.$/);
    await page2.keyboard.press('Enter');
    await expect(again.course.getByText('Myth: staying off a network does not lower our exposure.').isVisible()).resolves.toBe(true);
    await expect(frame2.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).resolves.toBe('true');
    await tabTo(frame2, page2, /^You may say where you work\.$/);
    await page2.keyboard.press('Space');

    // Hotspots: numbered buttons named by their note's title.
    await tabTo(frame2, page2, /^1: Customers$/);
    await page2.keyboard.press('Enter');
    await expect(again.course.getByText('They read what you post.').isVisible()).resolves.toBe(true);
    expect(await nextDisabled(again)).toBe(true);
    await tabTo(frame2, page2, /^2: Colleagues$/);
    await page2.keyboard.press('Space');
    await expect(status(frame2)).resolves.toBe('Opened: 10 of 10');
    expect(await nextDisabled(again)).toBe(false);

    await tabTo(frame2, page2, /^Next$/);
    await page2.keyboard.press('Enter');
    await learner.seesPage('The end');
    await eventually(again.stored, (cmi) => cmi.completion_status === 'completed', 8000);
    expect((await again.stored()).completion_status).toBe('completed');
    expect(harness.pageErrors).toEqual([]);
  });
});
