// A relaunch restores the learner's place without telling the LMS anything it already knows:
// every SetValue and Commit after the relaunch is read, and the first bookmark written is the
// page the learner sees (restoring a finished scenario once wrote the first page and committed).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { eventually, Harness, relaunchCmi, type Cmi, type LmsCall } from './harness';
import { toQuiz } from './flows';
import { Learner } from './learner';
import type { Standard } from './lms-page';

const COURSE = join(__dirname, '../fixtures/valid/basic');
const harness = new Harness();
let urls: Record<Standard, string>;

beforeAll(async () => {
  await harness.start();
  urls = await harness.buildAndServe(COURSE, ['scorm12', 'scorm2004']);
});
afterAll(() => harness.stop());

const LEARNER: Record<Standard, Cmi> = {
  scorm12: { core: { student_name: 'Doe, Jane', student_id: 'jdoe' } },
  scorm2004: { learner_name: 'Doe, Jane', learner_id: 'jdoe' },
};
const LOCATION: Record<Standard, string> = { scorm12: 'cmi.core.lesson_location', scorm2004: 'cmi.location' };
const WRITES = new Set(['LMSSetValue', 'SetValue', 'LMSCommit', 'Commit']);

const writes = (calls: LmsCall[]) => calls.filter((call) => WRITES.has(call.method));

describe.each<Standard>(['scorm12', 'scorm2004'])('%s relaunch', (standard) => {
  it('writes and commits nothing until the learner acts; the first bookmark written is the page shown', async () => {
    const first = await harness.launch({ standard, courseUrl: urls[standard], cmi: LEARNER[standard] });
    const learner = new Learner(first.course);
    await toQuiz(learner);
    await first.closeCourse();
    const stored = await first.stored();

    const second = await harness.launch({ standard, courseUrl: urls[standard], cmi: relaunchCmi(standard, stored, LEARNER[standard]), context: first.context });
    const again = new Learner(second.course);
    await again.seesPage('Check your knowledge');
    // The finished scenario is restored (its debrief is there) and the LMS heard nothing of it.
    await second.course.getByText('Your decisions').waitFor({ state: 'attached' });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(writes(await second.calls())).toEqual([]);

    await again.pick('Banning social media removes the risk.', 'False');
    await again.pick('What is the best approach?', 'Clear policy and training');
    await again.pick('Who should help write the policy?', 'HR', 'Marketing');
    await again.type('Which professional network is mentioned most?', 'LinkedIn');
    await again.submitQuiz();
    const calls = await eventually(second.calls, (list) => writes(list).some((call) => call.args[0] === LOCATION[standard]));
    const firstBookmark = writes(calls).find((call) => call.args[0] === LOCATION[standard]);
    expect(firstBookmark?.args[1]).toBe('check');
  });
});
