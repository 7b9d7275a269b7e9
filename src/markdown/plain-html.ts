// The sanitiser's output for the plainest HTML, without running it. Most of a course's texts are
// plain Markdown (paragraphs, emphasis, lists), whose HTML the sanitiser only writes out again;
// sanitize-html sets up its options on every call (30-50 µs a text, a tenth of a catalogue course's
// CPU). test/unit/markdown/plain-html.test.ts holds this against sanitize-html on thousands of
// texts: wherever this answers, it answers what sanitize-html writes.

/** Tags the HTML parser never closes on its own when another opens inside them. */
const INLINE = new Set(['strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code', 'kbd', 'abbr', 'q', 'cite', 'span', 'br']);
/** Block tags whose repairs (below) are recognised; tables and lists of definitions take the sanitiser's way. */
const BLOCK = new Set(['p', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);
/** Written `<br />` by sanitize-html (its selfClosing list). */
const VOID = new Set(['br', 'hr']);

/**
 * What sanitize-html writes for `html` with `allowed` tags, when every tag of it is a bare one
 * it keeps (no attribute, none renamed or dropped), properly nested, and its text holds no
 * entity but markdown-it's four escapes; undefined otherwise, for the sanitiser to handle.
 */
export function plainSanitized(html: string, allowed: ReadonlySet<string>): string | undefined {
  // The parser decodes entities and the sanitiser escapes &, < and > again: only &quot; changes.
  if (/&(?!(?:amp|lt|gt|quot);)/.test(html)) return undefined;
  const open: string[] = [];
  for (const [token] of html.matchAll(/<[^<>]*>|[<>]/g)) {
    const tag = /^<(\/?)([a-z][a-z0-9]*)>$/.exec(token);
    const name = tag?.[2];
    if (!tag || !name || !allowed.has(name) || !(INLINE.has(name) || BLOCK.has(name))) return undefined;
    if (tag[1]) {
      if (VOID.has(name) || open.pop() !== name) return undefined;
      continue;
    }
    // htmlparser2 closes an open <p> when a block opens, and an <li> when the next opens: the
    // sanitiser would write that repair, so such HTML is left to it.
    if ((BLOCK.has(name) && open.includes('p')) || (name === 'li' && open.at(-1) === 'li')) return undefined;
    if (!VOID.has(name)) open.push(name);
  }
  if (open.length > 0) return undefined;
  return html.replaceAll('&quot;', '"').replace(/<(br|hr)>/g, '<$1 />');
}
