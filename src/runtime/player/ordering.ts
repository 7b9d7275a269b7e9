// Ordering questions: each item has Move up / Move down buttons, so the list can be put in
// order by keyboard and screen reader as well as by pointer; every move is announced.
import { all, format, one } from './dom';

export function setupOrdering(list: HTMLElement, strings: Record<string, string>): void {
  const status = one(list.parentElement ?? list, '[data-order-status]');
  list.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('[data-move]');
    const item = button?.closest<HTMLElement>('[data-item]');
    if (!button || !item) return;
    const up = button.dataset.move === 'up';
    const sibling = up ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    if (up) list.insertBefore(item, sibling);
    else list.insertBefore(sibling, item);
    const items = all(list, '[data-item]');
    const position = items.indexOf(item) + 1;
    status.textContent = format(strings.movedTo, { item: one(item, '.item-text').textContent ?? '', n: position, total: items.length });
    // A move changes the answer as typing or ticking does (the quiz times each answer by it).
    list.dispatchEvent(new Event('change', { bubbles: true }));
    // Keep focus on the control that was pressed, or its twin when the item reached an end.
    const target = up && position === 1 ? one<HTMLButtonElement>(item, '[data-move="down"]') : !up && position === items.length ? one<HTMLButtonElement>(item, '[data-move="up"]') : button;
    target.focus();
  });
}
