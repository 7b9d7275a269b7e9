import Handlebars from 'handlebars';
import { closest } from '../diagnostics/did-you-mean';
import { fileSpan, messages, type Position, type Report, type SourceSpan } from '../diagnostics';
import type { TemplateFile } from '../load';
import type { TemplateOverride } from '../model';
import { type BuiltInTemplate, builtInTemplates, TEMPLATE_HELPERS } from '../render/templates';
import { forbiddenCharacter, forbiddenCharacterSource } from './text';

const HANDLEBARS_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];

/** Checks the course's templates/ folder: known names only, valid Handlebars, known partials and helpers. */
export function validateTemplates(files: readonly TemplateFile[], report: Report): TemplateOverride[] {
  if (files.length === 0) return [];
  const builtIns = builtInTemplates();
  const paths = builtIns.map((template) => template.path);
  const partials = builtIns.map((template) => template.partial);
  const helpers = [...TEMPLATE_HELPERS, ...HANDLEBARS_HELPERS];
  const overrides: TemplateOverride[] = [];
  for (const file of files) {
    const builtIn = builtIns.find((template) => template.path === file.path);
    if (!builtIn) {
      report.add(messages.unknownTemplate(fileSpan(file.displayPath), `templates/${file.path}`, suggestPath(file.path, paths), paths.map((path) => `templates/${path}`)));
      continue;
    }
    if (!printable(file, report)) continue;
    const ast = parse(file, report);
    if (!ast) continue;
    const before = report.errors.length;
    checkReferences(ast, file, { partials, helpers }, report);
    checkHooks(file, builtIn, report);
    if (report.errors.length === before) overrides.push({ partial: builtIn.partial, source: file.text, span: fileSpan(file.displayPath) });
  }
  return overrides;
}

/**
 * Hooks the player can do without: a course's header may leave out the progress indicator, its
 * certificate the id and the score (results.hbs overrides written before they existed), a
 * content page the line that counts the opened parts of required blocks, a header the language
 * switch of a multi-language package (the course then opens in the learner's language, unswitchable).
 */
const OPTIONAL_HOOKS = ['id="cp-progress"', 'id="cp-progress-text"', 'id="cp-language"', 'data-certificate-id', 'data-certificate-score', 'data-reveal-status'];

/** The fixed ids and the data attributes the player finds its elements by, in a template. */
function hooksOf(source: string): string[] {
  const hooks = new Set([...source.matchAll(/\bid="cp-[\w-]+"|\bdata-[a-z][a-z-]*/g)].map((match) => match[0]));
  return [...hooks].filter((hook) => !OPTIONAL_HOOKS.includes(hook)).sort();
}

function checkHooks(file: TemplateFile, builtIn: BuiltInTemplate, report: Report): void {
  const hooks = hooksOf(builtIn.source);
  const kept = new Set(hooksOf(file.text));
  const missing = hooks.filter((hook) => !kept.has(hook));
  if (missing.length) report.add(messages.templateMissingHooks(fileSpan(file.displayPath), `templates/${file.path}`, missing, hooks));
}

/** A template is part of every page: the same characters are refused in it as in the YAML. */
function printable(file: TemplateFile, report: Report): boolean {
  const found = forbiddenCharacter(file.text);
  if (!found) return true;
  const before = file.text.slice(0, forbiddenCharacterSource(file.text, false));
  const line = before.split('\n').length;
  report.add(messages.controlCharacter(spanAt(file, line, before.length - before.lastIndexOf('\n')), `the template "templates/${file.path}"`, found));
  return false;
}

function suggestPath(path: string, paths: readonly string[]): string | undefined {
  const found = closest(path, paths) ?? paths.find((known) => known.split('/').pop() === path.split('/').pop());
  return found && `templates/${found}`;
}

function parse(file: TemplateFile, report: Report): hbs.AST.Program | undefined {
  try {
    return Handlebars.parse(file.text);
  } catch (cause) {
    const span = syntaxErrorSpan(file, cause);
    report.add(messages.templateSyntax(span, syntaxErrorDetail(cause, file.text.slice(span.start.offset).match(/^\S/)?.[0]), cause));
    return undefined;
  }
}

/**
 * Handlebars' own exceptions (a block closed by the wrong name) carry a line and column; its
 * parser's errors only name the line in their text, so the column comes from the lexer's state.
 */
function syntaxErrorSpan(file: TemplateFile, cause: unknown): SourceSpan {
  const exception = cause as { lineNumber?: number; column?: number };
  if (typeof exception.lineNumber === 'number') return spanAt(file, exception.lineNumber, (exception.column ?? 0) + 1);
  const where = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer?.yylloc;
  if (where) return spanAt(file, where.first_line, where.first_column + 1);
  const line = /on line (\d+)/.exec(String((cause as Error)?.message))?.[1];
  return spanAt(file, line ? Number(line) : 1, 1);
}

function syntaxErrorDetail(cause: unknown, found: string | undefined): string {
  const message = String((cause as Error)?.message ?? cause);
  const got = /got '([A-Z_]+)'/.exec(message)?.[1];
  if (got === 'EOF') return 'the template ends inside an unfinished {{…}} or block.';
  if (got) return found ? `"${found}" is out of place in this {{…}}.` : 'this {{…}} is not well formed.';
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  if (mismatch) return `the block {{#${mismatch[1]}}} here is closed by {{/${mismatch[2]}}}; the two names must match.`;
  return `${message.split('\n')[0]?.replace(/ - \d+:\d+$/, '')}.`;
}

interface Known {
  partials: readonly string[];
  helpers: readonly string[];
}

type Node = { type?: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;

function checkReferences(ast: hbs.AST.Program, file: TemplateFile, known: Known, report: Report): void {
  visit(ast as unknown as Node, (node) => {
    const at = () => spanAt(file, node.loc?.start.line ?? 1, (node.loc?.start.column ?? 0) + 1);
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = pathName(node.name);
      if (name !== undefined && !known.partials.includes(name)) report.add(messages.unknownPartial(at(), name, closest(name, known.partials), known.partials));
    }
    if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
      const name = pathName(node.path);
      const isCall = (node.params as unknown[] | undefined)?.length || node.hash;
      if (isCall && name !== undefined && !known.helpers.includes(name)) report.add(messages.unknownHelper(at(), name, closest(name, known.helpers), known.helpers));
    }
  });
}

/** The plain name of a path expression ("header"), or undefined for data, scoped and dynamic names. */
function pathName(node: unknown): string | undefined {
  const path = node as { type?: string; original?: unknown; data?: boolean; depth?: number; parts?: unknown[] };
  if (path?.type !== 'PathExpression' || path.data || path.depth || path.parts?.length !== 1) return undefined;
  return typeof path.original === 'string' ? path.original : undefined;
}

function visit(node: Node, enter: (node: Node) => void): void {
  if (typeof node.type === 'string') enter(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object') visit(item as Node, enter);
    if (value && typeof value === 'object' && !Array.isArray(value) && (value as Node).type) visit(value as Node, enter);
  }
}

function spanAt(file: TemplateFile, line: number, column: number): SourceSpan {
  const position: Position = { line, column, offset: offsetOf(file.text, line, column) };
  return { file: file.displayPath, start: position, end: position };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}
