// LMS profiles and the SCORM 2004 3rd Edition in the browser: packages built by the CLI, taken
// in chromium inside an LMS frame played by scorm-again's 2004 API. scorm-again has no 3rd
// Edition data model (its suspend_data takes 64000 characters whatever the edition), so the test
// reads what the course wrote and checks it against the 3rd Edition's own rules.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { runCli, tempDir } from '../cli/run-cli';
import { eventually, Harness, type LmsCall } from './harness';
import { toQuiz } from './flows';
import { Learner } from './learner';

const COURSE = join(__dirname, '../fixtures/valid/basic');
const LEARNER = { learner_name: 'Doe, Jane', learner_id: 'jdoe' };
const harness = new Harness();
let third: Record<'scorm2004-3rd', string>;
let successFactors: Record<'scorm2004', string>;
let plain: Record<'scorm2004', string>;

beforeAll(async () => {
  await harness.start();
  third = await harness.buildAndServe(COURSE, ['scorm2004-3rd']);
  successFactors = await harness.buildAndServe(COURSE, ['scorm2004'], 'sf-', ['--lms', 'successfactors']);
  plain = await harness.buildAndServe(COURSE, ['scorm2004'], 'plain-');
}, 60_000);
afterAll(() => harness.stop());

/** The elements of the SCORM 2004 3rd Edition RTE data model (RTE 4.2) a course may set; adl.data (4th) is not one. */
const THIRD_EDITION_ELEMENTS = /^(cmi\.(completion_status|success_status|progress_measure|location|suspend_data|exit|session_time|score\.(raw|min|max|scaled)|interactions\.\d+\.(id|type|description|timestamp|weighting|learner_response|result|latency|correct_responses\.\d+\.pattern|objectives\.\d+\.id)|objectives\.\d+\.[a-z_.]+|comments_from_learner\.\d+\.[a-z]+)|adl\.nav\.request)$/;

describe('SCORM 2004 3rd Edition package', () => {
  it('runs in the 2004 API: status, score and interactions read back; only 3rd Edition elements written; suspend data within 4000', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: third['scorm2004-3rd'], cmi: LEARNER });
    const learner = new Learner(run.course);
    await toQuiz(learner);
    await learner.pick('Banning social media removes the risk.', 'False');
    await learner.pick('What is the best approach?', 'Clear policy and training');
    await learner.pick('Who should help write the policy?', 'HR', 'Marketing');
    await learner.type('Which professional network is mentioned most?', 'LinkedIn');
    await learner.submitQuiz();
    await learner.next();
    await learner.attest('I have read the policy and will follow it.');
    await learner.next();
    await learner.seesPage('Results');
    await learner.finish();
    const cmi = await run.stored();
    expect(cmi).toMatchObject({ completion_status: 'completed', success_status: 'passed', score: { raw: '24', min: '0', max: '24', scaled: '1' }, exit: 'normal' });
    expect(Object.values<{ id: string; result: string }>(cmi.interactions).map((i) => `${i.id}:${i.result}`)).toEqual([
      'dilemma.first:correct',
      'dilemma.second:correct',
      'check.ban-works:correct',
      'check.best-approach:correct',
      'check.who-writes:correct',
      'check.network:correct',
      'acknowledge:neutral',
    ]);
    const sets = (await run.calls()).filter((call: LmsCall) => call.method === 'SetValue');
    expect(sets.length).toBeGreaterThan(20);
    expect(sets.map((call) => call.args[0]).filter((element) => !THIRD_EDITION_ELEMENTS.test(element!))).toEqual([]);
    for (const call of sets.filter((c) => c.args[0] === 'cmi.suspend_data')) expect(call.args[1]!.length).toBeLessThanOrEqual(4000);
    expect(await run.terminated()).toBe(1);

    // What support reads of this learner's suspend data with `coursepack inspect`.
    const out = tempDir();
    expect(runCli(['build', COURSE, '--target', 'scorm2004-3rd', '--out', out]).code).toBe(0);
    const inspected = runCli(['inspect', cmi.suspend_data, '--package', join(out, 'basic-scorm2004-3rd.zip')]);
    expect(inspected.stdout).toContain('  pages done     5 of 5\n');
    expect(inspected.stdout).toContain('  score          24 of 24 points (100 %), final, passed\n');
    expect(inspected.stdout).toContain('  status         completed / passed');
  }, 60_000);
});

describe('SuccessFactors keep-alive', () => {
  /** Opens the course with a fake clock and lets 31 minutes pass while the learner reads page 1; the commits made in that time. */
  async function commitsOver31Minutes(courseUrl: string): Promise<{ before: number; at: number[] }> {
    const context = await harness.newContext();
    await context.clock.install();
    const run = await harness.launch({ standard: 'scorm2004', courseUrl, cmi: LEARNER, context });
    const learner = new Learner(run.course);
    await learner.seesPage('Welcome');
    const commits = async () => (await run.calls()).filter((call) => call.method === 'Commit').length;
    const before = await commits();
    const at: number[] = [];
    // Minute by minute, so each keep-alive is seen at the minute it is made.
    for (let minute = 1; minute <= 31; minute++) {
      await run.page.clock.runFor(60_000);
      const now = await eventually(commits, (n) => n >= before + at.length, 5000);
      for (let k = before + at.length; k < now; k++) at.push(minute);
    }
    await context.close();
    return { before, at };
  }

  it('a course built with --lms successfactors commits every 10 minutes while the learner idles (31 simulated minutes)', async () => {
    const { at } = await commitsOver31Minutes(successFactors.scorm2004);
    expect(at).toEqual([10, 20, 30]);
  }, 120_000);

  it('the same course built without the profile makes no call while the learner idles', async () => {
    const { at } = await commitsOver31Minutes(plain.scorm2004);
    expect(at).toEqual([]);
  }, 120_000);
});
