import { closest } from '../diagnostics/did-you-mean';
import { messages } from '../diagnostics';
import type { LoadedCourse } from '../load';
import type { Completion, Course, Page, ReportMode, Requirement } from '../model';
import { uniqueAssets } from './assets';
import type { ValidationContext } from './context';
import { IdScope } from './ids';
import { readMarkdownFiles } from './markdown';
import { readPage } from './pages';
import { type Fields, Reader } from './reader';
import { validateTemplates } from './templates';
import { readTheme } from './theme';

const COURSE_KEYS = {
  required: ['id', 'title', 'version', 'language', 'description', 'pages'],
  optional: ['author', 'duration', 'keywords', 'completion', 'navigation', 'theme', 'activity-id'],
} as const;

export const REQUIREMENTS: readonly Requirement[] = ['all-pages', 'passing-score', 'attestation'];
export const REPORT_MODES: readonly ReportMode[] = ['passed-incomplete', 'passed-failed', 'completed-incomplete', 'completed-failed'];
const LANGUAGE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
const DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
// An absolute IRI an LRS accepts as an activity id: http(s) or urn, no spaces, query or fragment.
const ACTIVITY_IRI = /^(https?:\/\/[^\s?#/]+(\/[^\s?#]*)?|urn:[a-z0-9][a-z0-9-]{0,31}:[^\s?#]+)$/i;

/** Turns the loaded YAML into a Course, or reports every problem and returns undefined. */
export function validateCourse(loaded: LoadedCourse, report: import('../diagnostics').Report): Course | undefined {
  if (loaded.files.some((file) => file.doc.errors.length > 0)) return undefined;
  const reader = new Reader(loaded.main, report, loaded);
  const fields = reader.object(loaded.main.doc.contents, 'course.yaml', COURSE_KEYS);
  if (!fields) return undefined;
  const context: ValidationContext = { ids: new IdScope(report), assets: [] };
  const id = fields.id('id');
  if (id) context.ids.claim(id, fields.spanOf('id'));
  const course = {
    id,
    title: fields.string('title'),
    version: fields.string('version'),
    language: fields.matching('language', LANGUAGE, 'a language tag such as "en" or "en-GB"'),
    description: fields.string('description'),
    author: fields.string('author'),
    duration: fields.matching('duration', DURATION, 'an ISO 8601 duration such as "PT20M"'),
    keywords: fields.strings('keywords') ?? [],
    activityId: fields.has('activity-id') ? fields.matching('activity-id', ACTIVITY_IRI, 'an absolute IRI such as "https://learning.example.com/courses/my-course"') : undefined,
    navigation: fields.oneOf('navigation', ['linear', 'free'] as const) ?? 'linear',
    theme: readTheme(fields, context),
    templates: validateTemplates(loaded.templates, report),
    pages: readPages(fields, context),
  };
  context.assets.push(...readMarkdownFiles(loaded, report));
  const completion = readCompletion(fields);
  if (completion && course.pages) checkCompletion(fields, completion, course.pages);
  if (course.pages) checkRemediation(fields, course.pages);
  if (report.hasErrors) return undefined;
  return {
    ...course,
    activityId: course.activityId?.replace(/\/+$/, '') ?? `urn:coursepack:course:${course.id}`,
    completion,

    span: fields.span,
    root: loaded.root,
    assets: uniqueAssets(context.assets),
  } as Course;
}

function readPages(fields: Fields, context: ValidationContext): Page[] | undefined {
  const items = fields.list('pages', { nonEmpty: true });
  if (!items) return undefined;
  const pages: Page[] = [];
  for (const item of items) {
    const source = fields.reader.follow(item);
    const page = source && readPage({ ...source, context });
    if (page) pages.push(page);
  }
  // Checks across pages (remediation links, what completion needs) would count a page that
  // failed to read as missing: they wait until every page reads.
  return pages.length === items.length ? pages : undefined;
}

function readCompletion(fields: Fields): Completion | undefined {
  const completion: Completion = { passingScore: 80, require: ['all-pages', 'passing-score'], report: 'passed-failed' };
  if (!fields.has('completion')) return completion;
  const sub = fields.reader.object(fields.raw('completion'), 'completion', { required: [], optional: ['passing-score', 'require', 'report'] });
  if (!sub) return undefined;
  completion.passingScore = sub.number('passing-score', { min: 0, max: 100 }) ?? completion.passingScore;
  completion.report = sub.oneOf('report', REPORT_MODES) ?? completion.report;
  if (sub.has('require')) {
    const items = sub.strings('require') ?? [];
    completion.require = items.filter((item): item is Requirement => {
      if ((REQUIREMENTS as readonly string[]).includes(item)) return true;
      sub.reader.report.add(messages.invalidValue(sub.spanOf('require'), 'the requirement', item, REQUIREMENTS));
      return false;
    });
  }
  return completion;
}

function checkCompletion(fields: Fields, completion: Completion, pages: Page[]): void {
  const report = fields.reader.report;
  const span = fields.has('completion') ? fields.spanOf('completion') : fields.span;
  if (completion.require.includes('attestation') && !pages.some((page) => page.type === 'attestation')) {
    report.add(messages.attestationPageMissing(span));
  }
  const scored = pages.some((page) => page.type === 'quiz' || page.type === 'scenario');
  if (completion.require.includes('passing-score') && !scored) report.add(messages.nothingScored(span));
}

/** Remediation links must lead to a page of this course. */
function checkRemediation(fields: Fields, pages: Page[]): void {
  const ids = pages.map((page) => page.id);
  for (const page of pages) {
    if (page.type !== 'quiz') continue;
    for (const question of page.questions) {
      const target = question.remediation;
      if (target && !ids.includes(target.page)) fields.reader.report.add(messages.pageNotFound(target.span, target.page, question.id, closest(target.page, ids)));
    }
  }
}
