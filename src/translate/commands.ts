// `coursepack translate export` and `translate import`: the hand-off to a translation vendor.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Diagnostic, formatDiagnostic, messages, Report } from '../diagnostics';
import { type LoadedCourse, loadCourse } from '../load';
import { displayPath } from '../load/paths';
import { validateCourse } from '../validate';
import { applyTranslation, languagesOf, sourceLanguageOf, type TranslationFile } from './apply';
import { exportDocument } from './export';
import { type ReadXliff, readXliff, XliffSyntaxError } from './xliff-read';
import { writeXliff, XLIFF_FORMATS, type XliffVersion } from './xliff-write';

type Output = { write(text: string): void };

export interface ExportOptions {
  course: string;
  language: string;
  format?: keyof typeof XLIFF_FORMATS;
  /** The file to write; default translations/<language>.xlf in the course folder. */
  out?: string;
}

/** Writes (or updates) the XLIFF file of one language; the exit code. */
export function translateExport(options: ExportOptions, out: Output, err: Output): number {
  const report = new Report();
  const loaded = checkedSource(options.course, report);
  const sources: TranslationFile[] = [];
  const finish = (code: number) => (printReport(report, loaded, sources, err), code);
  if (!loaded) return finish(1);
  const source = sourceLanguageOf(loaded);
  if (options.language.toLowerCase() === source.toLowerCase()) {
    report.add(messages.badArgument(`The course is written in "${source}"; export a language to translate it into.`, 'e.g. coursepack translate export --lang de'));
    return finish(2);
  }
  const path = resolve(options.out ?? join(loaded.root, 'translations', `${options.language}.xlf`));
  const previous = existsSync(path) ? readPrevious({ path, displayPath: displayPath(path), text: readFileSync(path, 'utf8') }, report, sources) : undefined;
  if (report.hasErrors) return finish(1);
  const version: XliffVersion = options.format ? XLIFF_FORMATS[options.format] : (previous?.version ?? '2.0');
  const doc = exportDocument({ loaded, sourceLanguage: source, targetLanguage: options.language, version, previous });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, writeXliff(doc));
  const count = (state: string) => doc.units.filter((unit) => unit.state === state).length;
  out.write(`wrote ${displayPath(path)} (XLIFF ${version}, ${source} → ${options.language}): ${doc.units.length} units, ${count('translated')} translated, ${count('changed')} changed since (marked for review), ${count('new')} to translate\n`);
  return finish(0);
}

/** Checks a translation file against the course and copies it to translations/<its language>.xlf. */
export function translateImport(file: string, course: string, out: Output, err: Output): number {
  const report = new Report();
  const loaded = checkedSource(course, report);
  const path = resolve(file);
  const translation: TranslationFile | undefined = existsSync(path) ? { path, displayPath: displayPath(path), text: readFileSync(path, 'utf8') } : undefined;
  const sources = translation ? [translation] : [];
  const finish = (code: number) => (printReport(report, loaded, sources, err), code);
  if (!translation) report.add(messages.fileNotFound(undefined, file, 'translation file'));
  if (!loaded || !translation) return finish(1);
  const read = readPrevious(translation, report, sources);
  if (!read) return finish(1);
  const language = read.targetLanguage;
  const languages = languagesOf(loaded);
  if (!languages.includes(language)) {
    report.add(messages.xliffLanguageNotInCourse(read.targetLanguageAt, language, languages.length > 0 ? languages : [sourceLanguageOf(loaded)]));
    return finish(1);
  }
  // The translated course must be valid too (a UI string's placeholders, a scene's text).
  applyTranslation(loaded, language, translation, report);
  validateCourse(loaded, report);
  if (report.hasErrors) return finish(1);
  const destination = join(loaded.root, 'translations', `${language}.xlf`);
  if (resolve(destination) !== path) {
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(path, destination);
  }
  out.write(`imported ${translation.displayPath} as ${displayPath(destination)}: the "${language}" packages use it from the next build\n`);
  return finish(0);
}

/** The source course, loaded and valid; undefined (with the report) when it is not. */
function checkedSource(course: string, report: Report): LoadedCourse | undefined {
  const loaded = loadCourse(course, report);
  // validateCourse reads the YAML, never writes it: the load still holds the source text.
  return loaded && validateCourse(loaded, report) ? loaded : undefined;
}

function readPrevious(file: TranslationFile, report: Report, sources: TranslationFile[]): ReadXliff | undefined {
  sources.push(file);
  try {
    return readXliff(file.text, file.displayPath);
  } catch (cause) {
    if (!(cause instanceof XliffSyntaxError)) throw cause;
    report.add(messages.xliffSyntax(cause.at, cause.message));
    return undefined;
  }
}

function printReport(report: Report, loaded: LoadedCourse | undefined, files: TranslationFile[], err: Output): void {
  const sources = new Map<string, string>([...(loaded?.files ?? []), ...files].map((file) => [file.displayPath, file.text]));
  for (const diagnostic of report.sorted() as Diagnostic[]) err.write(`${formatDiagnostic(diagnostic, { sources, color: false })}\n`);
}
