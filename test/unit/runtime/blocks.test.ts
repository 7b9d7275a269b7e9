/**
 * @jest-environment jsdom
 */
// A page of required blocks is done once every part shown was opened, also when a course's own
// template shows fewer parts than the block has (it must never lock the learner in).
import type { CourseData } from '../../../src/runtime/course-data';
import { setupContent } from '../../../src/runtime/player/blocks';
import type { PageContext } from '../../../src/runtime/player/context';
import { emptyState } from '../../../src/runtime/player/state';

const data: CourseData = {
  standard: 'standalone', id: 'c', activityId: 'urn:coursepack:course:c', title: 'C', version: '1.0.0', language: 'en', revision: 'r', passingScore: 80,
  require: ['all-pages'], report: 'passed-failed', navigation: 'linear', strings: { revealProgress: 'Opened: {n} of {total}' },
  pages: [{ type: 'content', id: 'open', reveal: 3 }],
};

function page(html: string) {
  const section = document.createElement('section');
  section.innerHTML = `${html}<p data-reveal-status></p>`;
  document.body.replaceChildren(section);
  const state = emptyState(data);
  const ctx = { data, state, index: 0, section, strings: data.strings, complete: jest.fn(), changed: jest.fn() } as unknown as PageContext;
  return { ctx, state, section, behaviour: setupContent(ctx, { type: 'content', id: 'open', reveal: 3 }) };
}

const card = (n: number) => `<button data-disclosure data-reveal aria-expanded="false" aria-controls="back${n}">Front ${n}</button><div id="back${n}" hidden>Back ${n}</div>`;

test('the page is done when the last part is opened; each opening is saved', () => {
  const { ctx, state, section, behaviour } = page(card(1) + card(2) + card(3));
  behaviour.shown?.();
  expect(ctx.complete).not.toHaveBeenCalled();
  expect(state.opened).toEqual({});
  const buttons = Array.from(section.querySelectorAll('button'));
  buttons[0]!.click();
  buttons[2]!.click();
  expect(state.opened[0]).toEqual([true, false, true]);
  expect(section.querySelector('#back1')!.hasAttribute('hidden')).toBe(false);
  expect(section.querySelector('[data-reveal-status]')!.textContent).toBe('Opened: 2 of 3');
  expect(ctx.complete).not.toHaveBeenCalled();
  buttons[1]!.click();
  expect(ctx.complete).toHaveBeenCalled();
  expect(ctx.changed).toHaveBeenCalledTimes(3);
});

test('a template that shows two of the three parts: opening both is enough', () => {
  const { ctx, state, section, behaviour } = page(card(1) + card(2));
  behaviour.shown?.();
  section.querySelectorAll('button').forEach((button) => button.click());
  expect(state.opened[0]).toEqual([true, true, false]);
  expect(ctx.complete).toHaveBeenCalled();
});
