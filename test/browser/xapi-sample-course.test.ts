// The sample course as a Tin Can package: a learner takes it from start to finish and the LRS
// receives a valid, complete statement stream.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { eventually, Harness } from './harness';
import { Learner } from './learner';
import { ANGRY_CUSTOMER, LAUNCH_POST, readContent, SAMPLE_COURSE, scenario, STATEMENT, takeQuiz } from './sample-course';
import { TestLrs } from './test-lrs';

const harness = new Harness();
const lrs = new TestLrs();
let urls: Record<'xapi', string>;
const IRI = 'https://learning.example.com/courses/social-media-policy';

beforeAll(async () => {
  await harness.start();
  await lrs.start();
  urls = await harness.buildAndServe(SAMPLE_COURSE, ['xapi']);
});
afterAll(async () => {
  await harness.stop();
  await lrs.stop();
});

it('a learner takes the whole sample course; the LRS gets every page, answer and decision, then completed, passed, terminated', async () => {
  const registration = randomUUID();
  const actor = { objectType: 'Agent', name: 'Jane Doe', mbox: 'mailto:jane.doe@example.com' };
  const query = new URLSearchParams({ endpoint: lrs.endpoint, auth: 'Basic dGVzdDp0ZXN0', actor: JSON.stringify(actor), registration, activity_id: IRI });
  const context = await harness.newContext();
  const page = await harness.open(context, `${urls.xapi}?${query.toString()}`);
  const learner = new Learner(page);
  await readContent(learner, page);
  await scenario(learner, 'Scenario: the launch post', LAUNCH_POST);
  await scenario(learner, 'Scenario: the angry customer', ANGRY_CUSTOMER);
  expect(await takeQuiz(learner, page, true)).toBe(8);
  await learner.next();
  await learner.attest(STATEMENT);
  await learner.next();
  await learner.finish();

  const sequence = await eventually(async () => lrs.sequence(registration), (s) => s.at(-1)?.startsWith('terminated') ?? false);
  const pages = ['welcome', 'here-to-stay', 'customers-are-there', 'people-make-mistakes', 'new-normal', 'launch-post', 'angry-customer', 'knowledge-check', 'acknowledge', 'results'];
  expect(sequence.filter((s) => s.startsWith('experienced'))).toEqual(pages.map((p) => `experienced ${IRI}/${p}`));
  const answered = sequence.filter((s) => s.startsWith('answered')).map((s) => s.slice(`answered ${IRI}/`.length));
  expect(answered.filter((a) => a.startsWith('launch-post/'))).toHaveLength(3);
  expect(answered.filter((a) => a.startsWith('angry-customer/'))).toHaveLength(3);
  expect(answered.filter((a) => a.startsWith('knowledge-check/'))).toHaveLength(8);
  expect(answered.filter((a) => a === 'acknowledge')).toHaveLength(1);
  expect(sequence[0]).toBe(`initialized ${IRI}`);
  expect(sequence.slice(-3)).toEqual([`completed ${IRI}`, `passed ${IRI}`, `terminated ${IRI}`]);
  expect(lrs.statements.flatMap((s) => s.problems)).toEqual([]);
  const passed = lrs.of(registration).find((s) => s.verb.id.endsWith('/passed'))!;
  expect(passed.result.score).toEqual({ scaled: 1, raw: 100, min: 0, max: 100 });
  await context.close();
});
