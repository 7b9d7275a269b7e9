import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import type { TemplateOverride } from '../model';
import { toolRoot } from '../tool-root';
import { renderInlineMarkdown, renderMarkdown } from '../markdown';
import { builtInTemplate } from './precompiled';

import { loadStrings, type Strings } from '../load/strings';

export { loadStrings, type Strings };

/** Helpers templates may call, besides Handlebars' own (if, unless, each, with, lookup, log). */
export const TEMPLATE_HELPERS = ['md', 'mdInline', 't', 'eq', 'concat'] as const;

/** A built-in template a course may override: its path under templates/ and its partial name. */
export interface BuiltInTemplate {
  path: string;
  partial: string;
  source: string;
}

let builtIns: readonly BuiltInTemplate[] | undefined;

/** Partials are registered under their file name; page templates as "page-<type>". Read once. */
export function builtInTemplates(): readonly BuiltInTemplate[] {
  builtIns ??= readBuiltInTemplates();
  return builtIns;
}

function readBuiltInTemplates(): BuiltInTemplate[] {
  const dir = join(toolRoot(), 'templates');
  const list = (folder: string, prefix: string) =>
    readdirSync(join(dir, folder))
      .filter((file) => file.endsWith('.hbs'))
      .sort()
      .map((file) => ({ path: `${folder}/${file}`, partial: `${prefix}${basename(file, '.hbs')}`, source: read(dir, folder, file) }));
  return [...list('partials', ''), ...list('pages', 'page-'), ...list('blocks', 'block-')];
}

// Compiling the templates is a good share of a build: once per set of template overrides, by
// their text (a rebuild in preview or --watch loads the same overrides into new objects), not
// once per target or language. The UI strings are looked up at render time, not compiled in.
const compiled = new Map<string, (view: object, options?: { data?: object }) => string>();
/** Courses of one catalogue rarely bring more sets of overrides than this. */
const COMPILED_KEPT = 16;

/** A Handlebars environment of our own (not the global one), with templates/ registered. */
export function createTemplates(strings: Strings, overrides: readonly TemplateOverride[] = []): (view: object) => string {
  const key = JSON.stringify(overrides.map((override) => [override.partial, override.source]));
  let layout = compiled.get(key);
  if (!layout) {
    if (compiled.size >= COMPILED_KEPT) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, (layout = compileTemplates(overrides)));
  }
  const render = layout;
  return (view) => render(view, { data: { strings } });
}

function compileTemplates(overrides: readonly TemplateOverride[]): (view: object, options?: { data?: object }) => string {
  const hbs = Handlebars.create();
  const dir = join(toolRoot(), 'templates');
  // Compiled here: a partial registered as text is compiled again at every render that uses it.
  for (const builtIn of builtInTemplates()) hbs.registerPartial(builtIn.partial, builtInTemplate(hbs, builtIn.partial, builtIn.source, TEMPLATE_OPTIONS));
  for (const override of overrides) hbs.registerPartial(override.partial, hbs.compile(override.source, TEMPLATE_OPTIONS));
  hbs.registerHelper('md', (source: unknown) => (typeof source === 'string' ? renderMarkdown(source) : ''));
  hbs.registerHelper('mdInline', (source: unknown) => (typeof source === 'string' ? renderInlineMarkdown(source) : ''));
  hbs.registerHelper('t', (key: string, options: Handlebars.HelperOptions) => (options.data as { strings: Strings }).strings[key] ?? key);
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  return builtInTemplate(hbs, 'layout', read(dir, 'layout.hbs'), TEMPLATE_OPTIONS);
}

/** As scripts/build-tool.mjs precompiles them. */
const TEMPLATE_OPTIONS = { strict: false, noEscape: false };

function read(...parts: string[]): string {
  return readFileSync(join(...parts), 'utf8');
}

/**
 * Languages written right to left, by language or script subtag (CLDR likely-subtags; Node 20's
 * Intl.Locale#textInfo is not in every Node coursepack runs on, so the list is kept here).
 */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'hebr', 'nkoo', 'rohg', 'syrc', 'thaa']);
const LTR_SCRIPTS_OF_RTL_LANGUAGES = new Set(['latn', 'cyrl']);

export function textDirection(language: string): 'rtl' | 'ltr' {
  const [primary = '', ...subtags] = language.toLowerCase().split('-');
  const script = subtags.find((tag) => tag.length === 4);
  if (script) return RTL_SCRIPTS.has(script) || (RTL_LANGUAGES.has(primary) && !LTR_SCRIPTS_OF_RTL_LANGUAGES.has(script)) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

let themeCss: Buffer | undefined;

/**
 * The package's theme.css: the theme, then the content blocks' styles (templates/blocks/blocks.css).
 * Files of the tool, read once per process like the runtime (not once per package).
 */
export function readThemeCss(): Buffer {
  const dir = join(toolRoot(), 'templates');
  themeCss ??= Buffer.concat([readFileSync(join(dir, 'theme.css')), readFileSync(join(dir, 'blocks', 'blocks.css'))]);
  return themeCss;
}
