// The course frame as a learner meets it (issue 10 item 6): the cover with Start, and Resume once
// there is progress; the menu of pages with done / current / locked told in text, usable by
// keyboard and folded at narrow widths; progress by pages done, not by position; Next in the same
// place on every page; the standalone notice dismissed for the session; print without chrome.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { axeViolations, courseFrame } from './axe';
import { answerAll, QUESTION_TYPES_COURSE } from './flows';
import { courseVariant, eventually, Harness, type Launched, relaunchCmi } from './harness';
import { tabTo } from './keyboard';
import { Learner } from './learner';
import { CONTENT, SAMPLE_COURSE } from './sample-course';

const harness = new Harness();
let url: string;
let free: string;

beforeAll(async () => {
  await harness.start();
  ({ scorm2004: url } = await harness.buildAndServe(SAMPLE_COURSE, ['scorm2004']));
  // Free navigation with a menu and no cover: nothing is ever locked.
  ({ scorm2004: free } = await harness.buildAndServe(courseVariant(QUESTION_TYPES_COURSE, 'navigation: linear', 'navigation: free\nmenu: true'), ['scorm2004'], 'free/'));
});
afterAll(() => harness.stop());

const menuItems = (run: Launched) =>
  courseFrame(run.page).evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-goto]')).map((item) => ({
      name: item.textContent!.replace(/\s+/g, ' ').trim(),
      current: item.getAttribute('aria-current'),
      disabled: item.getAttribute('aria-disabled'),
    })),
  );
const progressText = (run: Launched) => run.course.locator('#cp-progress-text').innerText();

describe('cover, menu and progress', () => {
  it('the cover comes first with Start; the menu tells done, current and locked; progress counts pages done; Resume after a relaunch', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: url });
    const learner = new Learner(run.course);
    await learner.seesPage('Social Media at Work');
    await expect(run.course.getByText('About 20 min').isVisible()).resolves.toBe(true);
    await expect(run.course.getByRole('navigation', { name: 'Course navigation' }).isVisible()).resolves.toBe(false);
    await expect(progressText(run)).resolves.toBe('Pages done: 0 of 10');

    await learner.begin();
    await learner.seesPage('Welcome');
    let items = await menuItems(run);
    expect(items[0]).toEqual({ name: 'Welcome (done)', current: 'page', disabled: 'false' });
    expect(items[1]).toEqual({ name: 'Social media is here to stay', current: null, disabled: 'false' });
    expect(items[2]).toEqual({ name: 'Our customers are already talking (locked)', current: null, disabled: 'true' });
    // A locked page stays shut from the menu, as Next would.
    await run.course.getByRole('button', { name: 'Our customers are already talking (locked)' }).click({ force: true });
    await learner.seesPage('Welcome');

    for (const title of CONTENT.slice(1)) {
      await learner.next();
      await learner.seesPage(title);
    }
    await expect(progressText(run)).resolves.toBe('Pages done: 5 of 10');
    // Back to an earlier page: the position changes, the completion does not.
    await run.course.getByRole('button', { name: 'Social media is here to stay (done)' }).click();
    await learner.seesPage('Social media is here to stay');
    await expect(progressText(run)).resolves.toBe('Pages done: 5 of 10');
    items = await menuItems(run);
    expect(items[1]).toMatchObject({ current: 'page' });
    expect(items[5]).toEqual({ name: 'Scenario: the launch post', current: null, disabled: 'false' });
    expect(items[6]).toMatchObject({ disabled: 'true' });

    // By keyboard: Tab to a menu item and Enter opens that page, focus on its heading.
    const frame = courseFrame(run.page);
    await frame.focus('.skip-link');
    await tabTo(frame, run.page, /^Scenario: the launch post$/, 40);
    await run.page.keyboard.press('Enter');
    await learner.seesPage('Scenario: the launch post');
    await expect(frame.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Scenario: the launch post');

    const stored = await eventually(run.stored, (cmi) => cmi.location === 'launch-post', 20_000);
    await run.closeCourse();
    const again = await harness.launch({ standard: 'scorm2004', courseUrl: url, cmi: relaunchCmi('scorm2004', stored) });
    const back = new Learner(again.course);
    await back.seesPage('Social Media at Work');
    await back.begin('Resume');
    await back.seesPage('Scenario: the launch post');
    await expect(progressText(again)).resolves.toBe('Pages done: 5 of 10');
    expect(harness.pageErrors).toEqual([]);
  });

  it.each([320, 1280])('at %i px Next keeps its place on every page, and the menu is folded on narrow screens', async (width) => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: url });
    await run.page.setViewportSize({ width, height: 700 });
    await run.page.evaluate(([w]) => Object.assign(document.getElementById('course')!.style, { width: `${w}px`, height: '700px', position: 'fixed', inset: '0', border: '0' }), [width]);
    const learner = new Learner(run.course);
    await learner.begin();
    const menu = run.course.locator('#cp-menu');
    await expect(menu.evaluate((details: HTMLDetailsElement) => details.open)).resolves.toBe(width >= 1024);
    const next = run.course.getByRole('button', { name: 'Next', exact: true });
    const places = new Set<string>();
    for (const title of CONTENT) {
      await learner.seesPage(title);
      const box = (await next.boundingBox())!;
      places.add(`${Math.round(box.x)},${Math.round(box.y)}`);
      await learner.next();
    }
    // A page that is not done yet: the locked message shows, Next stays where it was.
    await learner.seesPage('Scenario: the launch post');
    await expect(run.course.getByText('Complete this page to continue.').isVisible()).resolves.toBe(true);
    const box = (await next.boundingBox())!;
    places.add(`${Math.round(box.x)},${Math.round(box.y)}`);
    expect([...places]).toHaveLength(1);
    if (width < 1024) {
      // Narrow: the menu opens from its summary, and choosing a page folds it again.
      await menu.locator('summary').click();
      await run.course.getByRole('button', { name: 'Welcome (done)' }).click();
      await learner.seesPage('Welcome');
      await expect(menu.evaluate((details: HTMLDetailsElement) => details.open)).resolves.toBe(false);
    }
  });

  it('with free navigation no page is locked: the menu opens the results before the quiz', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: free });
    const learner = new Learner(run.course);
    await learner.seesPage('Where each message goes');
    await expect(menuItems(run)).resolves.toEqual([
      { name: 'Where each message goes (done)', current: 'page', disabled: 'false' },
      { name: 'Every question type', current: null, disabled: 'false' },
      { name: 'Your results', current: null, disabled: 'false' },
    ]);
    // The progress text is a polite live region: it changes when a page is done, never while answering.
    await expect(run.course.locator('#cp-progress-text').getAttribute('aria-live')).resolves.toBe('polite');
    await run.course.getByRole('button', { name: 'Every question type' }).click();
    await learner.seesPage('Every question type');
    const frame = courseFrame(run.page);
    await frame.evaluate(() => {
      const w = window as unknown as { progressChanges: string[] };
      w.progressChanges = [];
      const text = document.getElementById('cp-progress-text')!;
      new MutationObserver(() => w.progressChanges.push(text.textContent ?? '')).observe(text, { childList: true, characterData: true, subtree: true });
    });
    await answerAll(learner, true);
    await learner.submitQuiz();
    await run.course.getByText(/You answered 7 of 7 questions correctly/).waitFor();
    await expect(frame.evaluate(() => (window as unknown as { progressChanges: string[] }).progressChanges)).resolves.toEqual(['Pages done: 2 of 3']);
    await run.course.getByRole('button', { name: 'Your results' }).click();
    await learner.seesPage('Your results');
    await expect(progressText(run)).resolves.toBe('Pages done: 3 of 3');
  });
});

describe('without an LMS', () => {
  it('the standalone notice is small and dismissable by keyboard, and stays dismissed for the session', async () => {
    const context = await harness.newContext();
    const page = await harness.open(context, url);
    const notice = page.locator('#cp-notice');
    await expect(notice.innerText()).resolves.toMatch(/No learning management system was found/);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page.mainFrame())).toEqual([]);
    }
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    await dismiss.focus();
    await page.keyboard.press('Enter');
    await expect(notice.isHidden()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Social Media at Work' }).waitFor();
    await expect(notice.isHidden()).resolves.toBe(true);
    // Another session (a new browser profile) is told again.
    const fresh = await harness.open(await harness.newContext(), url);
    await fresh.getByRole('heading', { level: 1, name: 'Social Media at Work' }).waitFor();
    await expect(fresh.locator('#cp-notice').isVisible()).resolves.toBe(true);
    expect(harness.pageErrors).toEqual([]);
  });

  it('prints the page without the course chrome, black on white', async () => {
    const page = await harness.open(await harness.newContext(), url);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor();
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const shown = await page.evaluate(() =>
      ['.course-nav', '.course-menu', '.notice', '.progress', '#page-welcome'].map((selector) => getComputedStyle(document.querySelector(selector)!).display !== 'none'),
    );
    expect(shown).toEqual([false, false, false, false, true]);
    await expect(page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.documentElement).backgroundColor])).resolves.toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  });
});
