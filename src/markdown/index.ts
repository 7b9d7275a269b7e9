// Markdown as coursepack reads it, for render (HTML for the page) and validate (the files it
// links to, the HTML the sanitiser removes) alike: one parser, one set of sanitiser rules.
import sanitizeHtml from 'sanitize-html';
import { markdown, SANITIZE, SANITIZE_INLINE } from './rules';

export { inspectMarkdown, type MarkdownFindings, type Removed } from './inspect';
export { BLOCK_TAGS } from './rules';

/** Markdown block (paragraphs, lists) → sanitised HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE).trim();
}

/** One line of Markdown (a prompt, a choice) → sanitised inline HTML, without a <p>. */
export function renderInlineMarkdown(source: string): string {
  return sanitizeHtml(markdown.renderInline(source), SANITIZE_INLINE).trim();
}

/** Plain text of Markdown, for LMS fields such as interaction descriptions. */
export function markdownToText(source: string): string {
  return sanitizeHtml(markdown.renderInline(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
