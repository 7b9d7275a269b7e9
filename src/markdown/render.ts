// Markdown to sanitised HTML or text, each result remembered: validate (which inspects the
// same texts) and every target's render then share one rendering of each text.
import sanitizeHtml from 'sanitize-html';
import { remembered } from './remembered';
import { markdown, SANITIZE, SANITIZE_INLINE } from './rules';

const blockHtml = remembered((source: string) => markdown.render(source));
const inlineHtml = remembered((source: string) => markdown.renderInline(source));

/** Markdown-it's HTML of a text, before the sanitiser: inspected by validate, sanitised for the page. */
export function markdownHtml(source: string, inline: boolean): string {
  return inline ? inlineHtml(source) : blockHtml(source);
}

/** Markdown block (paragraphs, lists) → sanitised HTML. */
export const renderMarkdown = remembered((source: string) => sanitizeHtml(blockHtml(source), SANITIZE).trim());

/** One line of Markdown (a prompt, a choice) → sanitised inline HTML, without a <p>. */
export const renderInlineMarkdown = remembered((source: string) => sanitizeHtml(inlineHtml(source), SANITIZE_INLINE).trim());

/** Plain text of Markdown, for LMS fields such as interaction descriptions. */
export const markdownToText = remembered((source: string): string =>
  sanitizeHtml(markdown.renderInline(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim(),
);
