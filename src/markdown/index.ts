import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Designers may use safe inline HTML (<abbr>, <kbd>, …) in Markdown; the sanitiser, not the
// Markdown parser, decides what reaches the page, so nothing unsafe gets through either way.
const markdown = new MarkdownIt({ html: true, linkify: true, typographer: true });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code', 'kbd', 'abbr', 'q', 'cite',
    'pre', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'span',
  ],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], abbr: ['title'], th: ['scope'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    // The page title is the only h1: body headings start one level below, for screen readers.
    h1: 'h2',
    // The course runs inside the LMS's frame: a link must not navigate the course away.
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.href?.startsWith('#') ? attribs : { ...attribs, target: '_blank', rel: 'noopener noreferrer' },
    }),
  },
};

/** Markdown block (paragraphs, lists) → sanitised HTML. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE).trim();
}

/** One line of Markdown (a prompt, a choice) → sanitised inline HTML, without a <p>. */
export function renderInlineMarkdown(source: string): string {
  return sanitizeHtml(markdown.renderInline(source), { ...SANITIZE, allowedTags: INLINE_TAGS }).trim();
}

const INLINE_TAGS = ['strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code', 'kbd', 'abbr', 'q', 'cite', 'a', 'br', 'span'];

/** Plain text of Markdown, for LMS fields such as interaction descriptions. */
export function markdownToText(source: string): string {
  return sanitizeHtml(markdown.renderInline(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
