// `multi-language: true` as a learner meets it: one package holding English and German opens in
// the language the LMS says the learner prefers (SCORM 2004 cmi.learner_preference.language,
// SCORM 1.2 cmi.student_preference.language), and the header's language switch changes the
// language in place, the pages done and answers kept, the LMS seeing one session and the same
// interaction ids.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { copyFixture, runCli, tempDir } from '../cli/run-cli';
import { fillTargets, tagged } from '../translate/fill';
import { axeViolations, courseFrame, layoutProblems } from './axe';
import { type Cmi, eventually, Harness } from './harness';
import { Learner } from './learner';
import { ACTOR, cmi5Launch } from './lrs-launch';
import { TestLrs, verbOf } from './test-lrs';

const UI = {
  en: JSON.parse(readFileSync(join(__dirname, '../../templates/strings/en.json'), 'utf8')) as Record<string, string>,
  de: JSON.parse(readFileSync(join(__dirname, '../../templates/strings/de.json'), 'utf8')) as Record<string, string>,
};
const harness = new Harness();
const lrs = new TestLrs();
const urls = { scorm12: '', scorm2004: '', cmi5: '', seat: '' };
let out = '';

/** A copy of a valid fixture in English and German ("[de] …"), built as one multi-language package. */
function multiLanguage(fixture: string): string {
  const course = copyFixture('valid', fixture);
  const yaml = readFileSync(join(course, 'course.yaml'), 'utf8');
  if (!yaml.includes('languages:')) writeFileSync(join(course, 'course.yaml'), yaml.replace(/^language: en$/m, 'language: en\nlanguages: [en, de]'));
  const exported = join(tempDir(), `${fixture}-de.xlf`);
  expect(runCli(['translate', 'export', course, '--lang', 'de', '-o', exported]).code).toBe(0);
  mkdirSync(join(course, 'translations'));
  writeFileSync(join(course, 'translations/de.xlf'), fillTargets(readFileSync(exported, 'utf8'), tagged));
  appendFileSync(join(course, 'course.yaml'), 'multi-language: true\n');
  return course;
}

beforeAll(async () => {
  await harness.start();
  await lrs.start();
  const course = multiLanguage('translated');
  out = tempDir();
  const built = runCli(['build', course, '--target', 'scorm12,scorm2004,cmi5', '--out', out]);
  expect(built.stderr).toBe('');
  const seat = multiLanguage('seat-time');
  expect(runCli(['build', seat, '--target', 'scorm2004', '--out', out]).stderr).toBe('');
  urls.seat = await harness.serveZip(join(out, 'seat-time-scorm2004.zip'), 'multi-seat');
  for (const target of ['scorm12', 'scorm2004', 'cmi5'] as const) urls[target] = await harness.serveZip(join(out, `translated-${target}.zip`), `multi-${target}`);
});
afterAll(async () => {
  await harness.stop();
  await lrs.stop();
});

type Course = FrameLocator | Page;
const button = (course: Course, name: string) => course.getByRole('button', { name, exact: true });
const switcher = (course: Course, language: 'en' | 'de') => course.getByRole('combobox', { name: UI[language].language });

/** Welcome and the scenario, in German; then the quiz page. */
async function firstPagesInGerman(course: Course): Promise<void> {
  await course.getByRole('heading', { level: 1, name: tagged('Welcome') }).waitFor();
  await expect(course.locator('html').getAttribute('lang')).resolves.toBe('de');
  await button(course, UI.de.next!).click();
  await course.getByRole('heading', { level: 1, name: tagged('A wobbly ladder') }).waitFor();
  await button(course, tagged('Stop and steady it')).click();
  await course.locator('[data-continue]').click();
  await course.getByText(tagged('Well done.')).waitFor();
  await button(course, UI.de.next!).click();
  await course.getByRole('heading', { level: 1, name: tagged('Check your knowledge') }).waitFor();
}

/** Switches to English on the quiz page: the same page, in English, with the progress kept; then the quiz and Finish. */
async function restInEnglish(course: Course): Promise<void> {
  await course.getByRole('radio', { name: tagged('Three'), exact: true }).check();
  await switcher(course, 'de').selectOption('en');
  await course.getByRole('heading', { level: 1, name: 'Check your knowledge' }).waitFor();
  await expect(course.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expect(course.locator('html').getAttribute('dir')).resolves.toBe('ltr');
  // The switch keeps focus (its DOM was replaced) and now says the language in English.
  await expect(switcher(course, 'en').evaluate((select) => select === document.activeElement)).resolves.toBe(true);
  await expect(course.locator('#cp-progress').getAttribute('value')).resolves.toBe('2');
  await button(course, UI.en.back!).click();
  await course.getByRole('heading', { level: 1, name: 'A wobbly ladder' }).waitFor();
  await course.getByText('Well done.').waitFor();
  await button(course, UI.en.next!).click();
  await course.getByRole('radio', { name: 'Three', exact: true }).check();
  await course.getByRole('textbox', { name: UI.en.yourAnswer }).fill('ladder');
  await button(course, UI.en.submitAnswers!).click();
  await course.getByText('Right.').waitFor();
  await button(course, UI.en.next!).click();
  await course.getByRole('heading', { level: 1, name: UI.en.resultsTitle }).waitFor();
  await button(course, 'Finish the training').click();
}

describe('a multi-language package (English and German)', () => {
  it('is one package per target, its manifest titled in both languages, the German page waiting in a template', () => {
    expect(existsSync(join(out, 'translated-de-scorm2004.zip'))).toBe(false);
    const zip = join(out, 'translated-scorm2004.zip');
    const manifest = execFileSync('unzip', ['-p', zip, 'imsmanifest.xml'], { encoding: 'utf8' });
    expect(manifest).toContain(`<lom:string language="en">Working Safely</lom:string><lom:string language="de">${tagged('Working Safely')}</lom:string>`);
    const html = execFileSync('unzip', ['-p', zip, 'index.html'], { encoding: 'utf8' });
    expect(html).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    expect(html).toContain('<template data-lang="de" data-dir="ltr"');
    // The runtime is loaded once: a script cloned out of a template would run again.
    expect(html.match(/<script src="coursepack.js">/g)).toHaveLength(1);
  });

  it('SCORM 2004: opens in German for a learner who prefers it; switching to English keeps progress and interaction ids', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004, cmi: { learner_preference: { language: 'de' } } });
    await firstPagesInGerman(run.course);
    await expect(switcher(run.course, 'de').inputValue()).resolves.toBe('de');
    // Each option names its language in that language, marked so a screen reader says it so.
    await expect(run.course.locator('#cp-language option').evaluateAll((options) => options.map((o) => `${o.getAttribute('lang')}:${o.textContent}`))).resolves.toEqual(['en:English', 'de:Deutsch']);
    const frame = courseFrame(run.page, 'multi-scorm2004');
    await expect(axeViolations(frame)).resolves.toEqual([]);
    await restInEnglish(run.course);
    await expect(axeViolations(frame)).resolves.toEqual([]);
    await run.page.setViewportSize({ width: 320, height: 640 });
    await run.page.evaluate(() => Object.assign(document.getElementById('course')!.style, { width: '320px', height: '640px', position: 'fixed', inset: '0' }));
    await expect(layoutProblems(frame)).resolves.toEqual([]);
    const cmi: Cmi = await eventually(() => run.stored(), (stored) => stored.completion_status === 'completed', 10000);
    expect(cmi.success_status).toBe('passed');
    const ids = Object.values<Cmi>(cmi.interactions ?? {}).map((interaction) => String(interaction.id));
    expect(ids).toEqual(['decide.wobble', 'quiz.contact', 'quiz.name']);
    const initialized = (await run.calls()).filter((call) => call.method === 'Initialize');
    expect(initialized).toHaveLength(1);
    expect(harness.pageErrors).toEqual([]);
    await run.context.close();
  });

  it('SCORM 1.2: cmi.student_preference.language picks German likewise', async () => {
    const run = await harness.launch({ standard: 'scorm12', courseUrl: urls.scorm12, cmi: { student_preference: { language: 'de' } } });
    await firstPagesInGerman(run.course);
    await restInEnglish(run.course);
    const cmi: Cmi = await eventually(() => run.stored(), (stored) => stored.core?.lesson_status === 'passed', 10000);
    expect(Object.values<Cmi>(cmi.interactions ?? {}).map((interaction) => String(interaction.id))).toEqual(['decide.wobble', 'quiz.contact', 'quiz.name']);
    expect(harness.pageErrors).toEqual([]);
    await run.context.close();
  });

  it('cmi5: languagePreference from the cmi5LearnerPreferences agent profile picks German (de-DE → de); one session across a switch', async () => {
    lrs.setProfile(ACTOR, 'cmi5LearnerPreferences', { languagePreference: 'fr-FR,de-DE' });
    const { url, registration } = cmi5Launch(lrs, urls.cmi5, {});
    const context = await harness.newContext();
    const page = await harness.open(context, url);
    await page.getByRole('heading', { level: 1, name: tagged('Welcome') }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await switcher(page, 'de').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor();
    await button(page, UI.en.next!).click();
    await page.getByRole('heading', { level: 1, name: 'A wobbly ladder' }).waitFor();
    const sequence = await eventually(async () => lrs.sequence(registration), (entries) => entries.some((entry) => entry.startsWith('experienced') && entry.endsWith('/decide')), 10000);
    expect(sequence.filter((entry) => entry.startsWith('initialized'))).toHaveLength(1);
    // Each page's statement names it in the language shown, under that language's tag.
    const viewed = (page: string) => lrs.of(registration).find((statement) => verbOf(statement) === 'experienced' && statement.object.id.endsWith(`/${page}`));
    expect({ name: viewed('welcome')?.object.definition.name, language: viewed('welcome')?.context.language }).toEqual({ name: { de: tagged('Welcome') }, language: 'de' });
    expect({ name: viewed('decide')?.object.definition.name, language: viewed('decide')?.context.language }).toEqual({ name: { en: 'A wobbly ladder' }, language: 'en' });
    expect(harness.pageErrors).toEqual([]);
    await context.close();
  });

  it('without a preference from the LMS, opens in the browser\'s language, else the source', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.scorm2004 });
    // Headless chromium's language is en-US: the source's page stays.
    await run.course.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor();
    await expect(run.course.locator('html').getAttribute('lang')).resolves.toBe('en');
    await run.context.close();
  });

  it('seat time: the clock goes on across switches (one countdown, one idle prompt, session_time whole), back to the source language too', async () => {
    const context = await harness.newContext();
    await context.clock.install();
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.seat, context });
    const { course, page } = run;
    const learner = new Learner(course);
    await learner.seesPage('Reading');
    const activeFor = async (seconds: number) => {
      for (let s = 0; s < seconds; s += 10) {
        await page.mouse.move(200 + (s % 20), 200);
        await context.clock.runFor(10_000);
      }
    };
    const secondsLeft = async () => {
      const [, minutes, seconds] = (await course.locator('#cp-seat [data-clock]').innerText()).match(/(\d+):(\d\d)/) ?? [];
      return Number(minutes) * 60 + Number(seconds);
    };
    await activeFor(60);
    await switcher(course, 'en').selectOption('de');
    await course.getByRole('heading', { level: 1, name: tagged('Reading') }).waitFor();
    const left = await secondsLeft();
    expect(left).toBeGreaterThan(100);
    expect(left).toBeLessThan(130);
    // Idle: one "Still there?", in German; the English page's clock is gone with its page.
    await context.clock.runFor(70_000);
    await course.getByRole('dialog', { name: UI.de.stillThere }).waitFor({ state: 'visible' });
    expect(harness.pageErrors).toEqual([]);
    await course.getByRole('dialog', { name: UI.de.stillThere }).getByRole('button', { name: UI.de.continue }).click();
    await switcher(course, 'de').selectOption('en');
    await learner.seesPage('Reading');
    await activeFor(left + 10);
    const next = course.getByRole('button', { name: UI.en.next, exact: true });
    await eventually(() => next.isEnabled(), (enabled) => enabled);
    await next.click();
    await learner.seesPage('More reading');
    await next.click();
    await learner.attest('I have read the policy and will follow it.');
    await activeFor(70);
    await eventually(() => next.isEnabled(), (enabled) => enabled);
    await next.click();
    await learner.finish();
    const stored: Cmi = await eventually(run.stored, (cmi) => Boolean(cmi.session_time));
    // Every active second of the session, not only those since the last switch.
    const [, m = '0', sec = '0'] = String(stored.session_time).match(/^PT(?:(\d+)M)?(?:([\d.]+)S)?$/) ?? [];
    expect(Number(m) * 60 + Number(sec)).toBeGreaterThanOrEqual(235);
    expect(harness.pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
