// The every-block course rendered: each block's files in every manifest, its styles in the
// package's theme.css within budget, required parts counted for the runtime, and a course's own
// templates/blocks/<type>.hbs replacing the built-in block.
import { afterAll, expect, test } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkCourse, renderPackage, TARGETS } from '../../../src/compile';
import type { Course } from '../../../src/model';
import { buildCourseData } from '../../../src/render/course-data';
import { worstCaseSuspendData } from '../../../src/render/suspend-budget';
import { contentsOf } from '../../support/output-files';

const BLOCKS = join(__dirname, '../../fixtures/valid/blocks');
const work = mkdtempSync(join(tmpdir(), 'coursepack-blocks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function valid(folder: string): Course {
  const { course, report } = checkCourse(folder);
  expect(report.diagnostics).toEqual([]);
  return course!;
}

const file = (course: Course, target: (typeof TARGETS)[number], path: string) => contentsOf(renderPackage(course, target).find((f) => f.path === path)).toString();

test.each(TARGETS)('every file a block names is packaged and listed in the %s manifest', (target) => {
  const course = valid(BLOCKS);
  const files = renderPackage(course, target);
  const paths = ['assets/clip-audio.webm', 'assets/clip.vtt', 'assets/clip.webm', 'assets/networks.svg', 'assets/summary.pdf'];
  expect(course.assets.map((asset) => asset.path)).toEqual(paths);
  for (const path of paths) expect(files.some((f) => f.path === path)).toBe(true);
  const manifest = contentsOf(files[files.length - 1]).toString();
  // SCORM manifests list every file of the package; tincan.xml and cmi5.xml list none (images neither).
  if (target === 'scorm12' || target === 'scorm2004') for (const path of paths) expect(manifest).toContain(path);
});

test('the theme with every block style stays within 8 KiB gzip, using only the theme colours', () => {
  const css = file(valid(BLOCKS), 'scorm2004', 'theme.css');
  expect(css).toContain('.callout');
  // White on the brand colour, as the theme's header and buttons; every other colour is a theme variable.
  const blockCss = css.slice(css.indexOf('/* Content blocks'));
  expect(new Set(blockCss.match(/#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(/g))).toEqual(new Set(['#fff']));
  expect(gzipSync(css, { level: 9 }).length).toBeLessThanOrEqual(8 * 1024);
});

test('a download shows its type and size; a video its captions track in the course language', () => {
  const html = file(valid(BLOCKS), 'scorm2004', 'index.html');
  expect(html).toContain('<a href="assets/summary.pdf" download>Policy summary</a> <span class="download-size">(PDF, 2 KB)</span>');
  expect(html).toContain('<track kind="captions" src="assets/clip.vtt" srclang="en" label="Captions" default>');
});

test("a download's size is written in the digits of the course's language", () => {
  const course = valid(BLOCKS);
  const size = (language: string) => /class="download-size">\(PDF, ([^)]*)\)/.exec(file({ ...course, language }, 'scorm2004', 'index.html'))?.[1];
  expect(size('de')).toBe('2 KB');
  expect(size('fa')).toBe('۲ KB');
  expect(size('ar-EG')).toBe('٢ KB');
});

test('the runtime learns how many parts of required blocks each page has; the saved state budget counts them', () => {
  const course = valid(BLOCKS);
  const data = buildCourseData(course, 'scorm12', course.strings);
  expect(data.pages.map((page) => (page.type === 'content' ? (page.reveal ?? 0) : -1))).toEqual([0, 10, 0]);
  const withoutOpened = worstCaseSuspendData({ ...data, pages: data.pages.map((page) => ({ ...page, reveal: undefined })) });
  expect(worstCaseSuspendData(data) - withoutOpened).toBe('"o":{"1":"1111111111"},'.length);
});

test("a course's templates/blocks/callout.hbs replaces the built-in callout", () => {
  const folder = join(work, 'blocks');
  cpSync(BLOCKS, folder, { recursive: true });
  mkdirSync(join(folder, 'templates/blocks'), { recursive: true });
  writeFileSync(join(folder, 'templates/blocks/callout.hbs'), '<div class="acme-callout">{{{md text}}}</div>\n');
  const html = file(valid(folder), 'scorm2004', 'index.html');
  expect(html).toContain('<div class="acme-callout"><p>A note for the learner.</p></div>');
  expect(html).not.toContain('class="block callout');
});
