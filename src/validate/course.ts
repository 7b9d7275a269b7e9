import { closest } from '../diagnostics/did-you-mean';
import { messages } from '../diagnostics';
import type { LoadedCourse } from '../load';
import { ACTIVITY_IRI, COMPLETION, CONTACT, COURSE, COVER, DURATION, durationSeconds, EMAIL, keysOf, LANGUAGE, NAVIGATION_MODES, rangeOf, REPORT_MODES, REQUIREMENTS, WEB_URL } from '../format';
import type { Completion, Contact, Course, Cover, Page, Placed, Requirement } from '../model';
import { LMS_IDS } from '../standards/lms-profiles';
import { isTarget, type Target, TARGETS } from '../standards/targets';
import { uniqueAssets } from './assets';
import { readCertificate } from './certificate';
import type { ValidationContext } from './context';
import { IdScope } from './ids';
import { checkLengths } from './lengths';
import { readMarkdownFiles } from './markdown';
import { readImageWithAlt, readPage } from './pages';
import { maxScenarioPoints } from './scenario';
import { type Fields, Reader } from './reader';
import { validateTemplates } from './templates';
import { courseStrings } from './strings';
import { readTheme } from './theme';
import { readLanguages, readMultiLanguage } from './languages';

/** Turns the loaded YAML into a Course, or reports every problem and returns undefined. */
export function validateCourse(loaded: LoadedCourse, report: import('../diagnostics').Report): Course | undefined {
  if (loaded.files.some((file) => file.doc.errors.length > 0)) return undefined;
  const reader = new Reader(loaded.main, report, loaded);
  const fields = reader.object(loaded.main.doc.contents, 'course.yaml', keysOf(COURSE));
  if (!fields) return undefined;
  const source = fields.matching('language', LANGUAGE.pattern, LANGUAGE.expected);
  const languages = readLanguages(fields, source);
  // A translated course (compile.ts's translation phase) is in the language it was translated to.
  const language = source && (loaded.language ?? source);
  const context: ValidationContext = { ids: new IdScope(report), assets: [], strings: courseStrings(fields, language) };
  const id = fields.id('id');
  if (id) context.ids.claim(id, fields.spanOf('id'));
  const course = {
    id,
    title: fields.string('title'),
    version: fields.string('version'),
    language,
    languages,
    multiLanguage: readMultiLanguage(fields, languages),
    description: fields.string('description'),
    author: fields.string('author'),
    duration: fields.matching('duration', DURATION.pattern, DURATION.expected),
    keywords: fields.strings('keywords') ?? [],
    activityId: fields.has('activity-id') ? fields.matching('activity-id', ACTIVITY_IRI.pattern, ACTIVITY_IRI.expected) : undefined,
    navigation: fields.oneOf('navigation', NAVIGATION_MODES) ?? 'linear',
    targets: readTargets(fields),
    lms: placed(fields, 'lms', fields.oneOf('lms', LMS_IDS)),
    theme: readTheme(fields, context),
    certificate: readCertificate(fields, context),
    cover: readCover(fields, context),
    menu: fields.has('menu') ? fields.boolean('menu') : false,
    minTime: seconds(fields, 'min-time'),
    idleAfter: seconds(fields, 'idle-after') ?? DEFAULT_IDLE_SECONDS,
    contact: readContact(fields),
    strings: context.strings,
    templates: validateTemplates(loaded.templates, report),
    pages: readPages(fields, context),
  };
  checkLengths(fields);
  context.assets.push(...readMarkdownFiles(loaded, report));
  const completion = readCompletion(fields);
  if (completion && course.pages) checkCompletion(fields, completion, course.pages);
  if (course.pages) checkRemediation(fields, course.pages);
  if (course.pages) checkTestOuts(fields, course.pages);
  const assets = uniqueAssets(context.assets, report);
  if (report.hasErrors) return undefined;
  return {
    ...course,
    activityId: course.activityId?.replace(/\/+$/, '') ?? `urn:coursepack:course:${course.id}`,
    completion,

    span: fields.span,
    idSpan: fields.spanOf('id'),
    languagesSpan: fields.spanOf(fields.has('languages') ? 'languages' : 'language'),
    root: loaded.root,
    assets,
  } as Course;
}

function placed<T>(fields: Fields, key: string, value: T | undefined): Placed<T> | undefined {
  return value === undefined ? undefined : { value, span: fields.spanOf(key) };
}

function readTargets(fields: Fields): Placed<Target[]> | undefined {
  if (!fields.has('targets')) return undefined;
  const names = fields.strings('targets') ?? [];
  const targets = names.filter((name): name is Target => {
    if (isTarget(name)) return true;
    fields.reader.report.add(messages.invalidValue(fields.spanOf('targets'), 'a target', name, TARGETS, closest(name, TARGETS)));
    return false;
  });
  return placed(fields, 'targets', targets.length === names.length && targets.length > 0 ? [...new Set(targets)] : undefined);
}

/** "Still there?" after five minutes without input (issue 12), unless the course says otherwise. */
const DEFAULT_IDLE_SECONDS = 300;

function seconds(fields: Fields, key: string): number | undefined {
  const value = fields.matching(key, DURATION.pattern, DURATION.expected);
  return value === undefined ? undefined : durationSeconds(value);
}

function readContact(fields: Fields): Contact | undefined {
  if (!fields.has('contact')) return undefined;
  const sub = fields.reader.object(fields.raw('contact'), 'contact', keysOf(CONTACT));
  const name = sub?.string('name');
  if (!sub || name === undefined) return undefined;
  const email = sub.matching('email', EMAIL.pattern, EMAIL.expected);
  const url = sub.matching('url', WEB_URL.pattern, WEB_URL.expected);
  return { name, ...(email && { email }), ...(url && { url }) };
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

function readCover(fields: Fields, context: ValidationContext): Cover | undefined {
  if (!fields.has('cover')) return undefined;
  const sub = fields.reader.object(fields.raw('cover'), 'cover', keysOf(COVER));
  if (!sub) return undefined;
  const image = sub.has('image') ? readImageWithAlt(sub, context) : undefined;
  return { ...(image && { image }), text: sub.string('text'), span: sub.span };
}

function readCompletion(fields: Fields): Completion | undefined {
  const completion: Completion = { passingScore: 80, require: ['all-pages', 'passing-score'], report: 'passed-failed' };
  if (!fields.has('completion')) return completion;
  const sub = fields.reader.object(fields.raw('completion'), 'completion', keysOf(COMPLETION));
  if (!sub) return undefined;
  completion.passingScore = sub.number('passing-score', rangeOf(COMPLETION, 'passing-score')) ?? completion.passingScore;
  completion.report = sub.oneOf('report', REPORT_MODES) ?? completion.report;
  if (sub.has('report')) completion.reportSpan = sub.spanOf('report');
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
  if (!completion.require.includes('passing-score') || pages.some((page) => pointsPossible(page) > 0)) return;
  // With nothing to earn, every learner scores 100 % and passes: a mistake, never a course.
  report.add(messages.nothingScored(span, pages.some((page) => page.type === 'quiz' || page.type === 'scenario')));
}

/** The most points a page can give: its quiz questions' (likert has none), its scenario's best path. */
function pointsPossible(page: Page): number {
  if (page.type === 'quiz') return page.questions.reduce((sum, question) => sum + question.points, 0);
  if (page.type === 'scenario') return maxScenarioPoints(page);
  return 0;
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

/** A test-out covers pages of this course that come after it. */
function checkTestOuts(fields: Fields, pages: Page[]): void {
  const ids = pages.map((page) => page.id);
  pages.forEach((page, index) => {
    if (page.type !== 'quiz' || !page.testOut) return;
    for (const covered of page.testOut.covers) {
      const at = ids.indexOf(covered.page);
      if (at < 0) fields.reader.report.add(messages.testOutPageNotFound(covered.span, covered.page, page.id, closest(covered.page, ids)));
      else if (at <= index) fields.reader.report.add(messages.testOutOrder(covered.span, covered.page, page.id));
    }
  });
}
