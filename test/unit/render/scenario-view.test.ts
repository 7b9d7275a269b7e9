// Each choice's feedback template holds its quality (icon and words) and, where it is not the
// best, the scene's best choice: decided when building, shown by the runtime.
import { join } from 'node:path';
import { Report } from '../../../src/diagnostics';
import { loadCourse } from '../../../src/load';
import { renderCourse } from '../../../src/render';
import { validateCourse } from '../../../src/validate';
import { contentsOf } from '../../support/output-files';

function indexHtml(): string {
  const report = new Report();
  const loaded = loadCourse(join(__dirname, '../../fixtures/valid/scenario-character'), report);
  const course = loaded && validateCourse(loaded, report);
  expect(report.diagnostics).toEqual([]);
  return contentsOf(renderCourse(course!, 'scorm2004').find((file) => file.path === 'index.html')).toString();
}

const template = (html: string, choice: string): string => new RegExp(`<template data-feedback="${choice}">([\\s\\S]*?)</template>`).exec(html)?.[1] ?? '';

test('rates each choice against the best of its scene: 10 best, 6 acceptable (half or more), 0 poor', () => {
  const html = indexHtml();
  const quality = (choice: string) => /class="quality is-(\w+)">(<svg[^>]*aria-hidden="true"[^>]*>)[\s\S]*?<span>([^<]+)<\/span>/.exec(template(html, choice))?.slice(1).map((part) => part.replace(/<svg.*/, 'svg'));
  expect(quality('flag')).toEqual(['best', 'svg', 'Best choice']);
  expect(quality('ignore')).toEqual(['acceptable', 'svg', 'Acceptable choice']);
  expect(quality('argue')).toEqual(['poor', 'svg', 'Poor choice']);
  expect(quality('promise')).toEqual(['poor', 'svg', 'Poor choice']);
  // The three icons differ in shape, not only in colour.
  const shapes = new Set(['flag', 'ignore', 'argue'].map((choice) => /<svg[\s\S]*?<\/svg>/.exec(template(html, choice))?.[0]));
  expect(shapes.size).toBe(3);
});

test('a choice that is not the best names the best one of its scene; the best one names none', () => {
  const html = indexHtml();
  expect(template(html, 'argue')).toContain('<p class="best-choice">The best choice: Pass the post to customer support</p>');
  expect(template(html, 'ignore')).toContain('<p class="best-choice">The best choice: Pass the post to customer support</p>');
  expect(template(html, 'flag')).not.toContain('best-choice');
});

test('the character stands beside the scenes with its portrait, named by name and role', () => {
  const html = indexHtml();
  expect(html).toMatch(/<div class="scenario has-character" data-scenario="complaint">\s*<figure class="character">\s*<img src="assets\/guide.svg" alt="Sam Ortiz, Warehouse team lead">\s*<figcaption><span class="character-name">Sam Ortiz<\/span> <span class="character-role">Warehouse team lead<\/span><\/figcaption>/);
});
