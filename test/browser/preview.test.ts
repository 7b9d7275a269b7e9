// `coursepack preview` as a designer uses it: the CLI as a subprocess, the preview page in
// chromium. The course plays in each standard inside the simulated LMS, the data panel shows what
// that LMS holds, the controls jump, answer, reset and relaunch, and saving a course file
// relaunches the course at the same page — or shows the errors over it until they are fixed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { repoRoot, tempDir } from '../cli/run-cli';
import { startPreview } from './preview-server';

const course = join(tempDir(), 'basic');
const courseFile = join(course, 'course.yaml');
let server: ChildProcess;
let origin = '';
let readOutput = () => '';
let browser: Browser;
let page: Page;
let frame: FrameLocator;

beforeAll(async () => {
  cpSync(join(repoRoot, 'test/fixtures/valid/basic'), course, { recursive: true });
  const preview = await startPreview(course);
  server = preview.process;
  origin = preview.origin;
  readOutput = preview.output;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(`${origin}/`);
  frame = page.frameLocator('#course');
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGINT');
});

const heading = (name: string) => frame.getByRole('heading', { level: 1, name });
const status = (term: string) => page.locator(`#status dd[data-status="${term}"]`);
/** What scorm-again, the simulated LMS, holds right now. */
const cmi = () => page.evaluate(() => ((window as any).API_1484_11 ?? (window as any).API).renderCMIToJSONObject().cmi);

/** Waits until the value read is the one expected (the panel refreshes twice a second). */
async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 10000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (value !== expected && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  expect(value).toEqual(expected);
}

async function jumpTo(title: string): Promise<void> {
  const option = await page.locator('#page option', { hasText: title }).getAttribute('value');
  await page.selectOption('#page', option!);
  await heading(title).waitFor();
}

/** Saves course.yaml as an editor does, with one text replaced. */
function edit(from: string | RegExp, to: string): void {
  writeFileSync(courseFile, readFileSync(courseFile, 'utf8').replace(from, to));
}

describe('coursepack preview', () => {
  it('plays the course in a SCORM 2004 LMS; the panel shows what scorm-again holds', async () => {
    await heading('Welcome').waitFor();
    await expect(page.locator('#course-title').innerText()).resolves.toBe('Basic course & friends');
    await jumpTo('Check your knowledge');
    await page.click('#answer-right');
    await frame.getByText('You answered 4 of 4 questions correctly.').waitFor();
    await until(async () => (await cmi()).location, 'check');
    await until(() => status('Bookmark').innerText(), 'check');
    const held = await cmi();
    await until(() => status('Completion').innerText(), held.completion_status);
    await until(async () => (await page.locator('#model').innerText()).includes(`cmi.interactions.0.id\t${held.interactions['0'].id}`), true);
    await expect(page.locator('#suspend-size').innerText()).resolves.toMatch(/^\d+ of 64000 characters/);
  });

  it('saving course.yaml relaunches the course at the same page with its state', async () => {
    edit('title: Check your knowledge', 'title: Check what you know');
    await heading('Check what you know').waitFor({ timeout: 15000 });
    // Still graded: the state came back with the relaunch.
    await frame.getByText('You answered 4 of 4 questions correctly.').waitFor();
    expect(await page.locator('#overlay').isHidden()).toBe(true);
  });

  it('a broken save shows the errors over the preview with file, line and column; the fix removes them', async () => {
    edit('title: Check what you know', 'title: [Check what you know');
    await page.locator('#overlay').waitFor({ state: 'visible', timeout: 15000 });
    const text = await page.locator('#overlay-text').innerText();
    expect(text).toMatch(/course\.yaml:\d+:\d+ error/);
    expect(text).toContain('> ');
    await expect(page.locator('#build-state').innerText()).resolves.toContain('has errors');
    expect(readOutput()).toMatch(/course\.yaml:\d+:\d+ error/);
    edit('title: [Check what you know', 'title: Check what you know');
    await page.locator('#overlay').waitFor({ state: 'hidden', timeout: 15000 });
    await heading('Check what you know').waitFor();
  });

  it('close and relaunch resumes; reset starts a new attempt', async () => {
    await page.click('#relaunch');
    await heading('Check what you know').waitFor();
    await frame.getByText('You answered 4 of 4 questions correctly.').waitFor();
    await page.click('#reset');
    await heading('Welcome').waitFor();
    await until(async () => Object.keys((await cmi()).interactions ?? {}).length, 0);
  });

  it('the learner name, mastery score and launch mode go to the LMS at the next launch', async () => {
    await page.fill('#learner', 'Roe, Richard');
    await page.fill('#mastery', '50');
    await page.selectOption('#mode', 'review');
    await page.locator('#mastery').dispatchEvent('change');
    await until(async () => (await cmi()).mode, 'review');
    const held = await cmi();
    expect(held).toMatchObject({ learner_name: 'Roe, Richard', scaled_passing_score: '0.5' });
    // This attempt is not finished: the course says so, and that nothing is recorded.
    await frame.getByText(/opened this course for review only, but you have not finished it: nothing you do now is recorded/).waitFor();
    await page.selectOption('#mode', 'normal');
    await until(async () => (await cmi()).mode, 'normal');
  });

  it.each([
    ['scorm12', 'Status'],
    ['xapi', 'Statements'],
    ['cmi5', 'Statements'],
  ])('plays in %s and the panel follows', async (standard, term) => {
    await page.selectOption('#standard', standard);
    await page.waitForFunction((std) => (document.querySelector('#course') as HTMLIFrameElement).contentWindow?.location.pathname.startsWith(`/course/${std}/`), standard);
    await heading('Welcome').waitFor();
    await jumpTo('A dilemma');
    await page.click('#answer-right');
    await frame.getByText('It went well.').waitFor();
    if (standard === 'scorm12') await until(async () => (await cmi()).core.lesson_location, 'dilemma');
    await until(() => status('Bookmark').innerText(), 'dilemma', 10000);
    await expect(status(term).innerText()).resolves.not.toBe('');
    if (standard !== 'scorm12') {
      await until(async () => /answered .*\/dilemma\/first/.test(await page.locator('#log').innerText()), true);
    }
  });

  it('width presets resize the course frame', async () => {
    await page.click('[data-width="320"]');
    await until(() => page.locator('#frame-box').evaluate((box) => box.getBoundingClientRect().width), 320);
    await page.click('[data-width=""]');
  });
});
