// `coursepack preview`'s "answer right" on a page of required blocks opens every part, as a
// learner would, so a designer can walk on past it.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { repoRoot } from '../cli/run-cli';
import { startPreview } from './preview-server';

let server: ChildProcess;
let browser: Browser;
let origin = '';

beforeAll(async () => {
  ({ server, origin } = await startPreview(join(repoRoot, 'test/fixtures/valid/blocks')));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGINT');
});

it('"answer right" opens every part of the required blocks and unlocks Next', async () => {
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(`${origin}/`);
  const frame = page.frameLocator('#course');
  await frame.getByRole('heading', { level: 1, name: 'Blocks to read' }).waitFor();
  const option = await page.locator('#page option', { hasText: 'Blocks to open' }).getAttribute('value');
  await page.selectOption('#page', option!);
  await frame.getByRole('heading', { level: 1, name: 'Blocks to open' }).waitFor();
  await expect(frame.getByRole('button', { name: 'Next', exact: true }).isDisabled()).resolves.toBe(true);
  await page.click('#answer-right');
  await frame.getByText('Opened: 10 of 10').waitFor();
  await expect(frame.getByRole('button', { name: 'Next', exact: true }).isDisabled()).resolves.toBe(false);
});
