import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Course } from '../model';
import type { Standard } from '../runtime/course-data';
import { toolRoot } from '../tool-root';
import { buildCourseData, hasSeatTime } from './course-data';
import type { OutputFile } from './output-file';
import { pageViews } from './question-view';
import { createTemplates, readThemeCss, textDirection } from './templates';

export type { OutputFile } from './output-file';

/** The package's files (without the manifest): index.html, theme, runtime and assets. */
export function renderCourse(course: Course, standard: Standard, options: { preview?: boolean } = {}): OutputFile[] {
  const strings = course.strings;
  const layout = createTemplates(strings, course.templates);
  const data = buildCourseData(course, standard, strings);
  const html = layout({
    course: { ...course, dir: textDirection(course.language), brandColor: course.theme.brandColor, font: course.theme.font, logo: course.theme.logo?.path, seat: hasSeatTime(course) },
    pages: pageViews(course.pages, strings),
    policies: course.pages.flatMap((page) => (page.type === 'attestation' && page.policy ? [page.policy] : [])),
    courseData: scriptSafeJson(data),
  });
  return [
    { path: 'index.html', contents: Buffer.from(html) },
    { path: 'theme.css', contents: readThemeCss() },
    { path: 'coursepack.js', contents: readRuntime(options.preview) },
    ...course.assets.map((asset) => ({ path: asset.path, contents: readFileSync(asset.absolutePath) })),
  ];
}

/** JSON inside <script> must not contain "</script>" or "<!--": escape every "<". */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const runtimes = new Map<string, Buffer>();

/**
 * The browser runtime, bundled by esbuild when coursepack itself is built (npm install); the
 * preview's copy also holds the developer hooks the preview page drives (jump, auto-answer).
 */
export function readRuntime(preview = false): Buffer {
  const file = preview ? 'runtime-preview.js' : 'runtime.js';
  const cached = runtimes.get(file) ?? readFileSync(join(toolRoot(), 'dist', file));
  runtimes.set(file, cached);
  return cached;
}
