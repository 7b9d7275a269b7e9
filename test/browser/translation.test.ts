// The translation round trip as a user makes it: translate export → a CAT tool fills every
// target (inline codes kept) → build → the German package in chromium shows the German texts,
// its formatting and link intact, German buttons (and the course's own UI string, translated),
// and reports to the LMS and the LRS under exactly the ids of the English package.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { copyFixture, runCli, tempDir } from '../cli/run-cli';
import { fillTargets, tagged } from '../translate/fill';
import { type Cmi, eventually, Harness } from './harness';
import { ACTOR } from './lrs-launch';
import { SAMPLE_COURSE } from './sample-course';
import { TestLrs } from './test-lrs';

type Course = FrameLocator | Page;
type Language = 'en' | 'de';
const UI: Record<Language, Record<string, string>> = {
  en: JSON.parse(readFileSync(join(__dirname, '../../templates/strings/en.json'), 'utf8')),
  de: JSON.parse(readFileSync(join(__dirname, '../../templates/strings/de.json'), 'utf8')),
};
const COURSE_IRI = 'urn:coursepack:course:translated';

const harness = new Harness();
const lrs = new TestLrs();
const urls = {} as Record<`${Language}-${'scorm2004' | 'xapi'}`, string>;
let sampleUrl = '';

beforeAll(async () => {
  await harness.start();
  await lrs.start();
  const course = copyFixture('valid', 'translated');
  const exported = join(tempDir(), 'de.xlf');
  expect(runCli(['translate', 'export', course, '--lang', 'de', '-o', exported]).code).toBe(0);
  mkdirSync(join(course, 'translations'));
  writeFileSync(join(course, 'translations/de.xlf'), fillTargets(readFileSync(exported, 'utf8'), tagged));
  const out = tempDir();
  const built = runCli(['build', course, '--target', 'scorm2004,xapi', '--out', out]);
  expect(built.stderr).toBe('');
  for (const language of ['en', 'de'] as const) {
    for (const target of ['scorm2004', 'xapi'] as const) urls[`${language}-${target}`] = await harness.serveZip(join(out, `translated-${language}-${target}.zip`), `${language}-${target}`);
  }
  expect(runCli(['build', SAMPLE_COURSE, '--target', 'scorm2004', '--lang', 'de', '--out', out]).code).toBe(0);
  sampleUrl = await harness.serveZip(join(out, 'social-media-policy-de-scorm2004.zip'), 'sample-de');
});
afterAll(async () => {
  await harness.stop();
  await lrs.stop();
});

/** "[de] Welcome" in German, "Welcome" in English. */
const say = (language: Language, text: string) => (language === 'de' ? tagged(text) : text);
const button = (course: Course, name: string) => course.getByRole('button', { name, exact: true });

/** Takes the course with the right answers, checking the page is in `language` on the way. */
async function takeCourse(course: Course, language: Language): Promise<void> {
  const ui = UI[language];
  await course.getByRole('heading', { level: 1, name: say(language, 'Welcome') }).waitFor();
  // Emphasis and the link came back around their translated words.
  await expect(course.locator('strong').filter({ hasText: say(language, 'every') }).count()).resolves.toBe(1);
  await expect(course.getByRole('link', { name: say(language, 'the safety rules') }).getAttribute('href')).resolves.toBe('https://example.com/rules');
  await expect(course.getByRole('listitem').filter({ hasText: say(language, 'Ask for help.') }).count()).resolves.toBe(1);
  await expect(course.getByRole('img', { name: say(language, 'A ladder leaning against a wall.') }).count()).resolves.toBe(1);
  await button(course, ui.next as string).click();
  await course.getByRole('heading', { level: 1, name: say(language, 'A wobbly ladder') }).waitFor();
  await button(course, say(language, 'Stop and steady it')).click();
  await course.locator('[data-continue]').click();
  await course.getByText(say(language, 'Well done.')).waitFor();
  await button(course, ui.next as string).click();
  await course.getByRole('heading', { level: 1, name: say(language, 'Check your knowledge') }).waitFor();
  await course.getByRole('radio', { name: say(language, 'Three'), exact: true }).check();
  await course.getByRole('textbox', { name: ui.yourAnswer }).fill(say(language, 'ladder'));
  await button(course, ui.submitAnswers as string).click();
  await course.getByText(say(language, 'Right.')).waitFor();
  await button(course, ui.next as string).click();
  await course.getByRole('heading', { level: 1, name: ui.resultsTitle }).waitFor();
  // The course's own wording of the Finish button, translated with the rest.
  await button(course, say(language, 'Finish the training')).click();
}

describe('the German package built from a filled XLIFF file', () => {
  it('SCORM 2004: German texts, German UI, lang="de"; the interactions have the English package\'s ids', async () => {
    const ids: Record<Language, string[]> = { en: [], de: [] };
    for (const language of ['en', 'de'] as const) {
      const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls[`${language}-scorm2004`] });
      await takeCourse(run.course, language);
      const lang = await run.course.locator('html').getAttribute('lang');
      expect(lang).toBe(language);
      const cmi: Cmi = await eventually(() => run.stored(), (stored) => Object.keys(stored.interactions ?? {}).length > 0 && stored.completion_status === 'completed', 10000);
      ids[language] = Object.values<Cmi>(cmi.interactions ?? {}).map((interaction) => String(interaction.id));
      expect(cmi.success_status).toBe('passed');
      await run.context.close();
    }
    expect(ids.de.length).toBeGreaterThan(0);
    expect(ids.de).toEqual(ids.en);
  });

  it('xAPI: the statements of the German package have the activity ids of the English one, with German names', async () => {
    const streams: Record<Language, string[]> = { en: [], de: [] };
    const names: Record<Language, unknown> = { en: undefined, de: undefined };
    for (const language of ['en', 'de'] as const) {
      const registration = randomUUID();
      const query = new URLSearchParams({ endpoint: lrs.endpoint, auth: 'Basic dGVzdDp0ZXN0', actor: JSON.stringify(ACTOR), registration, activity_id: COURSE_IRI });
      const context = await harness.newContext();
      const page = await harness.open(context, `${urls[`${language}-xapi`]}?${query.toString()}`);
      await takeCourse(page, language);
      streams[language] = await eventually(async () => lrs.sequence(registration), (sequence) => sequence.some((entry) => entry.startsWith('terminated')), 10000);
      names[language] = lrs.of(registration).find((statement) => statement.verb.id.endsWith('/completed'))?.object.definition?.name;
      await context.close();
    }
    expect(streams.de.some((entry) => entry.startsWith('answered'))).toBe(true);
    expect(streams.de).toEqual(streams.en);
    expect(names).toEqual({ en: { en: 'Working Safely' }, de: { de: '[de] Working Safely' } });
    expect(lrs.statements.flatMap((statement) => statement.problems)).toEqual([]);
  });
});

describe('the sample course in German (translations/de.xlf, written by us)', () => {
  it('reads in German from the first page to the scenario: headings, text, image description, buttons', async () => {
    const { course, page } = await harness.launch({ standard: 'scorm2004', courseUrl: sampleUrl });
    const next = button(course, UI.de.next as string);
    // The cover comes first: the course's German title, and Start in German.
    await course.getByRole('heading', { level: 1, name: 'Social Media am Arbeitsplatz' }).waitFor();
    await button(course, UI.de.start as string).click();
    await course.getByRole('heading', { level: 1, name: 'Willkommen' }).waitFor();
    await expect(course.getByRole('button', { name: 'Vier Gründe, warum diese Schulung wichtig ist' }).count()).resolves.toBe(0);
    await expect(course.getByText('Vier Gründe, warum diese Schulung wichtig ist').count()).resolves.toBe(1);
    await expect(course.locator('main strong:visible').allInnerTexts()).resolves.toEqual(['warum', 'wie']);
    await expect(course.locator('main li:visible').first().innerText()).resolves.toBe('vier kurze Seiten darüber lesen, warum diese Schulung wichtig ist;');
    for (const title of ['Social Media bleiben', 'Unsere Kunden reden bereits', 'Wir alle sind Menschen', 'Das ist die neue Normalität']) {
      await next.click();
      await course.getByRole('heading', { level: 1, name: title }).waitFor();
      if (title === 'Unsere Kunden reden bereits') await expect(course.getByRole('img', { name: /^Diagramm: Sie in der Mitte/ }).count()).resolves.toBe(1);
      if (title === 'Das ist die neue Normalität') await course.getByText('Ist es öffentlich?').waitFor();
    }
    await next.click();
    await course.getByRole('heading', { level: 1, name: 'Szenario: der Beitrag zur Produkteinführung' }).waitFor();
    await course.getByText('Produktentwicklerin (Sie)').waitFor();
    await button(course, 'Das Kommunikationsteam fragen, was wann geteilt werden darf').click();
    await course.getByText('Gute Entscheidung.', { exact: false }).first().waitFor();
    expect(harness.pageErrors).toEqual([]);
    await page.context().close();
  });
});
