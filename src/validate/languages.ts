import { messages } from '../diagnostics';
import { LANGUAGE } from '../format';
import type { Fields } from './reader';

/**
 * `languages:`: every language the course is built in, the source (`language:`) first; the
 * others are translated from translations/<language>.xlf. Absent: the source language alone.
 */
export function readLanguages(fields: Fields, source: string | undefined): string[] | undefined {
  if (!fields.has('languages') || source === undefined) return undefined;
  const items = fields.list('languages', { nonEmpty: true }) ?? [];
  const languages = fields.strings('languages') ?? [];
  const seen = new Set<string>();
  languages.forEach((language, index) => {
    const span = fields.reader.span(items[index] as never);
    if (!LANGUAGE.pattern.test(language)) fields.reader.report.add(messages.invalidFormat(span, 'an item of "languages"', language, LANGUAGE.expected));
    else if (seen.has(language.toLowerCase())) fields.reader.report.add(messages.duplicateLanguage(span, language));
    seen.add(language.toLowerCase());
  });
  const first = languages[0];
  if (first !== undefined && first.toLowerCase() !== source.toLowerCase()) fields.reader.report.add(messages.languagesSourceFirst(fields.reader.span(items[0] as never), first, source));
  return languages;
}

/** `multi-language: true` puts every language of `languages:` into one package: without them there is nothing to put. */
export function readMultiLanguage(fields: Fields, languages: readonly string[] | undefined): boolean {
  const multi = fields.has('multi-language') ? fields.boolean('multi-language') ?? false : false;
  if (multi && !fields.has('languages')) fields.reader.report.add(messages.multiLanguageWithoutLanguages(fields.spanOf('multi-language')));
  return multi && languages !== undefined;
}
