// A course's theme (brand colour, font stack, logo) and its own templates/ reach index.html, and
// one course's overrides never leak into another course built by the same process.
import { afterAll, expect, test } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Report } from '../../../src/diagnostics';
import { loadCourse } from '../../../src/load';
import type { Course } from '../../../src/model';
import { renderCourse } from '../../../src/render';
import { validateCourse } from '../../../src/validate';
import { contentsOf } from '../../support/output-files';

const work = mkdtempSync(join(tmpdir(), 'coursepack-theme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function themedCopy(): string {
  const folder = join(work, 'themed');
  cpSync(join(__dirname, '../../fixtures/valid/basic'), folder, { recursive: true });
  const yaml = readFileSync(join(folder, 'course.yaml'), 'utf8').replace(/^theme: .*$/m, `theme: { brand-color: "#6b2c91", logo: assets/logo.svg, font: "Inter,'Segoe UI' , sans-serif" }`);
  writeFileSync(join(folder, 'course.yaml'), yaml);
  mkdirSync(join(folder, 'templates/partials'), { recursive: true });
  writeFileSync(join(folder, 'templates/partials/header.hbs'), '<header class="course-header acme">{{course.title}} · {{t "courseProgress"}}</header>\n');
  return folder;
}

function course(folder: string): Course {
  const report = new Report();
  const loaded = loadCourse(folder, report);
  const validated = loaded && validateCourse(loaded, report);
  // The fixture's <script> is removed from the page, and named.
  expect(report.diagnostics.map((d) => d.code)).toEqual(['html-removed']);
  return validated as Course;
}

function indexHtml(of: Course): string {
  return contentsOf(renderCourse(of, 'scorm2004').find((file) => file.path === 'index.html')).toString();
}

test('brand colour and font stack become CSS variables; the course header replaces the built-in one', () => {
  const html = indexHtml(course(themedCopy()));
  expect(html).toContain(`<style>:root { --brand: #6b2c91; --brand-dark: #a866d0; --font: Inter, 'Segoe UI', sans-serif; }</style>`);
  expect(html).toContain('<header class="course-header acme">Basic course &amp; friends · Course progress</header>');
  expect(html).not.toContain('class="course-title"');
});

test('a course without templates/ gets the built-in ones, even after another course overrode them', () => {
  indexHtml(course(themedCopy()));
  const html = indexHtml(course(join(__dirname, '../../fixtures/valid/basic')));
  expect(html).toContain('class="course-title"');
  expect(html).not.toContain('acme');
  expect(html).not.toContain('--font');
});

test('the theme stylesheet stays within its share of the 8 KiB (gzip) CSS budget, leaving room for block styles', () => {
  const css = readFileSync(join(__dirname, '../../../templates/theme.css'));
  expect(gzipSync(css, { level: 9 }).length).toBeLessThanOrEqual(5.5 * 1024);
});

test('the existing colour names stay defined in both schemes, so other stylesheets can keep using them', () => {
  const css = readFileSync(join(__dirname, '../../../templates/theme.css'), 'utf8');
  const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
  for (const name of ['brand', 'text', 'muted', 'bg', 'surface', 'border', 'ok', 'bad', 'focus']) {
    expect(css).toMatch(new RegExp(`:root \\{[^}]*--${name}:`));
    expect(dark).toMatch(new RegExp(`--${name}:`));
  }
});

test('the cover says the duration in whole minutes, rounded up', async () => {
  const { durationMinutes } = await import('../../../src/render');
  expect([durationMinutes('PT20M'), durationMinutes('PT1H30M'), durationMinutes('PT45S'), durationMinutes('P1DT1M')]).toEqual([20, 90, 1, 1441]);
});
