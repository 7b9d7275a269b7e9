/** @jest-environment jsdom */
import { findApi } from '../../../src/runtime/tracking/discover-api';
import { createTrackerFor } from '../../../src/runtime/tracking';
import { scorm12Response, scorm2004LmsResponse, scorm2004Response } from '../../../src/runtime/tracking/interaction-format';
import { Scorm12Tracker } from '../../../src/runtime/tracking/scorm12';
import { Scorm2004Tracker } from '../../../src/runtime/tracking/scorm2004';
import { StandaloneTracker } from '../../../src/runtime/tracking/standalone';
import type { CourseData } from '../../../src/runtime/course-data';
import type { InteractionRecord } from '../../../src/runtime/tracking/tracker';
import { scorm12Lms, scorm2004Lms, type LmsApi } from './scorm-again';

type Cmi = Record<string, any>;
const cmiOf = (api: LmsApi): Cmi => api.renderCMIToJSONObject().cmi as Cmi;

function quietly<T>(run: () => T): { value: T; warnings: string[] } {
  const warnings: string[] = [];
  const spy = jest.spyOn(console, 'warn').mockImplementation((message: string) => void warnings.push(message));
  try {
    return { value: run(), warnings };
  } finally {
    spy.mockRestore();
  }
}

const answer: InteractionRecord = {
  id: 'knowledge-check.personal-account',
  type: 'choice',
  description: 'Which posts need approval?',
  response: ['press', 'product'],
  correctResponses: [['press', 'product']],
  result: 'correct',
  weighting: 2,
  timestamp: new Date(Date.UTC(2026, 10, 25, 9, 30, 5)),
  latencyMs: 12_340,
  components: { choices: [{ id: 'press', text: 'Press' }, { id: 'product', text: 'Product' }, { id: 'holiday', text: 'Holiday' }] },
};

// Moodle's check of SCORM 2004 identifiers (scorm_13.js CMIShortIdentifier) and SCORM 1.2's single characters.
const MOODLE_SHORT_IDENTIFIER = /^[\w.]{1,250}$/;
const SINGLE_CHARACTER = /^[0-9a-z]$/;
const hyphenated: InteractionRecord = {
  ...answer,
  id: 'knowledge-check.confidential-items',
  response: ['launch-dates', 'internal-figures'],
  correctResponses: [['launch-dates', 'customer-orders', 'internal-figures']],
  result: 'incorrect',
  components: { choices: ['launch-dates', 'customer-orders', 'internal-figures', 'public-page'].map((id) => ({ id, text: id })) },
};

describe('response identifiers every LMS accepts', () => {
  it('SCORM 2004: a hyphen becomes "_" in choice, sequencing, matching and likert identifiers; text stays as typed', () => {
    expect(scorm2004LmsResponse('choice', ['launch-dates', 'internal-figures'])).toBe('launch_dates[,]internal_figures');
    expect(scorm2004LmsResponse('sequencing', ['a', 'b-c'])).toBe('a[,]b_c');
    expect(scorm2004LmsResponse('matching', ['a.1', 'b-x.y-2'])).toBe('a[.]1[,]b_x[.]y_2');
    expect(scorm2004LmsResponse('likert', ['4'])).toBe('4');
    expect(scorm2004LmsResponse('fill-in', ['e-mail'])).toBe('e-mail');
    expect(scorm2004LmsResponse('numeric', ['-1.5', '2'])).toBe('-1.5[:]2');
    // xAPI keeps the course's own ids.
    expect(scorm2004Response('choice', ['launch-dates'])).toBe('launch-dates');
  });

  it('SCORM 1.2: a choice is the single character of its position in the course, a–z then 0–9', () => {
    expect(scorm12Response(hyphenated, hyphenated.response)).toBe('a,c');
    expect(scorm12Response(hyphenated, ['public-page'])).toBe('d');
    const many = { type: 'choice' as const, components: { choices: Array.from({ length: 37 }, (_, i) => ({ id: `c-${i}`, text: '' })) } };
    expect(scorm12Response(many, ['c-26', 'c-35'])).toBe('0,9');
    // Past the 36th there is no 1.2 name: nothing is written rather than something wrong.
    expect(scorm12Response(many, ['c-36'])).toBeUndefined();
    expect(scorm12Response({ type: 'choice' }, ['press'])).toBeUndefined();
    expect(scorm12Response({ type: 'matching' }, ['a.1', 'b.2'])).toBe('a.1,b.2');
  });

  it('both adapters store every response and pattern of hyphenated choices under Moodle\'s checks', () => {
    const lms2004 = scorm2004Lms();
    const tracker2004 = new Scorm2004Tracker(lms2004);
    tracker2004.start();
    tracker2004.recordInteraction(hyphenated);
    tracker2004.commit(true);
    const stored2004 = cmiOf(lms2004).interactions['0'];
    expect(stored2004.learner_response).toBe('launch_dates[,]internal_figures');
    expect(stored2004.correct_responses['0'].pattern).toBe('launch_dates[,]customer_orders[,]internal_figures');
    expect(stored2004.learner_response.split('[,]').every((id: string) => MOODLE_SHORT_IDENTIFIER.test(id))).toBe(true);

    const lms12 = scorm12Lms();
    const tracker12 = new Scorm12Tracker(lms12);
    tracker12.start();
    tracker12.recordInteraction(hyphenated);
    tracker12.commit(true);
    const stored12 = cmiOf(lms12).interactions['0'];
    expect(stored12).toMatchObject({ id: 'knowledge-check.confidential-items', student_response: 'a,c' });
    expect(stored12.correct_responses['0'].pattern).toBe('a,b,c');
    expect(stored12.student_response.split(',').every((c: string) => SINGLE_CHARACTER.test(c))).toBe(true);
  });
});

describe('API discovery', () => {
  const fakeWindow = (props: Record<string, unknown>) => props as unknown as Window;

  it('finds the API up the parent chain', () => {
    const api = {};
    const lms = fakeWindow({ API: api });
    (lms as any).parent = lms;
    const middle = fakeWindow({ parent: lms });
    const course = fakeWindow({ parent: middle });
    expect(findApi(course, 'API')).toBe(api);
    expect(findApi(course, 'API_1484_11')).toBeUndefined();
  });

  it('finds the API in the opener of a popup, past frames of another origin', () => {
    const api = {};
    const opener = fakeWindow({ API_1484_11: api });
    const foreign = {} as Window;
    Object.defineProperty(foreign, 'API_1484_11', { get: () => { throw new DOMException('Blocked', 'SecurityError'); } });
    Object.defineProperty(foreign, 'parent', { get: () => foreign });
    Object.defineProperty(foreign, 'opener', { get: () => opener });
    const course = fakeWindow({ parent: foreign });
    expect(findApi(course, 'API_1484_11')).toBe(api);
  });

  it('falls back to standalone without an LMS', () => {
    expect(createTrackerFor({ standard: 'scorm12', id: 'c' } as CourseData, window).standard).toBe('standalone');
  });
});

describe('SCORM 1.2 adapter against scorm-again', () => {
  it('reads the launch: learner, mastery score, bookmark and state', () => {
    const lms = scorm12Lms({ core: { student_name: 'Doe, Jane', student_id: 'j42', lesson_location: 'rules', entry: 'resume' }, suspend_data: '{"r":"x"}', student_data: { mastery_score: '75' } });
    const tracker = new Scorm12Tracker(lms);
    const launch = tracker.start();
    expect(launch).toEqual({ resumed: true, mode: 'normal', learnerName: 'Doe, Jane', learnerId: 'j42', masteryScore: 75, location: 'rules', suspendData: '{"r":"x"}' });
    tracker.commit(true);
    expect(cmiOf(lms).core.lesson_status).toBe('incomplete');
  });

  it('records an interaction in 1.2 formats, the score as a percentage, and the status', () => {
    const lms = scorm12Lms();
    const tracker = new Scorm12Tracker(lms);
    tracker.start();
    tracker.recordInteraction(answer);
    tracker.recordInteraction({ ...answer, id: 'kc.tf', type: 'true-false', response: ['false'], correctResponses: [['true']], result: 'incorrect' });
    tracker.reportScore({ raw: 7, max: 9 });
    tracker.reportStatus({ completion: 'completed', success: 'passed', progress: 1 });
    tracker.commit(true);
    const cmi = cmiOf(lms);
    expect(cmi.interactions['0']).toMatchObject({ id: 'knowledge-check.personal-account', type: 'choice', student_response: 'a,b', result: 'correct', weighting: '2', latency: '00:00:12.34' });
    expect(cmi.interactions['0'].correct_responses['0'].pattern).toBe('a,b');
    expect(cmi.interactions['0'].time).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(cmi.interactions['1']).toMatchObject({ type: 'true-false', student_response: 'f', result: 'wrong' });
    expect(cmi.core.score).toEqual({ raw: '77.78', min: '0', max: '100' });
    expect(cmi.core.lesson_status).toBe('passed');
  });

  it('keeps state within 4096 characters and says why it did not save more', () => {
    const lms = scorm12Lms();
    const tracker = new Scorm12Tracker(lms);
    tracker.start();
    tracker.saveState('intro', 'small');
    const { warnings } = quietly(() => tracker.saveState('rules', 'x'.repeat(4097)));
    tracker.commit(true);
    expect(cmiOf(lms).suspend_data).toBe('small');
    expect(cmiOf(lms).core.lesson_location).toBe('rules');
    expect(warnings.join()).toMatch(/4096/);
  });

  it('finishes exactly once: exit suspend, session time, commit, LMSFinish', () => {
    const lms = scorm12Lms();
    const finish = jest.spyOn(lms as any, 'LMSFinish');
    const tracker = new Scorm12Tracker(lms);
    tracker.start();
    tracker.finish('suspended');
    tracker.finish('finished');
    expect(finish).toHaveBeenCalledTimes(1);
    expect(cmiOf(lms).core.exit).toBe('suspend');
  });

  it('leaves the record alone in review mode', () => {
    const lms = scorm12Lms({ core: { lesson_mode: 'review', lesson_status: 'passed' } });
    expect(new Scorm12Tracker(lms).start().mode).toBe('review');
    expect(cmiOf(lms).core.lesson_status).toBe('passed');
  });

  it('logs, and goes on, when the LMS refuses calls', () => {
    const refusing = {
      LMSInitialize: () => 'true',
      LMSGetValue: () => '',
      LMSSetValue: () => 'false',
      LMSCommit: () => null,
      LMSFinish: () => 'true',
      LMSGetLastError: () => '401',
      LMSGetErrorString: () => 'Not implemented error',
      LMSGetDiagnostic: () => '',
    };
    const tracker = new Scorm12Tracker(refusing);
    const { warnings } = quietly(() => {
      tracker.start();
      tracker.recordInteraction(answer);
      tracker.commit();
      tracker.finish('finished');
    });
    expect(warnings.some((w) => w.includes('LMSSetValue') && w.includes('401 Not implemented error'))).toBe(true);
    expect(warnings.some((w) => w.includes('LMSCommit'))).toBe(true);
  });
});

describe('SCORM 2004 adapter against scorm-again', () => {
  it('reads the launch, with the scaled passing score as the mastery score', () => {
    const lms = scorm2004Lms({ learner_name: 'Doe, Jane', learner_id: 'j42', scaled_passing_score: '0.7', location: 'quiz', entry: 'resume', suspend_data: 'state' });
    const tracker = new Scorm2004Tracker(lms);
    const launch = tracker.start();
    expect(launch).toEqual({ resumed: true, mode: 'normal', learnerName: 'Doe, Jane', learnerId: 'j42', masteryScore: 70, location: 'quiz', suspendData: 'state' });
    tracker.commit(true);
    expect(cmiOf(lms).completion_status).toBe('incomplete');
  });

  it('a 3rd Edition package (course data suspendDataLimit 4000, RTE 4.2.23) keeps state within 4000 characters', () => {
    const lms = scorm2004Lms({ learner_id: 'j42' });
    (window as unknown as { API_1484_11: unknown }).API_1484_11 = lms;
    try {
      const tracker = createTrackerFor({ standard: 'scorm2004', id: 'c', tracking: { suspendDataLimit: 4000 } } as CourseData, window);
      tracker.start();
      tracker.saveState('intro', 'x'.repeat(4000));
      tracker.commit(true);
      expect(cmiOf(lms).suspend_data).toHaveLength(4000);
      const { warnings } = quietly(() => tracker.saveState('rules', 'y'.repeat(4001)));
      tracker.commit(true);
      expect(cmiOf(lms).suspend_data).toBe('x'.repeat(4000));
      expect(warnings.join()).toMatch(/4001 characters exceeds the LMS's 4000/);
      expect(tracker.suspendDataLimit).toBe(4000);
    } finally {
      delete (window as unknown as { API_1484_11?: unknown }).API_1484_11;
    }
  });

  it('a keep-alive is one Commit, made at once', () => {
    const lms = scorm2004Lms();
    const tracker = new Scorm2004Tracker(lms);
    tracker.start();
    tracker.commit(true);
    const commit = jest.spyOn(lms as unknown as { Commit: () => string }, 'Commit');
    tracker.keepAlive();
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it('records interactions with 2004 delimiters, every correct pattern, ISO times', () => {
    const lms = scorm2004Lms();
    const tracker = new Scorm2004Tracker(lms);
    tracker.start();
    tracker.recordInteraction(answer);
    tracker.recordInteraction({ ...answer, id: 'kc.word', type: 'fill-in', response: ['approval [,] needed'], correctResponses: [['approval'], ['permission']], result: 'incorrect' });
    tracker.recordInteraction({ ...answer, id: 'kc.pairs', type: 'matching', response: ['a.x', 'b.y'], correctResponses: [['a.x', 'b.y']] });
    tracker.commit(true);
    const interactions = cmiOf(lms).interactions;
    expect(interactions['0']).toMatchObject({ id: 'knowledge-check.personal-account', type: 'choice', description: 'Which posts need approval?', learner_response: 'press[,]product', result: 'correct', weighting: '2', timestamp: '2026-11-25T09:30:05.00Z', latency: 'PT12.34S' });
    expect(interactions['0'].correct_responses['0'].pattern).toBe('press[,]product');
    expect(interactions['1'].learner_response).toBe('approval   needed');
    expect([interactions['1'].correct_responses['0'].pattern, interactions['1'].correct_responses['1'].pattern]).toEqual(['approval', 'permission']);
    expect(interactions['2'].learner_response).toBe('a[.]x[,]b[.]y');
  });

  it('reports points as raw/max, scaled, progress and both statuses; exits once with suspend', () => {
    const lms = scorm2004Lms();
    const terminate = jest.spyOn(lms as any, 'Terminate');
    const tracker = new Scorm2004Tracker(lms);
    tracker.start();
    tracker.reportScore({ raw: 7, max: 9 });
    tracker.reportStatus({ completion: 'incomplete', success: 'unknown', progress: 0.5 });
    tracker.commit(true);
    const cmi = cmiOf(lms);
    expect(cmi.score).toEqual({ raw: '7', min: '0', max: '9', scaled: '0.7778' });
    expect(cmi.progress_measure).toBe('0.5');
    tracker.finish('suspended');
    tracker.finish('suspended');
    expect(terminate).toHaveBeenCalledTimes(1);
    expect(cmiOf(lms).exit).toBe('suspend');
  });
});

describe('an LMS that is not recording', () => {
  /** A 2004 API whose SetValue answers as `accepts` says at the moment. */
  function lms(accepts: (element: string) => boolean) {
    return {
      Initialize: () => 'true',
      Terminate: () => 'true',
      GetValue: () => '',
      SetValue: (element: string) => String(accepts(element)),
      Commit: () => 'true',
      GetLastError: () => '0',
      GetErrorString: () => '',
      GetDiagnostic: () => '',
    };
  }

  it('is reported when the progress is refused, and again when a later commit shows it is kept', () => {
    let refusing = true;
    const tracker = new Scorm2004Tracker(lms(() => !refusing));
    const heard: boolean[] = [];
    quietly(() => {
      tracker.start();
      tracker.onRecording((recording) => heard.push(recording));
      tracker.saveState('intro', 'state');
      tracker.commit(true);
    });
    expect(heard).toEqual([false]);
    refusing = false;
    tracker.saveState('rules', 'state 2');
    tracker.commit(true);
    expect(heard).toEqual([false, true]);
  });

  it('is not reported for an optional element the LMS lacks (an interaction)', () => {
    const tracker = new Scorm2004Tracker(lms((element) => !element.startsWith('cmi.interactions')));
    const heard: boolean[] = [];
    quietly(() => {
      tracker.start();
      tracker.onRecording((recording) => heard.push(recording));
      tracker.recordInteraction(answer);
      tracker.saveState('intro', 'state');
      tracker.commit(true);
    });
    expect(heard).toEqual([]);
  });
});

describe('standalone', () => {
  it('keeps the bookmark and state in localStorage across launches', () => {
    localStorage.clear();
    const first = new StandaloneTracker(localStorage, 'coursepack:c');
    expect(first.start().resumed).toBe(false);
    first.saveState('rules', 'state');
    first.finish();
    const second = new StandaloneTracker(localStorage, 'coursepack:c').start();
    expect(second).toMatchObject({ resumed: true, location: 'rules', suspendData: 'state' });
  });
});
