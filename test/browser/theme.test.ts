// A branded course: brand colour (the darkest the build would suggest, so axe checks the limit the
// validator enforces), a font stack and the course's own header and navigation templates, taken
// in chromium inside the LMS frame.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nearestDarkerPassing } from '../../src/validate/contrast';
import { AA_CONTRAST, BRAND_NEIGHBOURS } from '../../src/validate/theme';
import { axeViolations, courseFrame } from './axe';
import { Harness } from './harness';
import { Learner } from './learner';

const harness = new Harness();
const work = mkdtempSync(join(tmpdir(), 'coursepack-themed-'));
// The lightest colour of this hue the build accepts: contrast just at 4.5:1.
const BRAND = nearestDarkerPassing('#4a90e2', BRAND_NEIGHBOURS, AA_CONTRAST);
const FONT = `"DejaVu Serif", Georgia, serif`;
let url: string;

function brandedCourse(): string {
  const folder = join(work, 'basic');
  cpSync(join(__dirname, '../fixtures/valid/basic'), folder, { recursive: true });
  const yaml = readFileSync(join(folder, 'course.yaml'), 'utf8').replace(/^theme: .*$/m, `theme: { brand-color: "${BRAND}", logo: assets/logo.svg, font: '${FONT}' }`);
  writeFileSync(join(folder, 'course.yaml'), yaml);
  mkdirSync(join(folder, 'templates/partials'), { recursive: true });
  writeFileSync(join(folder, 'templates/partials/header.hbs'), '<header class="course-header"><img class="logo" src="{{course.logo}}" alt=""><p class="course-title">ACME Academy · {{course.title}}</p></header>\n');
  writeFileSync(
    join(folder, 'templates/partials/navigation.hbs'),
    `<nav class="course-nav" aria-label="{{t "courseNavigation"}}">
  <button type="button" id="cp-next" class="button">{{t "next"}} →</button>
  <p id="cp-locked" class="locked" hidden>{{t "nextLocked"}}</p>
  <button type="button" id="cp-back" class="button secondary">← {{t "back"}}</button>
</nav>
`,
  );
  return folder;
}

beforeAll(async () => {
  await harness.start();
  ({ scorm2004: url } = await harness.buildAndServe(brandedCourse(), ['scorm2004']));
});
afterAll(async () => {
  await harness.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('a branded course with its own templates', () => {
  it('shows the brand colour, the font and the course header, passes axe contrast at the limit, and works', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: url });
    const learner = new Learner(run.course);
    await learner.seesPage('Welcome');
    await expect(run.course.getByText('ACME Academy · Basic course & friends').isVisible()).resolves.toBe(true);
    const frame = courseFrame(run.page);
    const styles = await frame.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.course-header')!).backgroundColor,
      next: getComputedStyle(document.getElementById('cp-next')!).backgroundColor,
      font: getComputedStyle(document.body).fontFamily,
    }));
    const rgb = `rgb(${[1, 3, 5].map((i) => Number.parseInt(BRAND.slice(i, i + 2), 16)).join(', ')})`;
    expect(styles).toEqual({ header: rgb, next: rgb, font: FONT });
    expect(await axeViolations(frame, { type: 'rule', values: ['color-contrast', 'link-in-text-block'] })).toEqual([]);
    await run.course.getByRole('button', { name: 'Next →' }).click();
    await learner.seesPage('A dilemma');
    await run.course.getByRole('button', { name: '← Back' }).click();
    await learner.seesPage('Welcome');
    expect(harness.pageErrors).toEqual([]);
  });
});
