// A keyboard-only learner: Tab to find things, Space and arrows to answer, Enter to press.
import { expect } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import { POOL } from './sample-course';

/** Tabs (forwards) until the focused element has this accessible name; a keyboard user's search. */
export async function tabTo(frame: Frame, page: Page, name: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const label = await frame.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.closest('label')?.textContent ?? el.textContent;
      return (labelled ?? '').replace(/\s+/g, ' ').trim();
    });
    if (name.test(label)) return;
  }
  throw new Error(`no focusable element named ${name} within ${limit} tabs`);
}

/** Tabs until focus is inside the question with this prompt. */
export async function tabIntoQuestion(frame: Frame, page: Page, prompt: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const inside = await frame.evaluate((p) => document.activeElement?.closest('fieldset')?.querySelector('.prompt')?.textContent === p, prompt);
    if (inside) return;
  }
  throw new Error(`cannot reach "${prompt}" with Tab`);
}

export const focusedLabel = (frame: Frame) => frame.evaluate(() => document.activeElement?.closest('label')?.textContent?.replace(/\s+/g, ' ').trim() ?? '');

/** Answers the drawn questions as a keyboard user: Tab into each, arrows in radio groups, Space, typing. */
export async function answerQuizByKeyboard(frame: Frame, page: Page): Promise<void> {
  const prompts = await frame.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('fieldset.question:not([hidden]) .prompt')).map((p) => p.textContent ?? ''));
  for (const prompt of prompts) await answerQuestionByKeyboard(frame, page, prompt, true);
}

/** Answers one question right or wrong by keyboard; Tabs into it unless focus is there already. */
export async function answerQuestionByKeyboard(frame: Frame, page: Page, prompt: string, right: boolean): Promise<void> {
  const key = Object.keys(POOL).find((k) => prompt.includes(k));
  const answer = key ? POOL[key] : undefined;
  if (!answer) throw new Error(`no answer for "${prompt}"`);
  const inside = await frame.evaluate((p) => document.activeElement?.closest('fieldset')?.querySelector('.prompt')?.textContent === p, prompt);
  if (!inside) await tabIntoQuestion(frame, page, prompt);
  if ('type' in answer) {
    await page.keyboard.type(right ? answer.type : answer.wrong);
    return;
  }
  const labels = await frame.evaluate(() => Array.from(document.activeElement?.closest('fieldset')?.querySelectorAll('label') ?? []).map((l) => l.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
  const wanted = right ? answer.pick : answer.wrong.length ? answer.wrong : labels.filter((label) => !answer.pick.includes(label)).slice(0, 1);
  const type = await frame.evaluate(() => (document.activeElement as HTMLInputElement).type);
  if (type === 'radio') {
    // Arrow keys move through a radio group and select as they go.
    await page.keyboard.press('Space');
    for (let i = 0; i < 8 && (await focusedLabel(frame)) !== wanted[0]; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedLabel(frame)).toBe(wanted[0]);
    return;
  }
  // Checkboxes are one tab stop each.
  for (let i = 0; i < labels.length; i++) {
    if (wanted.includes(await focusedLabel(frame))) await page.keyboard.press('Space');
    if (i < labels.length - 1) await page.keyboard.press('Tab');
  }
}
