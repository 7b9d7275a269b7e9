/** @jest-environment jsdom */
// The browser's copy of committed progress, for LMSs that say "true" and store nothing.
import { LocalBackupTracker } from '../../../src/runtime/tracking/local-backup';
import { Scorm2004Tracker } from '../../../src/runtime/tracking/scorm2004';
import { scorm2004Lms } from './scorm-again';

type Cmi = Record<string, any>;
const KEY = 'coursepack:backup:c:scorm2004';

function launchWith(cmi: Cmi) {
  const api = scorm2004Lms({ learner_id: 'jdoe', ...cmi });
  const tracker = new LocalBackupTracker(new Scorm2004Tracker(api), window.localStorage, KEY);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  return { api, tracker, launch: tracker.start() };
}

/** A session that commits these states, then the LMS keeps only the one at `kept`. */
function sessionCommitting(states: Array<[string, string]>): void {
  const { tracker } = launchWith({});
  for (const [location, data] of states) {
    tracker.saveState(location, data);
    tracker.commit();
  }
  tracker.finish('suspended');
}

beforeEach(() => window.localStorage.clear());
afterEach(() => jest.restoreAllMocks());

test('an LMS that lost the later commits of this attempt gets them back, and the learner resumes from them', () => {
  sessionCommitting([['a', '1'], ['b', '2'], ['c', '3']]);
  const { api, launch } = launchWith({ entry: 'resume', location: 'a', suspend_data: '1' });
  expect(launch).toMatchObject({ resumed: true, location: 'c', suspendData: '3' });
  expect(api.renderCMIToJSONObject().cmi).toMatchObject({ location: 'c', suspend_data: '3' });
});

test('a state this browser never committed means another device went on: the LMS wins', () => {
  sessionCommitting([['a', '1'], ['b', '2']]);
  expect(launchWith({ entry: 'resume', location: 'x', suspend_data: '9' }).launch).toMatchObject({ location: 'x', suspendData: '9' });
});

test('the newest state, a new attempt, another learner and review mode are left as the LMS says', () => {
  sessionCommitting([['a', '1'], ['b', '2']]);
  expect(launchWith({ entry: 'resume', location: 'b', suspend_data: '2' }).launch).toMatchObject({ location: 'b', suspendData: '2' });
  expect(launchWith({ entry: 'ab-initio' }).launch).toMatchObject({ resumed: false, location: '', suspendData: '' });
  sessionCommitting([['a', '1'], ['b', '2']]);
  expect(launchWith({ learner_id: 'someone-else', entry: 'resume', location: 'a', suspend_data: '1' }).launch).toMatchObject({ location: 'a', suspendData: '1' });
  expect(launchWith({ mode: 'review', entry: 'resume', location: 'a', suspend_data: '1' }).launch).toMatchObject({ location: 'a', suspendData: '1' });
});
