import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { toolRoot } from '../tool-root';
import { renderInlineMarkdown, renderMarkdown } from './markdown';

export type Strings = Record<string, string>;

const compiled = new WeakMap<Strings, (view: object) => string>();

/** A Handlebars environment of our own (not the global one), with templates/ registered. */
export function createTemplates(strings: Strings): (view: object) => string {
  // Compiling the templates is a good share of a build: once per language, not per target.
  let layout = compiled.get(strings);
  if (!layout) compiled.set(strings, (layout = compileTemplates(strings)));
  return layout;
}

function compileTemplates(strings: Strings): (view: object) => string {
  const hbs = Handlebars.create();
  const dir = join(toolRoot(), 'templates');
  for (const file of readdirSync(join(dir, 'partials'))) hbs.registerPartial(basename(file, '.hbs'), read(dir, 'partials', file));
  for (const file of readdirSync(join(dir, 'pages'))) hbs.registerPartial(`page-${basename(file, '.hbs')}`, read(dir, 'pages', file));
  hbs.registerHelper('md', (source: unknown) => (typeof source === 'string' ? renderMarkdown(source) : ''));
  hbs.registerHelper('mdInline', (source: unknown) => (typeof source === 'string' ? renderInlineMarkdown(source) : ''));
  hbs.registerHelper('t', (key: string) => strings[key] ?? key);
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  return hbs.compile(read(dir, 'layout.hbs'), { strict: false, noEscape: false });
}

function read(...parts: string[]): string {
  return readFileSync(join(...parts), 'utf8');
}

/** UI strings for the course language: exact tag, then its primary language, then English. */
const stringsByLanguage = new Map<string, Strings>();

export function loadStrings(language: string): Strings {
  let strings = stringsByLanguage.get(language);
  if (!strings) stringsByLanguage.set(language, (strings = readStrings(language)));
  return strings;
}

function readStrings(language: string): Strings {
  const dir = join(toolRoot(), 'templates', 'strings');
  const english = JSON.parse(read(dir, 'en.json')) as Strings;
  for (const tag of [language, language.split('-')[0] ?? '']) {
    const file = join(dir, `${tag.toLowerCase()}.json`);
    if (tag && existsSync(file)) return { ...english, ...(JSON.parse(readFileSync(file, 'utf8')) as Strings) };
  }
  return english;
}

export function readThemeCss(): Buffer {
  return readFileSync(join(toolRoot(), 'templates', 'theme.css'));
}
