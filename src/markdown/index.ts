// Markdown as coursepack reads it, for render (HTML for the page) and validate (the files it
// links to, the HTML the sanitiser removes) alike: one parser, one set of sanitiser rules.
export { markdownToText, renderInlineMarkdown, renderMarkdown } from './render';
export { inspectMarkdown, type MarkdownFindings, type Removed } from './inspect';
export { BLOCK_TAGS } from './rules';
