// A learner clicks a link to a file of the course (a PDF) and sees an image written in Markdown:
// both come from the package itself, inside the LMS frame.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Harness } from './harness';
import { Learner } from './learner';

const harness = new Harness();
const FIXTURE = join(__dirname, '../fixtures/valid/linked-files');
let urls: Record<'scorm12' | 'scorm2004', string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(FIXTURE, ['scorm12', 'scorm2004']);
});
afterAll(() => harness.stop());

describe.each(['scorm12', 'scorm2004'] as const)('%s package', (standard) => {
  it('shows the Markdown image and opens the linked PDF and text file from the package', async () => {
    const run = await harness.launch({ standard, courseUrl: urls[standard] });
    await new Learner(run.course).seesPage('Introduction');
    const image = run.course.getByRole('img', { name: 'Shares per hour, rising after midnight' });
    await image.waitFor({ state: 'visible' });
    // An image that failed to load has no natural size.
    await expect(image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(120);

    for (const [name, file] of [['the policy', 'assets/policy.pdf'], ['the contact sheet', 'assets/contact sheet.txt']] as const) {
      const link = run.course.getByRole('link', { name });
      const answered = run.context.waitForEvent('response', { predicate: (response) => response.url().endsWith(`/${encodeURI(file)}`), timeout: 30_000 });
      const opened = run.context.waitForEvent('page', { timeout: 30_000 });
      await link.click();
      // A new tab asks the package for the file (a PDF may become a download in headless
      // chromium, which keeps no body: the link's address is fetched again below).
      const [response] = await Promise.all([answered, opened]);
      expect(response.status()).toBe(200);
      const bytes = await link.evaluate(async (a: HTMLAnchorElement) => Array.from(new Uint8Array(await (await fetch(a.href)).arrayBuffer())));
      expect(Buffer.from(bytes)).toEqual(readFileSync(join(FIXTURE, file)));
    }
    // The course stays where it was: links open beside it, not in the LMS frame.
    await expect(run.course.getByRole('heading', { level: 1, name: 'Introduction' }).isVisible()).resolves.toBe(true);
    await run.context.close();
  });
});
