// plainSanitized against sanitize-html itself: on the sample course's texts and on thousands of
// generated ones (Markdown, raw tags, entities, quotes), wherever it answers it must answer what
// the sanitiser writes, and it must answer for plain texts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sanitizeHtml from 'sanitize-html';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { plainSanitized } from '../../../src/markdown/plain-html';
import { BLOCK_TAGS, INLINE_TAGS, markdown, SANITIZE, SANITIZE_INLINE } from '../../../src/markdown/rules';

const block = new Set(BLOCK_TAGS);
const inline = new Set(INLINE_TAGS);

/** Every string of the sample course's YAML files. */
function sampleTexts(): string[] {
  const root = join(__dirname, '../../../courses/social-media-policy');
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.yaml') ? [join(dir, entry.name)] : []));
  const strings = (node: unknown): string[] => {
    if (isScalar(node)) return typeof node.value === 'string' ? [node.value] : [];
    if (isMap(node)) return node.items.flatMap((pair) => strings(pair.value));
    if (isSeq(node)) return node.items.flatMap(strings);
    return [];
  };
  return files(root).flatMap((file) => strings(parseDocument(readFileSync(file, 'utf8')).contents as Node));
}

/** A small seeded generator: the same texts every run. */
function generated(count: number): string[] {
  let seed = 20261207;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const parts = ['word ', 'Two words', '**', '*', '_', '`', '\n', '\n\n', '- ', '1. ', '> ', '## ', '# ', '---\n', '    code\n', '```\n', '"', "'", '&', '&amp;', '&copy;', '&#60;', '&quot;', '<', '>', '<em>', '</em>', '<p>', '</p>', '<li>', '</li>', '<ul>', '</ul>', '<kbd>', '</kbd>', '<br>', '</br>', '<hr>', '<br/>', '<EM>', '<span class="x">', '</span>', '<script>', '</script>', '<a href="https://x.example">', '</a>', '<!-- c -->', '<h1>', '</h1>', '<table>', '<td>', '<dd>', '<dt>', '[link](https://example.com)', '![img](assets/x.svg)', 'https://example.com', '<pre>', '</pre>', '  \n', '\\', '(c)', '...', '--'];
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(12) }, () => parts[next(parts.length)]).join(''));
}

const texts = [...sampleTexts(), ...generated(6000)];

test.each([
  ['block', (text: string) => markdown.render(text), block, SANITIZE],
  ['inline', (text: string) => markdown.renderInline(text), inline, SANITIZE_INLINE],
] as const)('%s: wherever it answers, it answers what sanitize-html writes', (_, render, allowed, options) => {
  let answered = 0;
  for (const text of texts) {
    const html = render(text);
    const plain = plainSanitized(html, allowed);
    if (plain === undefined) continue;
    answered++;
    expect({ text, html, out: plain }).toEqual({ text, html, out: sanitizeHtml(html, options) });
  }
  // Not vacuous: the sample's plain texts and a good share of the generated ones take this way.
  expect(answered).toBeGreaterThan(1000);
});

test('answers for plain Markdown; leaves links, images, attributes, entities and repairs to the sanitiser', () => {
  expect(plainSanitized(markdown.render('A *plain* "text"  \nwith a break.\n\n- one\n- two'), block)).toBe('<p>A <em>plain</em> “text”<br />\nwith a break.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
  for (const html of ['<p><a href="https://x.example">x</a></p>', '<p><img src="x.svg" alt=""></p>', '<p><span class="x">x</span></p>', '<p>&copy;</p>', '<p>a<ul><li>b</li></ul></p>', '<em>open', '<h1>Title</h1>', '<p>a > b</p>', '<script>alert(1)</script>', '<li>a<li>b']) {
    expect(plainSanitized(html, block)).toBeUndefined();
  }
});

test('its tags removed, it is what sanitize-html writes allowing no tag (plain text for the LMS)', () => {
  let answered = 0;
  for (const text of texts) {
    const html = markdown.renderInline(text);
    const plain = plainSanitized(html, inline);
    if (plain === undefined) continue;
    answered++;
    expect({ text, out: plain.replace(/<[^>]*>/g, '') }).toEqual({ text, out: sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }) });
  }
  expect(answered).toBeGreaterThan(1000);
});
