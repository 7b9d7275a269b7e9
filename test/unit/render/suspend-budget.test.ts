// Suspend data must fit SCORM 1.2's 4096 characters for a big course; bigger ones are warned about.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCourse } from '../../../src/compile';
import { buildCourseData } from '../../../src/render/course-data';
import { worstCaseSuspendData } from '../../../src/render/suspend-budget';
import { loadStrings } from '../../../src/render/templates';

const TYPES = ['single-choice', 'multiple-choice', 'true-false', 'fill-in', 'matching', 'ordering', 'numeric', 'likert'] as const;

function question(type: (typeof TYPES)[number], n: number): string {
  const head = `      - { id: q${n}, type: ${type}, prompt: "Question ${n}?"`;
  switch (type) {
    case 'single-choice':
    case 'multiple-choice':
      return `${head}, choices: [{ text: A, correct: true }, { text: B }, { text: C }, { text: D }] }`;
    case 'true-false':
      return `${head}, answer: true }`;
    case 'fill-in':
      return `${head}, accept: [support, customer support] }`;
    case 'matching':
      return `${head}, pairs: [{ source: a, target: "1" }, { source: b, target: "2" }, { source: c, target: "3" }, { source: d, target: "4" }] }`;
    case 'ordering':
      return `${head}, items: [one, two, three, four] }`;
    case 'numeric':
      return `${head}, answer: 42, tolerance: 1 }`;
    case 'likert':
      return `${head} }`;
  }
}

/** A course of `quizzes` × `perQuiz` questions of every type and a scenario of `decisions` steps. */
function bigCourse(dir: string, quizzes: number, perQuiz: number, decisions: number, types: readonly (typeof TYPES)[number][] = TYPES): string {
  const lines = ['id: big', 'title: Big', 'version: 1.0.0', 'language: en', 'description: Big.', 'pages:', '  - { id: intro, type: content, title: Intro, body: Hi. }'];
  let n = 0;
  for (let q = 0; q < quizzes; q++) {
    lines.push(`  - id: quiz-${q}`, '    type: quiz', `    title: Quiz ${q}`, '    shuffle: true', '    attempts: 3', '    questions:');
    for (let i = 0; i < perQuiz; i++, n++) lines.push(question(types[n % types.length]!, n));
  }
  lines.push('  - id: story', '    type: scenario', '    title: Story', '    start: s0', '    scenes:');
  for (let d = 0; d < decisions; d++) {
    const next = d + 1 < decisions ? `s${d + 1}` : 'end';
    lines.push(`      s${d}: { text: Step ${d}., choices: [{ text: Good, points: 1, next: ${next} }, { text: Bad, points: 0, next: ${next} }, { text: Other, points: 0, next: ${next} }] }`);
  }
  lines.push('      end: { text: Done., outcome: pass }');
  writeFileSync(join(dir, 'course.yaml'), `${lines.join('\n')}\n`);
  return dir;
}

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'budget-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function worstCase(path: string): number {
  const { course, report } = checkCourse(path);
  if (!course) throw new Error(report.errors.map((d) => d.message).join('\n'));
  return worstCaseSuspendData(buildCourseData(course, 'scorm12', loadStrings('en')));
}

it('300 questions of every type and 50 decisions fit in SCORM 1.2 suspend data', () => {
  const size = worstCase(bigCourse(dir, 3, 100, 50));
  expect(size).toBeLessThanOrEqual(4096);
});

it('the estimate grows with the course, so it is measured, not assumed', () => {
  const small = worstCase(bigCourse(dir, 1, 10, 2));
  expect(small).toBeGreaterThan(50);
  expect(small).toBeLessThan(worstCase(bigCourse(dir, 3, 100, 50)));
});

it('a course that could overflow SCORM 1.2 builds with a warning; SCORM 2004 has room', () => {
  bigCourse(dir, 3, 100, 50, ['fill-in']);
  const cli = join(__dirname, '../../../bin/coursepack.js');
  const result = spawnSync(process.execPath, [cli, 'build', dir, '--out', join(dir, 'out'), '--no-color'], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  expect(result.stderr + result.stdout).toMatch(/warning Saved progress may reach \d+ characters, more than SCORM 1\.2 keeps \(4096\)/);
  expect(result.stderr + result.stdout).not.toMatch(/SCORM 2004 keeps/);
  execFileSync('unzip', ['-tq', join(dir, 'out', 'big-scorm12.zip')]);
});

test('seat time adds its few characters to the worst case', () => {
  const data = { standard: 'scorm12', id: 'c', activityId: 'urn:c', title: 'C', language: 'en', revision: 'r', passingScore: 80, require: [], report: 'passed-failed', navigation: 'linear', strings: {}, pages: [{ type: 'content', id: 'a', minTime: 60 }] } as const;
  const without = worstCaseSuspendData({ ...data, pages: [...data.pages] } as never);
  const seated = worstCaseSuspendData({ ...data, pages: [...data.pages], seat: { idle: 300, min: 60 } } as never);
  expect(seated - without).toBe(',"t":[9999999,"0:9999999"]'.length);
});

test('a certificate adds the day it was earned to the worst case', () => {
  const data = { standard: 'scorm12', id: 'c', activityId: 'urn:c', title: 'C', language: 'en', revision: 'r', passingScore: 80, require: [], report: 'passed-failed', navigation: 'linear', strings: {} } as const;
  const without = worstCaseSuspendData({ ...data, pages: [{ type: 'results', id: 'r', review: 'none', certificate: false }] } as never);
  const certified = worstCaseSuspendData({ ...data, pages: [{ type: 'results', id: 'r', review: 'none', certificate: true }] } as never);
  expect(certified - without).toBe(',"c":99999'.length);
});
