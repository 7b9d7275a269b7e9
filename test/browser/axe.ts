// axe-core in the course frame: what the accessibility and theme tests ask of every page.
import type { Frame, Page } from 'playwright-core';

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_AA = { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } as const;
export type AxeRunOnly = typeof WCAG_AA | { type: 'rule'; values: readonly string[] };

/** The frame the LMS page launched the package in (served under /…/<target>/index.html). */
export function courseFrame(page: Page, target = 'scorm2004'): Frame {
  const frame = page.frames().find((f) => f.url().includes(`/${target}/index.html`));
  if (!frame) throw new Error('the course frame is not there');
  return frame;
}

/** Contrast and screenshots are taken of the page as the learner reads it, after its fade-in. */
export async function settled(frame: Frame): Promise<void> {
  await frame.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
}

/** axe-core's violations on the page as it is now, one line each. */
export async function axeViolations(frame: Frame, runOnly: AxeRunOnly = WCAG_AA): Promise<string[]> {
  await settled(frame);
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return frame.evaluate(async (only) => {
    const result = await (window as any).axe.run(document, { runOnly: only });
    return result.violations.map((v: any) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  }, runOnly as { type: string; values: string[] });
}

/** No horizontal scrolling: nothing sticks out of the page on either side. */
export async function layoutProblems(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`horizontal scroll: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('main *'))) {
      const box = element.getBoundingClientRect();
      // Right to left, what does not fit sticks out on the left.
      const overflow = Math.max(box.right - root.clientWidth, -box.left);
      if (box.width > 0 && element.offsetParent !== null && overflow > 1) {
        problems.push(`${element.tagName.toLowerCase()}.${element.className} overflows by ${Math.round(overflow)} px`);
        break;
      }
    }
    return problems;
  });
}

/**
 * Scrolled to the end, nothing of the page lies under the navigation bar (it stays in place at the
 * bottom): every visible element outside the bar ends above it, or does not reach across it.
 */
export async function navigationOverlaps(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const nav = document.querySelector<HTMLElement>('.course-nav');
    if (!nav || nav.hidden) return [];
    window.scrollTo(0, document.documentElement.scrollHeight);
    const bar = nav.getBoundingClientRect();
    const problems: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('main *, .course-menu *, .notice *'))) {
      // checkVisibility: also false inside a closed <details>, whose content keeps a box (content-visibility: hidden).
      if (element.offsetParent === null || !element.checkVisibility() || element.closest('.course-nav')) continue;
      const box = element.getBoundingClientRect();
      const overlaps = box.width > 0 && box.height > 0 && box.bottom > bar.top + 1 && box.top < bar.bottom - 1 && box.right > bar.left && box.left < bar.right;
      if (overlaps) problems.push(`${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.top)}–${Math.round(box.bottom)}) under the navigation (${Math.round(bar.top)}–${Math.round(bar.bottom)})`);
    }
    window.scrollTo(0, 0);
    return problems.slice(0, 5);
  });
}

/**
 * WCAG 2.2 target size minimum (2.5.8): every control the learner can see is at least 24 × 24 CSS
 * px. A radio or checkbox counts with its label (clicking the label works it); a link inside a
 * sentence is exempt ("inline"), as the criterion says.
 */
export async function smallTargets(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const problems: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary');
    for (const control of Array.from(controls)) {
      if ((control.offsetParent === null && getComputedStyle(control).position !== 'fixed') || !control.checkVisibility()) continue;
      const block = control.closest('p, li, td, dd, figcaption');
      if (control.tagName === 'A' && block && (block.textContent ?? '').trim().length > (control.textContent ?? '').trim().length) continue;
      const target = ['radio', 'checkbox'].includes((control as HTMLInputElement).type) ? (control.closest('label') ?? control) : control;
      const box = target.getBoundingClientRect();
      // Out of view on purpose (the skip link until focused).
      if (box.bottom <= 0) continue;
      if (box.width < 24 || box.height < 24) problems.push(`${control.tagName.toLowerCase()} "${(control.textContent || control.getAttribute('aria-label') || '').trim().slice(0, 30)}" is ${Math.round(box.width)}×${Math.round(box.height)} px`);
    }
    return problems;
  });
}
