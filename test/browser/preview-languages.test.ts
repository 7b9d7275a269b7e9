// The preview of a course in several languages: a Language switch in the panel relaunches the
// course in the chosen language, at the page the learner had reached (the LMS keeps the
// progress; page ids are the same in every language).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { copyFixture, runCli, tempDir } from '../cli/run-cli';
import { fillTargets, tagged } from '../translate/fill';
import { startPreview } from './preview-server';

let server: ChildProcess;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const course = copyFixture('valid', 'translated');
  const exported = join(tempDir(), 'de.xlf');
  runCli(['translate', 'export', course, '--lang', 'de', '-o', exported]);
  mkdirSync(join(course, 'translations'));
  writeFileSync(join(course, 'translations/de.xlf'), fillTargets(readFileSync(exported, 'utf8'), tagged));
  const preview = await startPreview(course);
  server = preview.server;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(`${preview.origin}/`);
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGINT');
});

it('switches the course between English and German, keeping the page reached', async () => {
  const frame = page.frameLocator('#course');
  const heading = (name: string) => frame.getByRole('heading', { level: 1, name });
  await heading('Welcome').waitFor();
  await expect(page.getByLabel('Language').locator('option').allInnerTexts()).resolves.toEqual(['en', 'de']);
  await frame.getByRole('button', { name: 'Next', exact: true }).click();
  await heading('A wobbly ladder').waitFor();
  await page.getByLabel('Language').selectOption('de');
  await heading('[de] A wobbly ladder').waitFor({ timeout: 15000 });
  await expect(frame.getByRole('button', { name: 'Zurück', exact: true }).count()).resolves.toBe(1);
  await page.getByLabel('Language').selectOption('en');
  await heading('A wobbly ladder').waitFor({ timeout: 15000 });
});
