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
let course: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  course = copyFixture('valid', 'translated');
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

it('after a save, shows the language on screen first and then still reports an error in another language', async () => {
  const frame = page.frameLocator('#course');
  await frame.getByRole('heading', { level: 1, name: 'A wobbly ladder' }).waitFor();
  const german = join(course, 'translations/de.xlf');
  const good = readFileSync(german, 'utf8');
  // A German target loses one of its inline codes: an error of the German package only.
  const broken = good.replace(/(<target[^>]*>(?:(?!<\/target>)[\s\S])*?)<ph\b[^>]*\/>/, '$1');
  expect(broken).not.toBe(good);
  writeFileSync(german, broken);
  await page.locator('#overlay').waitFor({ state: 'visible', timeout: 15000 });
  await expect(page.locator('#overlay').innerText()).resolves.toMatch(/de\.xlf:\d+:\d+/);
  writeFileSync(german, good);
  await page.locator('#overlay').waitFor({ state: 'hidden', timeout: 15000 });
  // An English edit while English is shown: the page shows it (checked in English first).
  const yaml = join(course, 'course.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('title: A wobbly ladder', 'title: A wobbly old ladder'));
  await frame.getByRole('heading', { level: 1, name: 'A wobbly old ladder' }).waitFor({ timeout: 15000 });
  await expect(page.locator('#overlay').isHidden()).resolves.toBe(true);
});
