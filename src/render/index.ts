import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import Handlebars from 'handlebars';
import { join } from 'node:path';
import type { Course } from '../model';
import type { Standard, TrackingOptions } from '../runtime/course-data';
import { toolRoot } from '../tool-root';
import { buildCourseData, hasSeatTime } from './course-data';
import { type OutputFile, STREAMED_FROM_BYTES } from './output-file';
import { pageViews } from './question-view';
import { createTemplates, readThemeCss, textDirection } from './templates';

export type { OutputFile } from './output-file';

type RenderOptions = { preview?: boolean; tracking?: TrackingOptions };

/** The package's files (without the manifest): index.html, theme, runtime and assets. */
export function renderCourse(course: Course, standard: Standard, options: RenderOptions = {}): OutputFile[] {
  return packageFiles(course, pageFile(course, standard, options), standard, options);
}

/**
 * A multi-language package (`multi-language: true`): index.html is the source language's page;
 * each other language's page body waits in a <template data-lang> for the runtime to swap in
 * (src/runtime/languages.ts). One page, so the LMS session (SCORM Initialize, cmi5 "initialized")
 * is started once whatever the language. Saved state is positional, and the editions differ only
 * in text, so all share the source's revision: progress carries across a switch.
 */
export function renderMultiLanguage(editions: readonly Course[], standard: Standard, options: RenderOptions = {}): OutputFile[] {
  const [source, ...others] = editions;
  if (!source) throw new Error('a multi-language package needs at least one language');
  const revision = buildCourseData(source, standard, source.strings, options.tracking).revision;
  const languages = editions.map((edition) => ({ tag: edition.language, name: languageName(edition.language) }));
  const page = (edition: Course) => renderHtml(edition, standard, options, { revision, languages });
  const templates = others.map((edition) => {
    const body = /<body>([\s\S]*)<\/body>/.exec(page(edition))?.[1] ?? '';
    // A script cloned out of a template runs when inserted: the runtime is loaded once, by index.html.
    const inert = body.replace(RUNTIME_SCRIPT, '');
    return `<template data-lang="${edition.language}" data-dir="${textDirection(edition.language)}" data-title="${Handlebars.escapeExpression(edition.title)}">${inert}</template>\n`;
  });
  const html = page(source).replace(RUNTIME_SCRIPT, `${templates.join('')}${RUNTIME_SCRIPT}`);
  const assets = new Map(editions.flatMap((edition) => edition.assets.map((asset) => [asset.path, asset] as const)));
  return packageFiles(source, html, standard, options, [...assets.values()]);
}

const RUNTIME_SCRIPT = '<script src="coursepack.js"></script>';

/** The language's own name for itself ("Deutsch", "français"), for the language switch. */
function languageName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

function packageFiles(course: Course, page: string | OutputFile, standard: Standard, options: RenderOptions, assets = course.assets): OutputFile[] {
  return [
    typeof page === 'string' ? { path: 'index.html', contents: Buffer.from(page) } : page,
    { path: 'theme.css', contents: readThemeCss() },
    { path: 'coursepack.js', contents: readRuntime(standard, options.preview) },
    ...assets.map((asset) => assetFile(course, asset)),
  ];
}

/**
 * An asset as a file of the package, read once per course: its targets' packages share the
 * Buffer, which the package phase then deflates once (src/package/zip-format.ts). A large one
 * (a video) is streamed from its file instead (StreamedFile).
 */
function assetFile(course: Course, asset: Course['assets'][number]): OutputFile {
  let read = readAssets.get(course);
  if (!read) readAssets.set(course, (read = new Map()));
  let file = read.get(asset.absolutePath);
  if (!file) {
    const large = statSync(asset.absolutePath).size >= STREAMED_FROM_BYTES;
    file = large ? { path: asset.path, source: asset.absolutePath } : { path: asset.path, contents: readFileSync(asset.absolutePath) };
    read.set(asset.absolutePath, file);
  }
  return file;
}
const readAssets = new WeakMap<Course, Map<string, OutputFile>>();

/** What a multi-language page adds: the shared revision and the languages of its switch. */
interface Multi {
  revision: string;
  languages: Array<{ tag: string; name: string }>;
}

function renderHtml(course: Course, standard: Standard, options: RenderOptions, multi?: Multi): string {
  const built = buildCourseData(course, standard, course.strings, options.tracking);
  const data = multi ? { ...built, revision: multi.revision } : built;
  return pageWithoutData(course, multi).replaceAll(COURSE_DATA_SLOT, () => scriptSafeJson(data));
}

/**
 * index.html. The page around the data is encoded once per course, only the data once per
 * target: encoding the whole 70 KB page for each of four targets was 2.8 ms of a catalogue
 * course's CPU (a page with a non-Latin-1 character is a two-byte string, encoded the slow way).
 * The page before the data (55 of the sample's 70 KB) is the same Buffer in every target's file,
 * for the package phase to deflate once.
 */
function pageFile(course: Course, standard: Standard, options: RenderOptions): OutputFile {
  let parts = encodedPages.get(course);
  if (!parts) encodedPages.set(course, (parts = pageWithoutData(course).split(COURSE_DATA_SLOT).map((part) => Buffer.from(part))));
  const data = Buffer.from(scriptSafeJson(buildCourseData(course, standard, course.strings, options.tracking)));
  return { path: 'index.html', contents: Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [data, part]))), sharedStart: parts[0] };
}
const encodedPages = new WeakMap<Course, Buffer[]>();

/**
 * Stands for the course data in a rendered page: the data (standard, tracking) is all that
 * differs between a course's targets, so the templates run once per course, not once per target.
 */
const COURSE_DATA_SLOT = `\u0000coursepack-course-data-${randomUUID()}\u0000`;
const renderedPages = new WeakMap<Course, Map<string, string>>();

function pageWithoutData(course: Course, multi?: Multi): string {
  let pages = renderedPages.get(course);
  if (!pages) renderedPages.set(course, (pages = new Map()));
  const key = multi ? JSON.stringify(multi) : '';
  let html = pages.get(key);
  if (html === undefined) {
    const strings = course.strings;
    const layout = createTemplates(strings, course.templates);
    html = layout({
      course: { ...course, dir: textDirection(course.language), brandColor: course.theme.brandColor, darkBrandColor: course.theme.darkBrandColor, font: course.theme.font, logo: course.theme.logo?.path, seat: hasSeatTime(course) },
      languages: multi?.languages.map((language) => ({ ...language, current: language.tag === course.language })),
      cover: course.cover && coverView(course, strings),
      pages: pageViews(course.pages, strings, course.language),
      policies: course.pages.flatMap((page) => (page.type === 'attestation' && page.policy ? [page.policy] : [])),
      courseData: COURSE_DATA_SLOT,
    });
    pages.set(key, html);
  }
  return html;
}

/** The cover's hero image, text and the course's duration in the UI language ("About 20 min"). */
function coverView(course: Course, strings: Record<string, string>) {
  const minutes = course.duration ? durationMinutes(course.duration) : 0;
  return {
    image: course.cover?.image?.image.path,
    alt: course.cover?.image?.alt,
    text: course.cover?.text,
    duration: minutes > 0 ? (strings.duration ?? '{n}').replace('{n}', String(minutes)) : undefined,
  };
}

/** An ISO 8601 duration (validated: PnYnMnWnDTnHnMnS) in whole minutes, rounded up; years and months as 365 and 30 days. */
export function durationMinutes(iso: string): number {
  const [, y, mo, w, d, h, mi, s] = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso) ?? [];
  const days = Number(y ?? 0) * 365 + Number(mo ?? 0) * 30 + Number(w ?? 0) * 7 + Number(d ?? 0);
  return Math.ceil(days * 1440 + Number(h ?? 0) * 60 + Number(mi ?? 0) + Number(s ?? 0) / 60);
}

/** JSON inside <script> must not contain "</script>" or "<!--": escape every "<". */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const runtimes = new Map<string, Buffer>();

/**
 * The browser runtime for a standard, bundled by esbuild when coursepack itself is built (npm
 * install); the preview's copy holds every standard's adapter and the developer hooks the preview
 * page drives (jump, auto-answer).
 */
export function readRuntime(standard: Standard, preview = false): Buffer {
  const file = preview ? 'runtime-preview.js' : `runtime/${standard}.js`;
  const cached = runtimes.get(file) ?? readFileSync(join(toolRoot(), 'dist', file));
  runtimes.set(file, cached);
  return cached;
}
