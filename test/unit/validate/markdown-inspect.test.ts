// What validate learns of a Markdown text (links, images, HTML the sanitiser removes) is the same
// whether the full comparison runs or is skipped for plain Markdown (src/markdown/inspect.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isScalar, parseDocument, visit } from 'yaml';
import { inspectMarkdown } from '../../../src/markdown';
import { inspectFully } from '../../../src/markdown/inspect';

const HAND_WRITTEN = [
  'Plain text.',
  'A **bold** and _em_ text\n\n- one\n- two\n\n1. first\n2. second',
  '# A heading\n\nthen text',
  '> a quote\n\n---\n\n`code`',
  '| a | b |\n|---|--:|\n| 1 | 2 |',
  '```js\nx\n```',
  'See [the policy](assets/policy.pdf) or www.example.com or https://example.com/x',
  'Mail people@example.com',
  '![chart](assets/chart.svg)',
  'Hi <script>alert(1)</script> <b onclick="x()">b</b> <abbr title="HR">HR</abbr> <span>s</span> <div>d</div>',
  '<!-- a comment --> text',
  'a < b and c > d, 1 <2',
  '<iframe src="https://example.com"></iframe>',
  '[x](javascript:alert(1)) [y](ftp://example.com/f)',
  '3. starts at three\n4. four',
  'line  \nbreak',
  '~~struck~~ and "quotes" -- dashes...',
];

/** Every string value of the YAML files of the courses and valid fixtures: real course texts. */
function courseTexts(): string[] {
  const roots = ['courses', 'test/fixtures/valid'].map((dir) => join(__dirname, '../../..', dir));
  const texts: string[] = [];
  const walk = (path: string): void => {
    if (statSync(path).isDirectory()) return readdirSync(path).forEach((name) => walk(join(path, name)));
    if (!path.endsWith('.yaml')) return;
    visit(parseDocument(readFileSync(path, 'utf8')), {
      Scalar(_, node) {
        if (isScalar(node) && typeof node.value === 'string') texts.push(node.value);
      },
    });
  };
  roots.forEach(walk);
  return texts;
}

test.each([false, true])('inline %s: the findings equal the full comparison, for hand-written and every course text', (inline) => {
  const texts = [...HAND_WRITTEN, ...courseTexts()];
  expect(texts.length).toBeGreaterThan(300);
  for (const text of texts) expect([text, inspectMarkdown(text, inline)]).toEqual([text, inspectFully(text, inline)]);
  // The hand-written ones do find things: the comparison is not vacuous.
  expect(inspectMarkdown(HAND_WRITTEN[9]!, inline).removed.map((r) => r.tag)).toContain('script');
  expect(inspectMarkdown(HAND_WRITTEN[6]!, inline).links).toContain('assets/policy.pdf');
});
