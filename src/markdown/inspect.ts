// What a Markdown text becomes on the page, compared with what its author wrote: the links and
// images that stay, and every tag and attribute the sanitiser removes. The comparison runs the
// real sanitiser (same options as rendering) and lists the elements before and after it, so it
// cannot drift from what the page gets.
import sanitizeHtml from 'sanitize-html';
import { remembered } from './remembered';
import { markdownHtml, renderInlineMarkdown, renderMarkdown } from './render';
import { BLOCK_TAGS, INLINE_TAGS, SANITIZE, SANITIZE_INLINE } from './rules';

/** A tag the sanitiser removed (with its attributes), or one attribute of a tag it kept. */
export interface Removed {
  tag: string;
  attribs: Record<string, string>;
  /** Set when only this attribute went and the tag stayed. */
  attribute?: string;
  /** The element's text went with it (script, style: sanitize-html's non-text tags). */
  withContent: boolean;
}

export interface MarkdownFindings {
  /** `href` of every link on the page, in order. */
  links: string[];
  /** `src` of every image on the page, in order. */
  images: string[];
  removed: Removed[];
}

interface Element {
  tag: string;
  attribs: Record<string, string>;
}

// sanitize-html's default nonTextTags: their content is dropped with them.
const NON_TEXT = ['script', 'style', 'textarea', 'option'];

const inspectBlock = remembered((source) => inspect(source, false));
const inspectInline = remembered((source) => inspect(source, true));

/** What the page gets of a Markdown text; remembered, and shared by its callers (read only). */
export function inspectMarkdown(source: string, inline: boolean): Readonly<MarkdownFindings> {
  return inline ? inspectInline(source) : inspectBlock(source);
}

function inspect(source: string, inline: boolean): MarkdownFindings {
  const html = markdownHtml(source, inline);
  return onlyKeptPlainTags(html, inline ? INLINE_KEPT : BLOCK_KEPT) ? NOTHING : inspectFully(source, inline);
}

const NOTHING: MarkdownFindings = Object.freeze({ links: [], images: [], removed: [] });
/** Tags the sanitiser keeps as they are when they have no attribute (h1 becomes h2: renamed, not removed). */
const BLOCK_KEPT = new Set([...BLOCK_TAGS, 'h1'].filter((tag) => tag !== 'a' && tag !== 'img'));
const INLINE_KEPT = new Set(INLINE_TAGS.filter((tag) => tag !== 'a' && tag !== 'img'));

/**
 * Most texts are plain Markdown: paragraphs, lists, emphasis. When every tag of the HTML is a bare
 * `<tag>` or `</tag>` the sanitiser keeps, it removes nothing and nothing links or shows an image:
 * the full comparison (three passes of the sanitiser) would find nothing, and is skipped.
 */
function onlyKeptPlainTags(html: string, kept: ReadonlySet<string>): boolean {
  for (const [tag] of html.matchAll(/<[^>]*>?/g)) {
    const name = /^<\/?([a-z][a-z0-9]*)>$/.exec(tag)?.[1];
    if (!name || !kept.has(name)) return false;
  }
  return true;
}

/** The comparison in full: the elements before and after the sanitiser (exported for its test). */
export function inspectFully(source: string, inline: boolean): MarkdownFindings {
  const options = inline ? SANITIZE_INLINE : SANITIZE;
  const html = markdownHtml(source, inline);
  const before = elements(html, options);
  // The page's own rendering (remembered, so the render phase reuses it).
  const after = elements(inline ? renderInlineMarkdown(source) : renderMarkdown(source), options);
  return {
    links: after.filter((e) => e.tag === 'a' && e.attribs.href !== undefined).map((e) => e.attribs.href ?? ''),
    images: after.filter((e) => e.tag === 'img' && e.attribs.src !== undefined).map((e) => e.attribs.src ?? ''),
    removed: compare(before, after),
  };
}

/**
 * The sanitiser only removes (elements, attributes), never reorders: walking both lists in order,
 * an element that has no kept counterpart was removed.
 */
function compare(before: Element[], after: Element[]): Removed[] {
  const removed: Removed[] = [];
  let next = 0;
  for (const element of before) {
    const kept = after[next];
    if (!kept || !sameElement(element, kept)) {
      removed.push({ ...element, withContent: NON_TEXT.includes(element.tag) });
      continue;
    }
    next++;
    for (const [attribute, value] of Object.entries(element.attribs)) {
      if (!(attribute in kept.attribs)) removed.push({ tag: element.tag, attribs: { [attribute]: value }, attribute, withContent: false });
    }
  }
  return removed;
}

/** Same tag, and where it links or what it shows unchanged (the sanitiser may tidy other values). */
function sameElement(element: Element, kept: Element): boolean {
  if (element.tag !== kept.tag) return false;
  return ['href', 'src'].every((name) => !(name in kept.attribs) || kept.attribs[name] === element.attribs[name]);
}

/** Every element of the HTML in document order, after the tag renames the page gets (h1 → h2). */
function elements(html: string, options: sanitizeHtml.IOptions): Element[] {
  const found: Element[] = [];
  sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    transformTags: {
      ...options.transformTags,
      '*': (tagName, attribs) => {
        found.push({ tag: tagName, attribs: { ...attribs } });
        return { tagName, attribs };
      },
    },
  });
  return found;
}
