// Markdown to sanitised HTML or text, each result remembered: validate (which inspects the
// same texts) and every target's render then share one rendering of each text.
import sanitizeHtml from 'sanitize-html';
import { plainSanitized } from './plain-html';
import { remembered } from './remembered';
import { BLOCK_TAGS, INLINE_TAGS, markdown, SANITIZE, SANITIZE_INLINE } from './rules';

const BLOCK = new Set(BLOCK_TAGS);
const INLINE = new Set(INLINE_TAGS);
const TEXT_ONLY: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {} };

const blockHtml = remembered((source: string) => markdown.render(source));
const inlineHtml = remembered((source: string) => markdown.renderInline(source));

/** Markdown-it's HTML of a text, before the sanitiser: inspected by validate, sanitised for the page. */
export function markdownHtml(source: string, inline: boolean): string {
  return inline ? inlineHtml(source) : blockHtml(source);
}

/** Markdown block (paragraphs, lists) → sanitised HTML. */
export const renderMarkdown = remembered((source: string) => sanitized(blockHtml(source), BLOCK, SANITIZE).trim());

/** One line of Markdown (a prompt, a choice) → sanitised inline HTML, without a <p>. */
export const renderInlineMarkdown = remembered((source: string) => sanitized(inlineHtml(source), INLINE, SANITIZE_INLINE).trim());

/** What the sanitiser writes for `html`: plain HTML (most texts) is known without running it. */
function sanitized(html: string, allowed: ReadonlySet<string>, options: sanitizeHtml.IOptions): string {
  return plainSanitized(html, allowed) ?? sanitizeHtml(html, options);
}

/** The sanitiser's escapes, decoded in one pass: "&amp;lt;" is the text "&lt;", not "<". */
const ESCAPED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Plain text of Markdown, for LMS fields such as interaction descriptions. */
export const markdownToText = remembered((source: string): string => {
  const html = markdown.renderInline(source);
  // Without a tag allowed, the sanitiser drops every tag and keeps their text.
  const text = plainSanitized(html, INLINE)?.replace(/<[^>]*>/g, '') ?? sanitizeHtml(html, TEXT_ONLY);
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ESCAPED[entity] ?? entity).replace(/\s+/g, ' ').trim();
});
