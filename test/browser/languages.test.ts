// The course's language in the browser: German buttons and messages (and a text the course
// rewords), plural forms that follow the number (Polish: one, few, many), the certificate's date
// in the language, and Arabic laid out right to left, mirrored, axe-clean at 320 and 1280 px
// (screenshots under build/screenshots/rtl-<width>px).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';

type Course = FrameLocator | Page;
import { axeViolations, courseFrame, layoutProblems, settled } from './axe';
import { Harness } from './harness';

const FIXTURES = join(__dirname, '../fixtures/valid');
const SHOTS = join(__dirname, '../../build/screenshots');
const harness = new Harness();
let urls: Record<'german' | 'polish' | 'arabic', string>;

beforeAll(async () => {
  await harness.start();
  urls = {
    german: (await harness.buildAndServe(join(FIXTURES, 'german'), ['scorm2004'], 'german/')).scorm2004,
    polish: (await harness.buildAndServe(join(FIXTURES, 'polish'), ['scorm2004'], 'polish/')).scorm2004,
    arabic: (await harness.buildAndServe(join(FIXTURES, 'arabic'), ['scorm2004'], 'arabic/')).scorm2004,
  };
});
afterAll(() => harness.stop());

const button = (course: Course, name: string) => course.getByRole('button', { name, exact: true });
const html = (frame: Frame) => frame.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('German', () => {
  it('shows German buttons and messages, lang="de", plural forms by number, the course\'s own wording and a German date', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.german, cmi: { learner_name: 'Muster, Erika' } });
    const { course } = run;
    await course.getByRole('heading', { level: 1, name: 'Willkommen' }).waitFor();
    const frame = courseFrame(run.page);
    await expect(html(frame)).resolves.toEqual({ lang: 'de', dir: 'ltr' });
    await expect(course.getByRole('navigation', { name: 'Kursnavigation' }).isVisible()).resolves.toBe(true);
    await expect(course.locator('#cp-progress-text').innerText()).resolves.toBe('Erledigte Seiten: 1 von 3');
    await expect(course.getByRole('link', { name: 'Zum Inhalt springen' }).count()).resolves.toBe(1);
    await button(course, 'Weiter').click();
    await course.getByRole('heading', { level: 1, name: 'Wissen prüfen' }).waitFor();
    await button(course, 'Antworten absenden').click();
    await course.getByText('Bitte beantworten Sie vor dem Absenden alle Fragen. Es fehlen: 1.').waitFor();
    await course.getByRole('radio', { name: 'Wer gerade gefragt wird' }).check();
    await button(course, 'Antworten absenden').click();
    await course.getByText('Sie haben 0 von 1 Frage richtig beantwortet. Sie haben noch 2 Versuche.').waitFor();
    await expect(course.getByText('Falsch.', { exact: true }).count()).resolves.toBe(1);
    await button(course, 'Erneut versuchen').click();
    await course.getByRole('radio', { name: 'Wer gerade gefragt wird' }).check();
    await button(course, 'Antworten absenden').click();
    await course.getByText('Sie haben 0 von 1 Frage richtig beantwortet. Sie haben noch 1 Versuch.').waitFor();
    await button(course, 'Erneut versuchen').click();
    await course.getByRole('radio', { name: 'Die Kommunikationsabteilung' }).check();
    await button(course, 'Antworten absenden').click();
    await course.getByText('Sie haben 1 von 1 Frage richtig beantwortet.').waitFor();
    await button(course, 'Weiter').click();
    // A results page without a title of its own is headed in the course's language.
    await course.getByRole('heading', { level: 1, name: 'Ihr Ergebnis' }).waitFor();
    await expect(button(course, 'Schulung abschließen').isVisible()).resolves.toBe(true);
    await expect(course.getByText('Bestanden', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(course.getByText('Teilnahmebescheinigung').isVisible()).resolves.toBe(true);
    await expect(course.getByText('Erika Muster').isVisible()).resolves.toBe(true);
    const date = await course.locator('[data-certificate-date]').innerText();
    expect(date).toMatch(/^am \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}$/);
    expect(harness.pageErrors).toEqual([]);
  });
});

describe('Polish', () => {
  it('"attempts left" takes the form of its number: many (5), few (4, 2), one (1)', async () => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.polish });
    const { course } = run;
    await course.getByRole('heading', { level: 1, name: 'Sprawdź swoją wiedzę' }).waitFor();
    const seen: string[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      if (attempt > 1) await button(course, 'Spróbuj ponownie').click();
      await course.getByRole('radio', { name: 'Każdy, kogo zapytają' }).check();
      await button(course, 'Wyślij odpowiedzi').click();
      const text = course.getByText(/^Poprawne odpowiedzi: 0 z 1 pytania\./);
      await text.waitFor();
      seen.push((await text.innerText()).replace('Poprawne odpowiedzi: 0 z 1 pytania. ', ''));
    }
    expect(seen).toEqual(['Pozostało jeszcze 5 prób.', 'Pozostały jeszcze 4 próby.', 'Pozostały jeszcze 3 próby.', 'Pozostały jeszcze 2 próby.', 'Pozostała jeszcze 1 próba.']);
    expect(harness.pageErrors).toEqual([]);
  });
});

/** Where an element is, in CSS pixels of the course frame. */
async function box(course: Course, selector: string): Promise<{ left: number; right: number }> {
  const found = await course.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not shown`);
  return { left: found.x, right: found.x + found.width };
}

/** Mirrored layout: what is on the left of an English course is on the right of an Arabic one. */
async function mirrored(course: Course, frame: Frame, page: string): Promise<string[]> {
  const wrong: string[] = [];
  const expectLeftOf = async (what: string, a: string, b: string) => {
    const [first, second] = [await box(course, a), await box(course, b)];
    if (!(first.right <= second.left + 1)) wrong.push(`${page}: ${what} (${a} at ${first.left}–${first.right}, ${b} at ${second.left}–${second.right})`);
  };
  if (page === 'content') {
    await expectLeftOf('progress left of the course title', '.progress', '.course-title');
    const bullets = await frame.evaluate(() => {
      const item = document.querySelector<HTMLElement>('section:not([hidden]) li')!;
      return { item: item.getBoundingClientRect().right, list: item.parentElement!.getBoundingClientRect().right };
    });
    // The list is indented from the right (its markers on the right side).
    if (!(bullets.item < bullets.list - 8)) wrong.push(`content: list not indented from the right (${JSON.stringify(bullets)})`);
    // The progress bar fills from the right (Chromium draws a <progress> by its direction).
    const progress = await frame.evaluate(() => getComputedStyle(document.getElementById('cp-progress')!).direction);
    if (progress !== 'rtl') wrong.push(`content: the progress bar is ${progress}`);
  }
  if (page === 'scenario') {
    // Next (the way forward) is on the left, Back on the right.
    await expectLeftOf('Next left of Back', '#cp-next', '#cp-back');
    const border = await frame.evaluate(() => {
      const style = getComputedStyle(document.querySelector('section:not([hidden]) .scene-text')!);
      return `${style.borderLeftWidth} ${style.borderRightWidth}`;
    });
    if (border !== '0px 4px') wrong.push(`scenario: the scene's accent border should be on the right, is (left right) ${border}`);
    const text = await frame.evaluate(() => {
      const choice = document.querySelector<HTMLElement>('section:not([hidden]) .choice')!;
      const range = document.createRange();
      range.selectNodeContents(choice);
      const words = range.getBoundingClientRect();
      const own = choice.getBoundingClientRect();
      return { gapRight: own.right - words.right, gapLeft: words.left - own.left };
    });
    if (!(text.gapRight < text.gapLeft)) wrong.push(`scenario: choice text should start at the right (${JSON.stringify(text)})`);
  }
  if (page === 'quiz') {
    await expectLeftOf('move buttons left of the item', '[data-order] li .move', '[data-order] li .item-text');
    await expectLeftOf('radio button right of its label', '.option span, .option label', '.option input');
  }
  return wrong;
}

describe('Arabic: right to left', () => {
  it.each([
    [1280, 900],
    [320, 640],
  ])('at %i px: dir="rtl", the layout mirrored, no sideways scroll, axe-clean; screenshots', async (width, height) => {
    const run = await harness.launch({ standard: 'scorm2004', courseUrl: urls.arabic, cmi: { learner_name: 'الخطيب, ليلى' } });
    const { page, course } = run;
    await page.setViewportSize({ width, height });
    await page.evaluate(([w, h]) => Object.assign(document.getElementById('course')!.style, { width: `${w}px`, height: `${h}px`, position: 'fixed', inset: '0' }), [width, height]);
    const folder = join(SHOTS, `rtl-${width}px`);
    mkdirSync(folder, { recursive: true });
    await course.getByRole('heading', { level: 1, name: 'مرحبًا' }).waitFor();
    const frame = courseFrame(page);
    await expect(html(frame)).resolves.toEqual({ lang: 'ar', dir: 'rtl' });
    await expect(course.locator('#cp-progress-text').innerText()).resolves.toBe('الصفحات المكتملة: 1 من 4');
    const problems: string[] = [];
    const check = async (name: string, layout = true) => {
      await settled(frame);
      for (const problem of await layoutProblems(frame)) problems.push(`${name}: ${problem}`);
      for (const violation of await axeViolations(frame)) problems.push(`${name}: ${violation}`);
      // The mirrored positions are checked where there is room for side by side.
      if (layout && width >= 1280) problems.push(...(await mirrored(course, frame, name)));
      await page.screenshot({ path: join(folder, `${name}.png`) });
    };
    await check('content');
    await button(course, 'التالي').click();
    await course.getByRole('heading', { level: 1, name: 'منشور الإطلاق' }).waitFor();
    await check('scenario');
    await button(course, 'أنتظر الإعلان الرسمي').click();
    await button(course, 'متابعة').click();
    await course.getByText(/^10 من 10 نقطة|^10 من 10 نقاط|^10 من 10/).first().waitFor();
    await check('scenario-debrief', false);
    await button(course, 'التالي').click();
    await course.getByRole('heading', { level: 1, name: 'اختبر معلوماتك' }).waitFor();
    await check('quiz');
    await course.getByRole('radio', { name: 'أي شخص يُسأل' }).check();
    await button(course, 'إرسال الإجابات').click();
    await course.getByText('أجبت إجابة صحيحة عن 0 من سؤالين. تبقّت لك محاولتان.').waitFor();
    await check('quiz-graded', false);
    await button(course, 'حاول مرة أخرى').click();
    await course.getByRole('radio', { name: 'فريق الاتصال' }).check();
    const order = course.getByRole('group', { name: 'رتّب الخطوات.' });
    for (const text of ['اسأل فريق الاتصال', 'انتظر الإعلان', 'شارك المنشور الرسمي']) {
      for (let guard = 0; guard < 3; guard++) {
        const items = await order.getByRole('listitem').allInnerTexts();
        const at = items.findIndex((item) => item.startsWith(text));
        const wanted = ['اسأل فريق الاتصال', 'انتظر الإعلان', 'شارك المنشور الرسمي'].indexOf(text);
        if (at <= wanted) break;
        await order.getByRole('button', { name: `نقل لأعلى: ${text}` }).click();
      }
    }
    await button(course, 'إرسال الإجابات').click();
    await course.getByText('أجبت إجابة صحيحة عن 2 من سؤالين.').waitFor();
    await button(course, 'التالي').click();
    await course.getByText('شهادة إتمام').waitFor();
    await expect(course.getByText('ناجح', { exact: true }).isVisible()).resolves.toBe(true);
    const date = await course.locator('[data-certificate-date]').innerText();
    // The date in Arabic: the month's name in Arabic letters, nothing in Latin ones.
    expect(date).toMatch(/^بتاريخ [^A-Za-z]*[\u0621-\u064A]{3,}[^A-Za-z]*$/);
    await check('results', false);
    expect(problems).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
  });
});
