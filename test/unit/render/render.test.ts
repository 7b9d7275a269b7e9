import { join } from 'node:path';
import { Report } from '../../../src/diagnostics';
import { loadCourse } from '../../../src/load';
import type { Course } from '../../../src/model';
import { buildCourseData } from '../../../src/render/course-data';
import { markdownToText, renderInlineMarkdown, renderMarkdown } from '../../../src/markdown';
import { createTemplates, loadStrings } from '../../../src/render/templates';
import { renderCourse } from '../../../src/render';
import { validateCourse } from '../../../src/validate';
import { contentsOf } from '../../support/output-files';

function basicCourse(): Course {
  const report = new Report();
  const loaded = loadCourse(join(__dirname, '../../fixtures/valid/basic'), report);
  const course = loaded && validateCourse(loaded, report);
  // The fixture's <script> is removed from the page, and named.
  expect(report.diagnostics.map((d) => d.code)).toEqual(['html-removed']);
  return course as Course;
}

describe('markdown', () => {
  test('removes scripts, event handlers, javascript: links and images from the internet, keeps safe HTML', () => {
    const html = renderMarkdown('Hi <script>alert(1)</script><img src=x onerror=alert(1)> ![t](https://example.com/t.png) <a href="javascript:alert(1)">x</a> <abbr title="HR">HR</abbr>');
    expect(html).not.toMatch(/<script|onerror|javascript|example\.com/);
    expect(html).toContain('<abbr title="HR">HR</abbr>');
    // A path in the course folder: validation has checked that it is one of the course's files.
    expect(html).toContain('<img src="x" />');
  });
  test('table alignment and a code block language written in Markdown are kept', () => {
    expect(renderMarkdown('| a |\n|--:|\n| 1 |')).toContain('<th style="text-align:right">a</th>');
    expect(renderMarkdown('```js\nx\n```')).toContain('<code class="language-js">');
  });
  test('links open outside the LMS frame; headings start below the page title', () => {
    expect(renderMarkdown('[policy](https://example.com/p)')).toContain('<a href="https://example.com/p" target="_blank" rel="noopener noreferrer">policy</a>');
    expect(renderMarkdown('# Big')).toBe('<h2>Big</h2>');
  });
  test('inline markdown has no paragraph; plain text decodes entities', () => {
    expect(renderInlineMarkdown('**Post** it')).toBe('<strong>Post</strong> it');
    expect(markdownToText('**Tom & Jerry** <b>say</b>   "hi"')).toBe('Tom & Jerry say “hi”');
  });

  test('plain text decodes each entity once: an escaped "&lt;" stays the four characters written', () => {
    expect(markdownToText('Type \\&lt; or \\&amp;, not < or &')).toBe('Type &lt; or &amp;, not < or &');
  });
});

describe('index.html', () => {
  const course = basicCourse();
  const strings = loadStrings(course.language);
  const data = buildCourseData(course, 'scorm12', strings);
  const html = createTemplates(strings)({
    course: { ...course, brandColor: course.theme.brandColor, logo: course.theme.logo?.path },
    pages: course.pages,
    courseData: JSON.stringify(data),
  });

  test('one labelled section per page, the first heading of each is its title', () => {
    for (const page of course.pages) {
      expect(html).toContain(`<section class="page page-${page.type}" id="page-${page.id}" data-page="${page.id}" aria-labelledby="title-${page.id}" hidden>`);
    }
    expect(html).toContain('<h1 id="title-results" tabindex="-1">Your results</h1>');
  });
  test('texts are escaped and unsafe HTML never reaches the page', () => {
    expect(html).toContain('<title>Basic course &amp; friends</title>');
    expect(html).not.toContain("alert('x')");
  });
  test('questions are fieldsets with a legend, every input labelled', () => {
    expect(html).toMatch(/<fieldset class="question question-single-choice" data-question="best-approach" id="q-best-approach">\s*<legend>/);
    expect(html).toContain('<label class="option"><input type="checkbox" name="q-who-writes" value="hr"> <span>HR</span></label>');
    expect(html).toContain('<label class="fill-in"><span>Your answer</span> <input type="text" name="q-network"');
  });
  test('course data carries scoring, not texts', () => {
    expect(data.pages.map((p) => p.type)).toEqual(['content', 'scenario', 'quiz', 'attestation', 'results']);
    const scenario = data.pages[1];
    expect(scenario).toMatchObject({ type: 'scenario', start: 'first', maxPoints: 20 });
    expect(data).toMatchObject({ standard: 'scorm12', passingScore: 70, report: 'passed-failed', require: ['all-pages', 'passing-score', 'attestation'] });
  });
});

describe('one page for every target', () => {
  /** The page's course data, parsed, and the page with it taken out. */
  const split = (html: string) => {
    const found = /<script type="application\/json" id="cp-data">(.*?)<\/script>/s.exec(html)!;
    return { data: JSON.parse(found[1]!) as { standard: string }, rest: html.replace(found[1]!, '') };
  };
  const page = (files: ReturnType<typeof renderCourse>) => contentsOf(files.find((file) => file.path === 'index.html')).toString('utf8');

  test("each target's page carries its own standard's data; the rest of the page is the same", () => {
    const course = basicCourse();
    const pages = (['scorm12', 'scorm2004', 'xapi', 'cmi5'] as const).map((standard) => split(page(renderCourse(course, standard))));
    expect(pages.map((p) => p.data.standard)).toEqual(['scorm12', 'scorm2004', 'xapi', 'cmi5']);
    for (const p of pages) expect(p.rest).toBe(pages[0]!.rest);
    // Rendered again (another process would start from nothing): the same bytes.
    expect(page(renderCourse(basicCourse(), 'xapi'))).toBe(page(renderCourse(course, 'xapi')));
    expect(page(renderCourse(course, 'xapi'))).not.toContain('coursepack-course-data');
  });
});
