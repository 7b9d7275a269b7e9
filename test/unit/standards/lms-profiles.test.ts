// LMS profiles: one test per rule a profile's facts drive (targets, warnings, limits, keep-alive,
// sequencing), through the same checkCourse/choose/renderPackage the build uses.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCourse, choose, renderPackage, type Selection } from '../../../src/compile';
import { LMS_IDS, LMS_PROFILES, packageSettings } from '../../../src/standards/lms-profiles';
import { DEFAULT_TARGETS } from '../../../src/standards/targets';
import { contentsOf } from '../../support/output-files';

const HEAD = 'id: lms-course\ntitle: LMS course\nversion: 1.0.0\nlanguage: en\ndescription: A test course.\n';
const QUIZ = `pages:
  - { id: intro, type: content, title: Intro, body: "Read [the notes](files/notes.txt)." }
  - id: check
    type: quiz
    title: Check
    questions:
      - { id: q1, type: true-false, prompt: Sky is blue?, answer: true }
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lms-profile-'));
  mkdirSync(join(dir, 'files'));
  writeFileSync(join(dir, 'files', 'notes.txt'), 'notes');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function check(yaml: string, selection: Selection = {}) {
  writeFileSync(join(dir, 'course.yaml'), yaml);
  const result = checkCourse(dir, undefined, selection);
  const at = (code: string) => result.report.diagnostics.filter((d) => d.code === code).map((d) => [d.severity, d.span?.start.line, d.span?.start.column, d.message]);
  return { ...result, at };
}

describe('choosing targets', () => {
  const course = (yaml: string) => check(yaml).course!;

  test('--target wins over course.yaml, course.yaml targets over the LMS, the LMS over the defaults', () => {
    const withBoth = course(`${HEAD}targets: [xapi]\nlms: docebo\n${QUIZ}`);
    expect(choose(withBoth, { targets: ['cmi5'] }).targets).toEqual(['cmi5']);
    expect(choose(withBoth).targets).toEqual(['xapi']);
    const withLms = course(`${HEAD}lms: docebo\n${QUIZ}`);
    expect(choose(withLms)).toEqual({ targets: ['scorm2004-3rd'], lms: 'docebo' });
    expect(choose(withLms, { lms: 'cornerstone' }).lms).toBe('cornerstone');
    expect(choose(course(`${HEAD}${QUIZ}`)).targets).toEqual(DEFAULT_TARGETS);
  });

  test('an LMS typo in course.yaml is an error at the key with a did-you-mean', () => {
    const { at } = check(`${HEAD}lms: cornerston\n${QUIZ}`);
    expect(at('invalid-value')).toEqual([['error', 6, 6, expect.stringContaining('"cornerston"')]]);
    expect(check(`${HEAD}lms: cornerston\n${QUIZ}`).report.diagnostics[0]?.hint).toBe('Did you mean "cornerstone"?');
  });

  test('a target typo in course.yaml targets is an error with a did-you-mean', () => {
    const { report } = check(`${HEAD}targets: [scorm2004-3nd]\n${QUIZ}`);
    expect(report.diagnostics.map((d) => [d.code, d.hint])).toEqual([['invalid-value', 'Did you mean "scorm2004-3rd"?']]);
  });
});

describe('warnings about what the LMS will not record or show', () => {
  test('Cornerstone keeps failed SCORM 1.2 courses In Progress: a warning at the report key', () => {
    const { at } = check(`${HEAD}completion:\n  report: passed-failed\n${QUIZ}`, { lms: 'cornerstone', targets: ['scorm12'] });
    expect(at('lms-failed-not-shown')).toEqual([['warning', 7, 11, expect.stringMatching(/^Cornerstone keeps failed SCORM 1\.2 courses In Progress/)]]);
  });

  test('… not with completed-incomplete, nor in SCORM 2004 3rd Edition', () => {
    expect(check(`${HEAD}completion:\n  report: completed-incomplete\n${QUIZ}`, { lms: 'cornerstone', targets: ['scorm12'] }).at('lms-failed-not-shown')).toEqual([]);
    expect(check(`${HEAD}${QUIZ}`, { lms: 'cornerstone', targets: ['scorm2004-3rd'] }).at('lms-failed-not-shown')).toEqual([]);
  });

  test('… and at the lms key when the report is the default', () => {
    expect(check(`${HEAD}lms: cornerstone\ntargets: [scorm12]\n${QUIZ}`).at('lms-failed-not-shown')).toEqual([['warning', 6, 6, expect.any(String)]]);
  });

  test('a package the LMS does not take (TalentLMS has no SCORM 2004)', () => {
    const { at } = check(`${HEAD}lms: talentlms\ntargets: [scorm2004, cmi5]\n${QUIZ}`);
    expect(at('lms-target-not-taken')).toEqual([['warning', 7, 10, 'TalentLMS does not take SCORM 2004 4th Edition packages.']]);
  });

  test('Workday: a SCORM 2004 course that sends no score', () => {
    const unscored = `${HEAD}completion: { require: [all-pages] }\n${QUIZ}`;
    expect(check(unscored, { lms: 'workday', targets: ['scorm2004'] }).at('lms-needs-score')).toHaveLength(1);
    expect(check(unscored, { lms: 'workday', targets: ['scorm12'] }).at('lms-needs-score')).toEqual([]);
    expect(check(`${HEAD}${QUIZ}`, { lms: 'workday', targets: ['scorm2004'] }).at('lms-needs-score')).toEqual([]);
  });

  test('Docebo refuses zips holding script files: a warning at the link', () => {
    writeFileSync(join(dir, 'files', 'setup.sh'), 'echo');
    const yaml = `${HEAD}${QUIZ.replace('files/notes.txt', 'files/setup.sh')}`;
    expect(check(yaml, { lms: 'docebo' }).at('lms-refuses-file')).toEqual([['warning', 7, expect.any(Number), expect.stringContaining('"files/setup.sh"')]]);
    expect(check(yaml, { lms: 'moodle' }).at('lms-refuses-file')).toEqual([]);
  });

  test('saved progress is checked against the limit of the edition and of the LMS', () => {
    const questions = Array.from({ length: 120 }, (_, i) => `      - { id: q${i}, type: fill-in, prompt: "Q${i}?", accept: [${'x'.repeat(30)}] }`).join('\n');
    const yaml = `${HEAD}pages:\n  - id: check\n    type: quiz\n    title: Check\n    questions:\n${questions}\n`;
    const sizes = (selection: Selection) => check(yaml, selection).at('suspend-data-too-large').map((d) => d[3]);
    expect(sizes({ targets: ['scorm2004'] })).toEqual([]);
    expect(sizes({ targets: ['scorm2004-3rd'] })).toEqual([expect.stringMatching(/more than SCORM 2004 3rd Edition keeps \(4000\)/)]);
    // Docebo keeps 64000 characters of SCORM 2004 3rd Edition suspend data.
    expect(sizes({ targets: ['scorm2004-3rd'], lms: 'docebo' })).toEqual([]);
  });
});

describe('what a package carries of its profile', () => {
  test('SuccessFactors: a keep-alive every 10 minutes, in the course data only', () => {
    expect(packageSettings('scorm2004', 'successfactors').tracking).toEqual({ keepAliveMinutes: 10 });
    expect(packageSettings('scorm2004', undefined).tracking).toEqual({});
  });

  test('the 3rd Edition keeps 4000 characters of suspend data, Docebo 64000; no sequencing for Docebo, Totara and Moodle', () => {
    expect(packageSettings('scorm2004-3rd', undefined)).toEqual({ sequencing: true, tracking: { suspendDataLimit: 4000 } });
    expect(packageSettings('scorm2004-3rd', 'docebo')).toEqual({ sequencing: false, tracking: {} });
    expect(LMS_IDS.filter((lms) => !LMS_PROFILES[lms].sequencing)).toEqual(['docebo', 'totara', 'moodle']);
  });

  test('Docebo and Cornerstone get SCORM 2004 as 3rd Edition only', () => {
    for (const lms of ['docebo', 'cornerstone'] as const) {
      expect(LMS_PROFILES[lms].takes).not.toContain('scorm2004');
      expect(LMS_PROFILES[lms].builds).toEqual(['scorm2004-3rd']);
    }
  });

  test('every profile builds only what it takes', () => {
    for (const lms of LMS_IDS) expect(LMS_PROFILES[lms].takes).toEqual(expect.arrayContaining([...LMS_PROFILES[lms].builds]));
  });

  test('the rendered package holds the options, never the LMS name', () => {
    const { course } = check(`${HEAD}${QUIZ}`);
    const html = contentsOf(renderPackage(course!, 'scorm2004', { lms: 'successfactors' }).find((file) => file.path === 'index.html')).toString();
    expect(html).toContain('"tracking":{"keepAliveMinutes":10}');
    expect(html).not.toMatch(/successfactors/i);
  });
});
