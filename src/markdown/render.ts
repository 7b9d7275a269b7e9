// Markdown to sanitised HTML or text, each result remembered: validate (which inspects the
// same texts) and every target's render then share one rendering of each text.
import sanitizeHtml from 'sanitize-html';
import { markdown, SANITIZE, SANITIZE_INLINE } from './rules';

/** Markdown block (paragraphs, lists) → sanitised HTML. */
export const renderMarkdown = remembered((source: string) => sanitizeHtml(markdown.render(source), SANITIZE).trim());

/** One line of Markdown (a prompt, a choice) → sanitised inline HTML, without a <p>. */
export const renderInlineMarkdown = remembered((source: string) => sanitizeHtml(markdown.renderInline(source), SANITIZE_INLINE).trim());

/** Plain text of Markdown, for LMS fields such as interaction descriptions. */
export const markdownToText = remembered((source: string): string =>
  sanitizeHtml(markdown.renderInline(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim(),
);

/** Texts remembered per function: past this many, the memory is emptied (it stays flat). */
const REMEMBERED = 2000;

/**
 * A pure text function that remembers its recent results: a course's texts are inspected by
 * validate and rendered once per target (five times in a full build), and sanitising is most of
 * a build's CPU.
 */
function remembered(render: (source: string) => string): (source: string) => string {
  const seen = new Map<string, string>();
  return (source) => {
    let html = seen.get(source);
    if (html === undefined) {
      if (seen.size >= REMEMBERED) seen.clear();
      seen.set(source, (html = render(source)));
    }
    return html;
  };
}
