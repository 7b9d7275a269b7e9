// YAML syntax errors explained for people who are not programmers. The parser says what it could
// not do ("Nested mappings are not allowed in compact mappings"); a designer needs to hear what
// they wrote and what to write instead ("the text contains ': ', put quotes around it"). One
// mistake gives one diagnostic, on the line that holds the mistake: the parser's knock-on errors
// on the same line, and every error after a tab used for indentation, are left out.
import { isScalar, Parser, visit, type Document, type YAMLError, YAMLParseError } from 'yaml';
import { type Diagnostic, messages, type SourceFile, spanOfRange } from '../diagnostics';
import { isBlank, lineAt, nearestLine, quoted, valueText, type YamlLine } from './yaml-lines';

/** Characters that give a plain value a meaning of its own when they come first. */
const SPECIAL_START = `"'[{!&*|>%@\``;

/**
 * An unknown tag (`body: !Important read this`) is only a warning to the parser, which then drops
 * "!Important" from the text: refused like a syntax error, so no text is ever lost silently.
 */
export function refuseUnknownTags(doc: Document.Parsed): void {
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') doc.errors.push(new YAMLParseError(warning.pos, warning.code, warning.message));
  }
}

/** One diagnostic per mistake in the file, in the order of the file. */
export function yamlDiagnostics(file: SourceFile): Diagnostic[] {
  const errors = [...file.doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const tabs = errors.filter((error) => error.code === 'TAB_AS_INDENT');
  // A tab throws every indentation after it off: the tab is the mistake, the rest its echo.
  if (tabs.length > 0) return [tabDiagnostic(file, tabs)];
  const diagnostics: Diagnostic[] = [];
  const done = new Set<number>();
  for (const error of errors) {
    const line = lineOf(file, error.pos[0]);
    if (done.has(line)) continue;
    const { diagnostic, structural } = explain(file, error);
    const at = diagnostic.span?.start.line ?? line;
    if (at !== line && done.has(at)) continue;
    done.add(line).add(at);
    diagnostics.push(diagnostic);
    // After a line in the wrong place, the parser's reading of the lines below is not the
    // author's: what it says about them is the echo of this mistake.
    if (structural) break;
  }
  return diagnostics;
}

interface Explained {
  diagnostic: Diagnostic;
  /** The mistake breaks the structure of the lines under it (indentation, a dash), not just one value. */
  structural: boolean;
}

function explain(file: SourceFile, error: YAMLError): Explained {
  const line = lineAt(file.text, file.lineCounter.lineStarts, lineOf(file, error.pos[0]));
  const explained = line && explainAt(file, error, line);
  // What cannot be explained is taken as structural too: what the parser says after it is
  // as likely to be its echo.
  return explained ?? { diagnostic: messages.yamlSyntax(spanOfRange(file, error.pos[0], error.pos[1]), firstLine(error.message), error), structural: true };
}

const local = (diagnostic: Diagnostic | undefined) => diagnostic && { diagnostic, structural: false };
const structural = (diagnostic: Diagnostic | undefined) => diagnostic && { diagnostic, structural: true };

function explainAt(file: SourceFile, error: YAMLError, line: YamlLine): Explained | undefined {
  const above = () => nearestLine(file.text, file.lineCounter.lineStarts, line.number, -1);
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return local(colonInText(file, error, line)) ?? structural(noSpaceAfterDash(file, line) ?? indentedUnlike(file, nearestLine(file.text, file.lineCounter.lineStarts, line.number, 1), line));
    case 'MULTILINE_IMPLICIT_KEY':
      return local(noSpaceAfterColon(file, line)) ?? structural(noColon(file, line));
    case 'BAD_INDENT':
      return structural(line.key ? indentedUnlike(file, line, above()) : noColon(file, line));
    case 'MISSING_CHAR':
      if (/quote/.test(error.message)) return local(unclosedQuote(file, error.pos[0]));
      if (/without - indicator/.test(error.message)) return structural(indentedUnlike(file, line, above()));
      return local(noSpaceAfterColon(file, line)) ?? structural(noColon(file, line));
    case 'UNEXPECTED_TOKEN':
    case 'BAD_SCALAR_START':
    case 'BAD_ALIAS':
    case 'TAG_RESOLVE_FAILED':
      return local(specialStart(file, line));
    case 'DUPLICATE_KEY':
      return local(duplicateKey(file, error.pos[0]));
    case 'RESOURCE_EXHAUSTION':
      return structural(tooDeep(file, line));
    default:
      return undefined;
  }
}

/**
 * The parser ran out of stack (nesting thousands of levels deep): where it gave up depends on the
 * thread's stack size, which differs between the CLI's thread and a build worker's. The error is
 * put at the top-level key that holds the nesting, the same whatever thread reads the file.
 */
function tooDeep(file: SourceFile, line: YamlLine): Diagnostic {
  let top: YamlLine | undefined = line;
  while (top && !(top.indent === 0 && top.key)) top = nearestLine(file.text, file.lineCounter.lineStarts, top.number, -1);
  return messages.yamlTooDeep(top?.key ? spanAt(file, top, 0) : spanOfRange(file, 0, 0), top?.key?.name);
}

function tabDiagnostic(file: SourceFile, tabs: YAMLError[]): Diagnostic {
  const lines = [...new Set(tabs.map((tab) => lineOf(file, tab.pos[0])))];
  const first = tabs[0]?.pos[0] ?? 0;
  const tab = file.text.indexOf('\t', file.lineCounter.lineStarts[lineOf(file, first) - 1]);
  const at = tab === -1 ? first : tab;
  return messages.yamlTab(spanOfRange(file, at, at + 1), lines);
}

/** `body: Note: this applies` — a colon and a space inside a plain text. */
function colonInText(file: SourceFile, error: YAMLError, line: YamlLine): Diagnostic | undefined {
  const column = error.pos[0] - line.start;
  const text = line.text.slice(column).trimEnd();
  if (column !== line.valueColumn || !/^Nested mappings/.test(error.message) || !/:( |$)/.test(text) || SPECIAL_START.includes(text.charAt(0))) return undefined;
  return messages.yamlColonInText(spanAt(file, line, column), line.key?.name, prefix(line, column) + quoted(text));
}

/** `-id: intro`: a dash without a space is part of the key, not a list item. */
function noSpaceAfterDash(file: SourceFile, line: YamlLine): Diagnostic | undefined {
  const written = line.text.trim();
  if (!line.key || !/^-[^\s-]/.test(line.key.name)) return undefined;
  return messages.yamlNoSpace(spanAt(file, line, line.indent), 'dash', written, `- ${written.slice(1)}`);
}

/** `title:Introduction`: without a space after it, the colon is part of the text. */
function noSpaceAfterColon(file: SourceFile, line: YamlLine): Diagnostic | undefined {
  const written = line.text.slice(line.valueColumn).trimEnd();
  const match = /^([A-Za-z][\w-]*):(\S.*)$/.exec(written);
  if (line.key || !match) return undefined;
  return messages.yamlNoSpace(spanAt(file, line, line.valueColumn), 'colon', written, `${match[1]}: ${match[2]}`);
}

/** `line` is indented unlike `reference`, the key it should line up with; the diagnostic is on `line`. */
function indentedUnlike(file: SourceFile, line: YamlLine | undefined, reference: YamlLine | undefined): Diagnostic | undefined {
  if (!line || !reference?.key || line.indent === reference.key.column) return undefined;
  return messages.yamlIndent(spanAt(file, line, line.indent), line.key?.name, line.indent, { key: reference.key.name, indent: reference.key.column });
}

/** A line that is no `key: value`: often the rest of the text above, not indented further than its key. */
function noColon(file: SourceFile, line: YamlLine): Diagnostic | undefined {
  if (line.key || isBlank(line)) return undefined;
  const above = nearestLine(file.text, file.lineCounter.lineStarts, line.number, -1);
  const text = above && valueText(above);
  const continues = above?.key && text && !SPECIAL_START.includes(text.charAt(0)) ? { key: above.key.name, indent: above.key.column } : undefined;
  return messages.yamlNoColon(spanAt(file, line, line.indent), continues);
}

/** `title: "Social media" at work`, `title: [Draft] Policy`, `body: 'It's'`. */
function specialStart(file: SourceFile, line: YamlLine): Diagnostic | undefined {
  const text = valueText(line);
  const first = text.charAt(0);
  if (!first || !SPECIAL_START.includes(first)) return undefined;
  const span = spanAt(file, line, line.valueColumn);
  const start = prefix(line, line.valueColumn);
  const close = text.indexOf(first, 1);
  if ((first === '"' || first === "'") && text.length > 1 && text.endsWith(first) && close < text.length - 1) {
    const inner = spanAt(file, line, line.valueColumn + close);
    return messages.yamlQuoteEndsEarly(inner, line.key?.name, first, text.slice(0, close + 1), start + quoted(text.slice(1, -1)));
  }
  return messages.yamlSpecialStart(span, line.key?.name, first, start + quoted(text));
}

/** The opening quote of a quoted text that runs to the end of the file. */
function unclosedQuote(file: SourceFile, offset: number): Diagnostic | undefined {
  const token = quotedTokens(file.text).filter((t) => t.offset <= offset && offset <= t.offset + t.source.length).pop();
  if (!token) return undefined;
  const line = lineAt(file.text, file.lineCounter.lineStarts, lineOf(file, token.offset));
  const key = line && line.valueColumn === token.offset - line.start ? line.key?.name : undefined;
  return messages.yamlUnclosedQuote(spanOfRange(file, token.offset, token.offset + 1), key, token.source.charAt(0));
}

function duplicateKey(file: SourceFile, offset: number): Diagnostic | undefined {
  let found: Diagnostic | undefined;
  visit(file.doc, {
    Map(_, map) {
      const keys = map.items.map((pair) => pair.key).filter(isScalar);
      const second = keys.find((key) => key.range?.[0] === offset);
      const first = second && keys.find((key) => key !== second && key.value === second.value);
      if (second && first?.range) {
        found = messages.yamlDuplicateKey(spanOfRange(file, offset, second.range?.[1] ?? offset), String(second.value), lineOf(file, first.range[0]));
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

interface QuotedToken {
  offset: number;
  source: string;
}

/** Every quoted scalar of the parser's concrete syntax tree, with its offset in the file. */
function quotedTokens(text: string): QuotedToken[] {
  const found: QuotedToken[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const token = node as { type?: string; offset?: number; source?: string };
    if ((token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') && token.offset !== undefined && token.source !== undefined) {
      found.push({ offset: token.offset, source: token.source });
    }
    Object.values(node).forEach(walk);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found;
}

/** What comes before the value on the line, as written: `title: `, `- text: `, `- `. */
function prefix(line: YamlLine, column: number): string {
  return line.text.slice(line.indent, column);
}

function spanAt(file: SourceFile, line: YamlLine, column: number) {
  return spanOfRange(file, line.start + column, line.start + column + 1);
}

function lineOf(file: SourceFile, offset: number): number {
  return file.lineCounter.linePos(offset).line;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
