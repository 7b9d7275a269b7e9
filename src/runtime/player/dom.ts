export function one<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`coursepack: missing ${selector}`);
  return found;
}

export function all<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  return Array.from(root.querySelectorAll<T>(selector));
}

/** "Page {n} of {total}" with values filled in. */
export function format(template: string | undefined, values: Record<string, string | number>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** The contents of a <template> written at build time (sanitised Markdown), as a fragment. */
export function templateContent(root: ParentNode, selector: string): DocumentFragment | undefined {
  const template = root.querySelector<HTMLTemplateElement>(selector);
  return template ? (template.content.cloneNode(true) as DocumentFragment) : undefined;
}

export function paragraph(text: string, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

/** Elements a keyboard reaches by themselves: they must keep their place in the Tab order. */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

/**
 * Moves focus for keyboard and screen-reader users without scrolling past the target. Only an
 * element that cannot take focus (a heading, a status) is given tabindex="-1": on a form control
 * it would take the control out of the Tab order for good.
 */
export function focus(element: HTMLElement): void {
  if (!element.matches(FOCUSABLE)) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: false });
}
