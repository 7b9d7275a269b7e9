// The translation phase (between load and validate, see compile.ts): a language's XLIFF file is
// checked against the course's texts and its translations put in place of the source texts in
// the loaded YAML, so validation, rendering and packaging treat a German course like any other.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closest } from '../diagnostics/did-you-mean';
import { fileSpan, messages, type Report, type SourceSpan } from '../diagnostics';
import type { LoadedCourse } from '../load';
import { displayPath } from '../load/paths';
import { markupOf, targetParts } from './codes';
import { joinParts, type Part, segment } from './inline';
import { sourceUnits, type SourceUnit } from './units';
import { type ReadUnit, type ReadXliff, readXliff, XliffSyntaxError } from './xliff-read';

/** An XLIFF file's text under the path diagnostics name it by. */
export interface TranslationFile {
  path: string;
  displayPath: string;
  text: string;
}

/** translations/<language>.xlf of the course, if there is one. */
export function translationFileOf(root: string, language: string): TranslationFile | undefined {
  const path = join(root, 'translations', `${language}.xlf`);
  return existsSync(path) ? { path, displayPath: displayPath(path), text: readFileSync(path, 'utf8') } : undefined;
}

/** The languages of `languages:` as written (validate checks them); empty when there is none. */
export function languagesOf(loaded: LoadedCourse): string[] {
  const value = loaded.main.doc.toJS({ maxAliasCount: 100 })?.languages;
  return Array.isArray(value) ? value.map(String) : [];
}

/** The source language of the course (`language:`), as written. */
export function sourceLanguageOf(loaded: LoadedCourse): string {
  return String(loaded.main.doc.get('language') ?? '');
}

/**
 * Checks the file and puts its translations into the loaded course; `loaded.language` becomes
 * `language`. Without a file, or for texts it does not translate, the source text stays (with a
 * warning that lists them).
 */
export function applyTranslation(loaded: LoadedCourse, language: string, file: TranslationFile | undefined, report: Report): void {
  loaded.language = language;
  const units = sourceUnits(loaded);
  if (!file) {
    report.add(messages.translationMissing(fileSpan(loaded.main.displayPath), language));
    return;
  }
  const checked = checkTranslation(units, file, { source: sourceLanguageOf(loaded), target: language, fileName: `translations/${language}.xlf` }, report);
  for (const [unit, { parts, at }] of checked) {
    unit.node.value = joinParts(parts);
    (unit.file.translated ??= new Map()).set(unit.node, at);
  }
}

/** A unit's usable translation, and where its target is written (for later diagnostics). */
export interface Translated {
  parts: Part[];
  at: SourceSpan;
}

/**
 * Every problem of a translation file, reported in it; the translations that can be used, by
 * unit. `languages`: what the file must translate from and into.
 */
export function checkTranslation(units: readonly SourceUnit[], file: TranslationFile, languages: { source: string; target: string; fileName: string }, report: Report): Map<SourceUnit, Translated> {
  const translated = new Map<SourceUnit, Translated>();
  let xliff: ReadXliff;
  try {
    xliff = readXliff(file.text, file.displayPath);
  } catch (cause) {
    if (!(cause instanceof XliffSyntaxError)) throw cause;
    report.add(messages.xliffSyntax(cause.at, cause.message));
    return translated;
  }
  if (!sameLanguage(xliff.sourceLanguage, languages.source)) report.add(messages.xliffLanguage(xliff.targetLanguageAt, 'source', xliff.sourceLanguage, languages.source, languages.fileName));
  if (!sameLanguage(xliff.targetLanguage, languages.target)) report.add(messages.xliffLanguage(xliff.targetLanguageAt, 'target', xliff.targetLanguage, languages.target, languages.fileName));
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const found = new Map<string, ReadUnit>();
  for (const read of xliff.units) {
    if (found.has(read.id)) report.add(messages.xliffDuplicateUnit(read.at, read.id));
    else if (!byId.has(read.id)) report.add(messages.xliffUnknownUnit(read.at, read.id, closest(read.id, [...byId.keys()])));
    found.set(read.id, read);
  }
  const missing = units.filter((unit) => !found.has(unit.id)).map((unit) => unit.id);
  if (missing.length > 0) report.add(messages.xliffMissingUnits(xliff.targetLanguageAt, missing));
  const untranslated: string[] = [];
  const outdated: string[] = [];
  for (const unit of units) {
    const read = found.get(unit.id);
    if (!read) continue;
    const parts = checkUnit(unit, read, xliff, report);
    if (parts === 'untranslated') untranslated.push(unit.id);
    else if (parts) translated.set(unit, { parts, at: read.targetAt ?? read.at });
    if (parts && markupOf(read.source, read.data) !== joinParts(segment(unit.text, unit.markdown).parts)) outdated.push(unit.id);
  }
  if (outdated.length > 0) report.add(messages.xliffOutdated(xliff.targetLanguageAt, outdated));
  if (untranslated.length > 0) report.add(messages.translationIncomplete(xliff.targetLanguageAt, languages.target, untranslated));
  return translated;
}

/** A unit's translation as parts; 'untranslated' when it has none; undefined when it is wrong. */
function checkUnit(unit: SourceUnit, read: ReadUnit, xliff: ReadXliff, report: Report): Part[] | 'untranslated' | undefined {
  const at = read.targetAt ?? read.at;
  const written = read.target && markupOf(read.target, read.data).trim() !== '';
  if (!read.target || (!written && (read.state === 'initial' || read.state === 'needs-translation' || read.state === 'new'))) return 'untranslated';
  if (!written) {
    if (unit.allowEmpty) return [];
    report.add(messages.xliffEmptyTarget(at, unit.id));
    return undefined;
  }
  const { codes } = segment(unit.text, unit.markdown);
  const { parts, problems } = targetParts(read.target, codes, xliff.version, at);
  for (const problem of problems) report.add(messages.xliffInlineCode(problem.at, unit.id, problem.message));
  if (problems.length > 0) return undefined;
  const length = [...joinParts(parts)].length;
  if (unit.limit && length > unit.limit.max) {
    report.add(messages.xliffTooLong(at, unit.id, length, unit.limit.max, unit.limit.field));
    return undefined;
  }
  return parts;
}

/** Language tags compare without case (BCP 47 §2.1.1). */
function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
