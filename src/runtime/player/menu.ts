// The menu of pages (`menu: true`): a <details> disclosure, open beside the page on wide screens
// and folded above it on narrow ones; each page's state is told by text, not by its icon alone.
import { all } from './dom';

/** Wide enough for the menu beside the page (theme.css lays it out as a sidebar from here). */
const SIDEBAR = '(min-width: 64em)';

export function setupMenu(doc: Document, go: (index: number) => void): void {
  const menu = doc.querySelector<HTMLDetailsElement>('#cp-menu');
  if (!menu) return;
  const wide = matchMedia(SIDEBAR);
  const fit = (): void => void (menu.open = wide.matches);
  fit();
  // A window resized or a tablet turned across the width: open beside, folded above.
  wide.addEventListener('change', fit);
  all(menu, '[data-goto]').forEach((item, index) =>
    item.addEventListener('click', () => {
      if (item.getAttribute('aria-disabled') === 'true') return;
      // Folded away on a narrow screen, where it would push the page down.
      if (!wide.matches) menu.open = false;
      go(index);
    }),
  );
}

export interface MenuItemState {
  current: boolean;
  done: boolean;
  locked: boolean;
}

/** aria-current="page" on the page shown; "(done)" or "(locked)" as visually hidden text. */
export function markMenu(doc: Document, strings: Record<string, string>, state: (index: number) => MenuItemState): void {
  all(doc, '[data-goto]').forEach((item, index) => {
    const { current, done, locked } = state(index);
    if (current) item.setAttribute('aria-current', 'page');
    else item.removeAttribute('aria-current');
    item.setAttribute('aria-disabled', String(locked));
    item.toggleAttribute('data-done', done);
    const label = item.querySelector('[data-state]');
    if (label) label.textContent = locked ? (strings.menuLocked ?? '') : done ? (strings.menuDone ?? '') : '';
  });
}
