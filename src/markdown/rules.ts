// The one Markdown parser and the sanitiser's rules: what reaches a course page.
import MarkdownIt from 'markdown-it';
import type sanitizeHtml from 'sanitize-html';

// Designers may use safe inline HTML (<abbr>, <kbd>, …) in Markdown; the sanitiser, not the
// Markdown parser, decides what reaches the page, so nothing unsafe gets through either way.
export const markdown = new MarkdownIt({ html: true, linkify: true, typographer: true });

export const BLOCK_TAGS = [
  'p', 'br', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code', 'kbd', 'abbr', 'q', 'cite',
  'pre', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'span',
];
export const INLINE_TAGS = ['strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code', 'kbd', 'abbr', 'q', 'cite', 'a', 'img', 'br', 'span'];
const ALIGNED = { 'text-align': [/^(left|right|center)$/] };

export const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: BLOCK_TAGS,
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], img: ['src', 'alt', 'title'], abbr: ['title'], th: ['scope', 'style'], td: ['style'], ol: ['start'], code: ['class'] },
  // Markdown's table alignment (|---:|) and code block language are the designer's, and harmless.
  allowedStyles: { th: ALIGNED, td: ALIGNED },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images come from the package only (validate checks each is a file of the course): a package
  // loads nothing from the internet, which LMS content policies and offline learners forbid.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
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

export const SANITIZE_INLINE: sanitizeHtml.IOptions = { ...SANITIZE, allowedTags: INLINE_TAGS };
