// Every page state at 320, 768, 1280 (and 1920) px, in the light and the dark scheme (issue 10, "Budgets
// and checks"): a screenshot of each under build/screenshots/states/ for review, and at each the
// layout holds (navigation on screen, no sideways scroll, nothing under the navigation bar,
// targets of at least 24 px) and axe-core finds no WCAG 2.1 A/AA violation in either scheme.
// Courses are a list: a fixture course is one more entry with its walk through the states.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, courseFrame, layoutProblems, navigationOverlaps, settled, smallTargets, WCAG_AA } from './axe';
import { ANSWERS, answerAll, QUESTION_TYPES_COURSE } from './flows';
import { type Cmi, courseVariant, Harness, type Launched } from './harness';
import { Learner } from './learner';
import { ANGRY_CUSTOMER, LAUNCH_POST, SAMPLE_COURSE, scenario, STATEMENT, takeQuiz } from './sample-course';

const SHOTS = join(__dirname, '../../build/screenshots/states');
// 1920: the design holds up to a wide desktop screen, too.
const WIDTHS = [320, 768, 1280, 1920] as const;
type Width = (typeof WIDTHS)[number];
const HEIGHT = { 320: 640, 768: 1024, 1280: 900, 1920: 1080 } as const;

type State = (name: string) => Promise<void>;

interface FixtureCourse {
  name: string;
  /** The course folder, built with the CLI as a user builds it. */
  folder: () => string;
  cmi?: Cmi;
  /** Takes the course as a learner, calling `state` at every state worth a look. */
  walk(learner: Learner, run: Launched, state: State): Promise<void>;
}

const button = (run: Launched, name: string) => run.course.getByRole('button', { name, exact: true });

/** The one-at-a-time quiz of the question-types course, every answer wrong. */
async function oneAtATimeWrong(learner: Learner, run: Launched, state?: State): Promise<void> {
  await learner.seesPage('Every question type');
  for (const [i, answer] of ANSWERS.entries()) {
    await answer(learner, false);
    await button(run, 'Check answer').click();
    if (i === 0) await state?.('quiz-one-at-a-time-feedback');
    if (i < ANSWERS.length - 1) await button(run, 'Next question').click();
  }
  await run.course.getByText(/You answered 0 of 7 questions correctly/).waitFor();
}

const COURSES: FixtureCourse[] = [
  {
    name: 'sample',
    folder: () => SAMPLE_COURSE,
    cmi: { learner_name: 'Doe, Jane' },
    async walk(learner, run, state) {
      await learner.seesPage('Social Media at Work');
      await state('cover');
      const menu = run.course.locator('#cp-menu');
      // Read from the cover: Start leads on, and the menu marks every page but the first locked.
      await learner.begin();
      await learner.seesPage('Welcome');
      await state('content');
      if (!(await menu.evaluate((details: HTMLDetailsElement) => details.open))) await menu.locator('summary').click();
      await state('menu-open');
      if (await menu.evaluate((details: HTMLDetailsElement) => details.open && !matchMedia('(min-width: 64em)').matches)) await menu.locator('summary').click();
      for (let i = 0; i < 2; i++) await learner.next();
      await learner.seesPage('Our customers are already talking');
      await state('content-with-image');
      for (let i = 0; i < 3; i++) await learner.next();
      await learner.seesPage('Scenario: the launch post');
      await state('scenario');
      await button(run, LAUNCH_POST[0]!).click();
      await state('scenario-feedback');
      await button(run, 'Continue').click();
      for (const choice of LAUNCH_POST.slice(1)) await learner.decide(choice);
      await state('scenario-debrief');
      await learner.next();
      await scenario(learner, 'Scenario: the angry customer', ANGRY_CUSTOMER);
      await learner.seesPage('Check your knowledge');
      await state('quiz-all-on-one-page');
      await takeQuiz(learner, run.course, true);
      await state('quiz-graded');
      await learner.next();
      await learner.attest(STATEMENT);
      await state('attestation');
      await learner.next();
      await learner.seesPage('Your results');
      await state('results-passed');
      await run.course.locator('.certificate').scrollIntoViewIfNeeded();
      await state('certificate');
    },
  },
  {
    name: 'one-at-a-time',
    folder: () => courseVariant(QUESTION_TYPES_COURSE, '    attempts: 2\n', '    attempts: 2\n    mode: one-at-a-time\n'),
    async walk(learner, run, state) {
      await learner.next();
      await learner.seesPage('Every question type');
      await state('quiz-one-at-a-time');
      await oneAtATimeWrong(learner, run, state);
      await learner.next();
      await learner.seesPage('Your results');
      await state('results-failed-attempt-left');
      await button(run, 'Try again').click();
      await oneAtATimeWrong(learner, run);
      await learner.next();
      await learner.seesPage('Your results');
      await state('results-failed');
    },
  },
  {
    name: 'incomplete',
    folder: () => courseVariant(QUESTION_TYPES_COURSE, 'navigation: linear', 'navigation: free'),
    async walk(learner, run, state) {
      await learner.next();
      await learner.seesPage('Every question type');
      await answerAll(learner, true);
      await learner.next();
      await learner.seesPage('Your results');
      await state('results-incomplete');
    },
  },
];

const harness = new Harness();
const urls = new Map<string, string>();

beforeAll(async () => {
  await harness.start();
  for (const course of COURSES) urls.set(course.name, (await harness.buildAndServe(course.folder(), ['scorm2004'], `${course.name}/`)).scorm2004);
}, 120_000);
afterAll(() => harness.stop());

/** Colour is all the dark scheme changes (theme.css sets custom properties only): the rules that read it. */
const COLOUR_RULES = { type: 'rule', values: ['color-contrast', 'link-in-text-block'] } as const;

/** The viewport at one width; the course frame takes all of it, as in an LMS's mobile app. */
async function atWidth(run: Launched, width: Width): Promise<void> {
  await run.page.setViewportSize({ width, height: HEIGHT[width] });
  await run.page.evaluate(([w, h]) => Object.assign(document.getElementById('course')!.style, { width: `${w}px`, height: `${h}px`, position: 'fixed', inset: '0', border: '0' }), [width, HEIGHT[width]]);
}

/** The navigation bar is on screen on every page (it stays at the bottom of the viewport); the cover has Start instead. */
async function navigationHidden(run: Launched): Promise<string[]> {
  if (await run.course.locator('.cover').isVisible()) return [];
  return (await run.course.getByRole('navigation', { name: 'Course navigation' }).isVisible()) ? [] : ['the course navigation is not visible'];
}

/**
 * One state at one width: a screenshot in each scheme; layout, targets and every WCAG A/AA rule in
 * the light one, the colour rules in the dark one. What is wrong is collected, not thrown.
 */
async function inspect(run: Launched, width: Width, name: string, found: string[]): Promise<void> {
  const folder = join(SHOTS, `${width}px`);
  mkdirSync(folder, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await run.page.emulateMedia({ colorScheme: scheme });
    const frame = courseFrame(run.page);
    await settled(frame);
    const layout = scheme === 'light' ? [...(await navigationHidden(run)), ...(await layoutProblems(frame)), ...(await navigationOverlaps(frame)), ...(await smallTargets(frame))] : [];
    const problems = [...layout, ...(await axeViolations(frame, scheme === 'light' ? WCAG_AA : COLOUR_RULES))];
    found.push(...problems.map((problem) => `${name} at ${width} px (${scheme}): ${problem}`));
    await run.page.screenshot({ path: join(folder, `${name}-${scheme}.png`) });
  }
  await run.page.emulateMedia({ colorScheme: 'light' });
}

// The learner walks the course once, at the narrowest width, where a control hidden under another
// would fail the walk's clicks; at each state the page is looked at in every width.
it.each(COURSES.map((course) => course.name))(
  `%s at ${WIDTHS.join(', ')} px: every state has the navigation on screen, no sideways scroll, nothing under it, targets ≥ 24 px, no axe violation (light and dark)`,
  async (name) => {
    const course = COURSES.find((c) => c.name === name)!;
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.get(name)!, cmi: course.cmi });
    await atWidth(run, WIDTHS[0]);
    const found: string[] = [];
    const states: string[] = [];
    await course.walk(new Learner(run.course), run, async (state) => {
      states.push(state);
      for (const width of WIDTHS) {
        await atWidth(run, width);
        await inspect(run, width, `${name}-${state}`, found);
      }
      await atWidth(run, WIDTHS[0]);
    });
    expect(states.length).toBeGreaterThan(0);
    expect(found).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  },
  300_000,
);
