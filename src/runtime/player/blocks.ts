// The behaviour of a content page's interactive blocks, kept small: accordions are native
// <details> (no script), cards and hotspots are disclosures (WAI-ARIA APG, Disclosure), tabs
// follow the APG Tabs pattern with automatic activation. Parts of required blocks must all be
// opened before the page is done; which were opened is kept in the saved state.
import type { ContentPageData } from '../course-data';
import type { PageBehaviour, PageContext } from './context';
import { all, format } from './dom';

export function setupContent(ctx: PageContext, page: ContentPageData): PageBehaviour {
  all(ctx.section, '[data-disclosure]').forEach(setupDisclosure);
  all(ctx.section, '[data-tabs]').forEach(setupTabs);
  const media = all<HTMLMediaElement>(ctx.section, 'video[preload="none"], audio[preload="none"]');
  // Players come as preload="none": a course opening on an LMS loads no media of pages not
  // reached. Shown, they load their metadata (length, first frame), as a player in view should.
  const load = (): void => media.forEach((player) => (player.preload = 'metadata'));
  const total = page.reveal ?? 0;
  // A course's own block template may show fewer parts than the block has: those it shows are all
  // a learner can open, so they are enough (the saved row keeps the block's length).
  const parts = all(ctx.section, '[data-reveal]').slice(0, total);
  if (!parts.length) return { shown: () => (load(), ctx.complete()) };
  // Written to the saved state only once something is opened.
  const opened = (): boolean[] => (ctx.state.opened[ctx.index] ??= Array.from({ length: total }, () => false));
  const status = ctx.section.querySelector('[data-reveal-status]');
  const update = (): void => {
    const marks = ctx.state.opened[ctx.index] ?? [];
    const count = marks.filter(Boolean).length;
    parts.forEach((part, i) => part.classList.toggle('opened', Boolean(marks[i])));
    if (status) status.textContent = format(ctx.strings.revealProgress, { n: count, total: parts.length });
    if (count >= parts.length) ctx.complete();
  };
  const open = (i: number): void => {
    if (opened()[i]) return;
    opened()[i] = true;
    update();
    ctx.changed();
  };
  parts.forEach((part, i) => {
    if (part instanceof HTMLDetailsElement) part.addEventListener('toggle', () => part.open && open(i));
    else part.addEventListener('click', () => open(i));
  });
  // The selected tab's panel is in view as soon as the page is.
  return { shown: () => (load(), parts.forEach((part, i) => part.getAttribute('aria-selected') === 'true' && open(i)), update()) };
}

/** A button that shows and hides the element it controls. */
function setupDisclosure(button: HTMLElement): void {
  const target = button.ownerDocument.getElementById(button.getAttribute('aria-controls') ?? '');
  button.addEventListener('click', () => {
    const expanded = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(expanded));
    if (target) target.hidden = !expanded;
  });
}

/** One tab stop for the row; arrows (and Home, End) move to and select a tab. */
function setupTabs(block: HTMLElement): void {
  const tabs = all<HTMLButtonElement>(block, '[role="tab"]');
  const select = (chosen: HTMLButtonElement): void => {
    for (const tab of tabs) {
      const on = tab === chosen;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      const panel = block.ownerDocument.getElementById(tab.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !on;
    }
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (event) => {
      const rtl = getComputedStyle(block).direction === 'rtl';
      const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, Home: -i, End: tabs.length - 1 - i }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      const next = tabs[(i + step + tabs.length) % tabs.length];
      next?.focus();
      // A click selects it as a pointer would, so whatever follows clicks (required blocks) hears of it.
      next?.click();
    });
  });
}
