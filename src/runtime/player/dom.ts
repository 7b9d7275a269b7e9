export function one<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`coursepack: missing ${selector}`);
  return found;
}

export function all<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  return Array.from(root.querySelectorAll<T>(selector));
}

/**
 * "Page {n} of {total}" with values filled in. A number shown with words that agree with it is
 * written as in ICU MessageFormat, "{n, plural, one {# attempt} other {# attempts}}": the form is
 * the CLDR category Intl.PluralRules gives the number in the page's language (<html lang>);
 * English has two, Polish four, Arabic six. `#` in a form is the number.
 */
export function format(template: string | undefined, values: Record<string, string | number>): string {
  return (template ?? '')
    .replace(PLURAL, (_, key: string, forms: string) => {
      const count = Number(values[key]);
      const chosen: Record<string, string> = {};
      for (const [, category = '', text = ''] of forms.matchAll(PLURAL_FORM)) chosen[category] = text;
      return (chosen[pluralCategory(count)] ?? chosen.other ?? '').replace(/#/g, String(count));
    })
    .replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** `{n, plural, one {…} other {…}}`; a form may hold placeholders, never another plural. */
const PLURAL = /\{(\w+), *plural,((?: *\w+ *\{(?:[^{}]|\{\w+\})*\})+) *\}/g;
const PLURAL_FORM = /(\w+) *\{((?:[^{}]|\{\w+\})*)\}/g;

function pluralCategory(count: number): string {
  try {
    return new Intl.PluralRules(document.documentElement.lang || undefined).select(count);
  } catch {
    // A tag this browser's Intl refuses: English's rule rather than no text.
    return count === 1 ? 'one' : 'other';
  }
}

/** The contents of a <template> written at build time (sanitised Markdown), as a fragment. */
export function templateContent(root: ParentNode, selector: string): DocumentFragment | undefined {
  const template = root.querySelector<HTMLTemplateElement>(selector);
  return template ? (template.content.cloneNode(true) as DocumentFragment) : undefined;
}

/** An element's text as it reads, spaces and line breaks collapsed. */
export const text = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

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
