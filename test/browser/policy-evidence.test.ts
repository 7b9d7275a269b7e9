// Policy evidence (issue 12): the attestation's record carries the policy version and the
// SHA-256 of the document as built, read back from scorm-again (SCORM 1.2 and 2004) and from
// the test LRS (xAPI and cmi5); the document is packaged and linked; the certificate names the
// version.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { type Cmi, eventually, Harness } from './harness';
import { Learner } from './learner';
import { cmi5Launch, expectValidOnce, xapiLaunch } from './lrs-launch';
import type { Standard } from './lms-page';
import { TestLrs } from './test-lrs';

const COURSE = join(__dirname, '../fixtures/valid/policy');
const SHA256 = createHash('sha256').update(readFileSync(join(COURSE, 'assets/policy.pdf'))).digest('hex');
const STATEMENT = 'I have read the policy and will follow it.';
const EXTENSION = 'urn:coursepack:xapi:policy';
const harness = new Harness();
const lrs = new TestLrs();
let urls: Record<Standard | 'xapi' | 'cmi5', string>;

beforeAll(async () => {
  await harness.start();
  await lrs.start();
  urls = await harness.buildAndServe(COURSE, ['scorm12', 'scorm2004', 'xapi', 'cmi5']);
});
afterAll(async () => {
  await harness.stop();
  await lrs.stop();
});
beforeEach(() => lrs.reset());

/** Reads the welcome page, follows the policy link's target, confirms, and reaches the results. */
async function signOff(course: FrameLocator | Page): Promise<void> {
  const learner = new Learner(course);
  await learner.seesPage('Welcome');
  await learner.next();
  await learner.seesPage('Acknowledgement');
  const link = course.getByRole('link', { name: 'Test Policy' });
  await expect(link.getAttribute('href')).resolves.toBe('assets/policy.pdf');
  await expect(course.locator('.policy').innerText()).resolves.toBe('Test Policy · version 2.1 · effective 2026-03-01');
  await learner.attest(STATEMENT);
  await learner.next();
  await learner.seesPage('Your results');
}

describe.each<Standard>(['scorm12', 'scorm2004'])('%s', (standard) => {
  it('records the policy version and the document hash in the attestation interaction; the certificate shows the version', async () => {
    const run = await harness.launch({ standard, courseUrl: urls[standard], cmi: standard === 'scorm12' ? { core: { student_name: 'Doe, Jane' } } : { learner_name: 'Doe, Jane' } });
    await signOff(run.course);
    await expect(run.course.locator('.certificate-policy').innerText()).resolves.toBe('Policy: Test Policy, version 2.1');
    await run.course.getByRole('button', { name: 'Finish course' }).click();
    const stored: Cmi = await eventually(run.stored, (cmi) => Object.keys(cmi.interactions ?? {}).length === 1);
    const interaction = stored.interactions['0'];
    expect(interaction.id).toBe(`acknowledge.v2.1.sha256-${SHA256}`);
    expect(interaction.id.length).toBeLessThanOrEqual(255);
    if (standard === 'scorm12') expect(interaction.student_response).toBe('t');
    else {
      expect(interaction.learner_response).toBe('true');
      expect(interaction.description).toBe(`Test Policy v2.1 SHA-256 ${SHA256}: ${STATEMENT}`);
    }
    // The package holds the document the hash is of.
    const served = await run.page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const digest = await crypto.subtle.digest('SHA-256', bytes);
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    }, urls[standard].replace('index.html', 'assets/policy.pdf'));
    expect(served).toBe(SHA256);
    expect(harness.pageErrors).toEqual([]);
    await run.context.close();
  });
});

describe('xAPI and cmi5', () => {
  const answered = (registration: string) => lrs.of(registration).find((s) => s.verb.id.endsWith('/answered'));

  it('xAPI: the answered statement carries version and hash in the activity definition and the result', async () => {
    const context = await harness.newContext();
    const registration = randomUUID();
    const page = await harness.open(context, xapiLaunch(lrs, urls.xapi, registration));
    await signOff(page);
    const statement = await eventually(async () => answered(registration), (s) => s !== undefined);
    expect(statement!.object.definition.extensions).toEqual({ [EXTENSION]: { title: 'Test Policy', version: '2.1', sha256: SHA256, document: 'assets/policy.pdf' } });
    expect(statement!.result.extensions).toEqual({ [EXTENSION]: { version: '2.1', sha256: SHA256 } });
    expect(statement!.result.response).toBe('true');
    expectValidOnce(lrs);
    await context.close();
  });

  it('cmi5: the same evidence in the answered statement', async () => {
    const context = await harness.newContext();
    const launch = cmi5Launch(lrs, urls.cmi5, {});
    const page = await harness.open(context, launch.url);
    await signOff(page);
    const statement = await eventually(async () => answered(launch.registration), (s) => s !== undefined);
    expect(statement!.object.definition.extensions[EXTENSION]).toMatchObject({ version: '2.1', sha256: SHA256 });
    expect(statement!.result.extensions[EXTENSION]).toEqual({ version: '2.1', sha256: SHA256 });
    expectValidOnce(lrs);
    await context.close();
  });
});
