import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Report } from '../../../src/diagnostics';
import { loadCourse } from '../../../src/load';
import { validateCourse } from '../../../src/validate';

const HEAD = 'id: t\ntitle: T\nversion: 1.0.0\nlanguage: en\ndescription: D\ncompletion: { require: [all-pages] }\npages:\n';
const work = mkdtempSync(join(tmpdir(), 'coursepack-markdown-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;

/** A course folder holding `files` (path → text); returns its assets and diagnostics. */
function check(files: Record<string, string>) {
  const root = join(work, `c${++count}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const report = new Report();
  const loaded = loadCourse(root, report);
  const course = loaded && validateCourse(loaded, report);
  return {
    root,
    assets: course?.assets.map((asset) => asset.path) ?? [],
    found: report.sorted().map((d) => `${d.code} ${d.span?.file.split('/').pop()}:${d.span?.start.line}:${d.span?.start.column} ${d.message}`),
  };
}

const page = (body: string) => `  - id: intro\n    type: content\n    title: Intro\n    body: ${body}\n`;

test('links with a query or fragment, raw HTML links and links in an included page are packaged once each', () => {
  const { assets, found } = check({
    'course.yaml': `${HEAD}${page('"See [p. 3](assets/p.pdf#page=3), <a href=\\"assets/p.pdf\\">again</a>, [web](https://example.com) and [top](#top)."')}  - include: pages/more.yaml\n`,
    'pages/more.yaml': 'id: more\ntype: content\ntitle: More\nbody: Read [the form](assets/form.docx?v=2).\n',
    'assets/p.pdf': '%PDF-1.4',
    'assets/form.docx': 'form',
  });
  expect(found).toEqual([]);
  expect(assets).toEqual(['assets/form.docx', 'assets/p.pdf']);
});

test('links in quiz texts (prompt, choice, feedback) are checked where they are written', () => {
  const quiz = [
    '  - id: q',
    '    type: quiz',
    '    title: Q',
    '    questions:',
    '      - id: a',
    '        type: single-choice',
    '        prompt: Read [rule 1](rules/one.pdf).',
    '        feedback: { incorrect: "See [rule 2](rules/two.pdf)." }',
    '        choices:',
    '          - { text: "[Yes](rules/three.pdf)", correct: true }',
    '          - { text: No, feedback: "![x](rules/x.png)" }',
  ].join('\n');
  expect(check({ 'course.yaml': `${HEAD}${quiz}\n` }).found).toEqual([
    'file-not-found course.yaml:14:31 The linked file "rules/one.pdf" does not exist.',
    'file-not-found course.yaml:15:46 The linked file "rules/two.pdf" does not exist.',
    'file-not-found course.yaml:17:28 The linked file "rules/three.pdf" does not exist.',
    'file-not-found course.yaml:18:41 The image "rules/x.png" does not exist.',
  ]);
});

test('a folder, a symbolic link leading outside and an absolute path are refused', () => {
  const outside = join(work, 'secret.txt');
  writeFileSync(outside, 'secret');
  const files = { 'course.yaml': `${HEAD}${page('"[a](assets) [b](assets/link.txt) [c](/etc/hostname)"')}`, 'assets/x.txt': 'x' };
  const root = join(work, `c${count + 1}`);
  mkdirSync(join(root, 'assets'), { recursive: true });
  symlinkSync(outside, join(root, 'assets/link.txt'));
  expect(check(files).found).toEqual([
    'file-not-found course.yaml:11:16 The linked file "assets" does not exist.',
    'path-outside-course course.yaml:11:28 The path "assets/link.txt" points outside the course folder.',
    'path-outside-course course.yaml:11:49 The path "/etc/hostname" points outside the course folder.',
  ]);
});

test('a Markdown image must be an image the course may hold', () => {
  expect(check({ 'course.yaml': `${HEAD}${page('"![notes](assets/notes.txt)"')}`, 'assets/notes.txt': 'x' }).found).toEqual([
    'unsupported-asset course.yaml:11:21 "assets/notes.txt" is not a supported image type.',
  ]);
});

test('each removed tag and attribute is named at its line and column, in a block text', () => {
  const body = '|\n      Intro.\n\n      <iframe src="https://video.example.com/x"></iframe>\n      <a href="javascript:go()" onclick="go()">Go</a> <span style="color:red">red</span>\n\n      ![logo](https://example.com/logo.png)';
  expect(check({ 'course.yaml': `${HEAD}${page(body)}` }).found).toEqual([
    'html-removed course.yaml:14:7 The tag <iframe> in "body" is removed from the page; the text inside it stays.',
    'html-removed course.yaml:15:10 The link "javascript:go()" in "body" is removed from the page.',
    'html-removed course.yaml:15:33 The attribute onclick="go()" of <a> in "body" is removed from the page.',
    'html-removed course.yaml:15:61 The attribute style="color:red" of <span> in "body" is removed from the page.',
    'html-removed course.yaml:17:15 The image "https://example.com/logo.png" in "body" is removed from the page.',
  ]);
});

test('a block tag in a one-line text (a prompt) is named too', () => {
  const quiz = '  - id: q\n    type: quiz\n    title: Q\n    questions:\n      - { id: a, type: true-false, prompt: "<p>Sure?</p>", answer: true }\n';
  expect(check({ 'course.yaml': `${HEAD}${quiz}` }).found).toEqual(['html-removed course.yaml:12:45 The tag <p> in "prompt" is removed from the page; the text inside it stays.']);
});
