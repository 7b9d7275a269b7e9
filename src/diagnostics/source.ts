import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import type { Position, SourceSpan } from './diagnostic';

/** A parsed YAML file of a course; `doc` keeps yaml's node ranges for positions. */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user (relative to the working directory). */
  displayPath: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /**
   * The texts a translation put in place of the source's (src/translate/apply.ts), by YAML
   * node: where each is written in the .xlf file. A problem in one is reported there, where the
   * translator can fix it, not at the source text it replaced.
   */
  translated?: Map<YamlNode, SourceSpan>;
}

export function positionAt(file: SourceFile, offset: number): Position {
  const { line, col } = file.lineCounter.linePos(offset);
  return { line, column: col, offset };
}

export function spanOfRange(file: SourceFile, start: number, end: number): SourceSpan {
  return { file: file.displayPath, start: positionAt(file, start), end: positionAt(file, end) };
}

/** The span of a YAML node; a node without range (created, not parsed) points at the file start. */
export function spanOf(file: SourceFile, node: YamlNode | null | undefined): SourceSpan {
  const translated = translatedSpan(file, node);
  if (translated) return translated;
  const range = node?.range;
  if (!range) return spanOfRange(file, 0, 0);
  return spanOfRange(file, range[0], range[1]);
}

export function fileSpan(displayPath: string): SourceSpan {
  const start = { line: 1, column: 1, offset: 0 };
  return { file: displayPath, start, end: start };
}

/** Where a text that came from a translation is written in the .xlf file; undefined for any other. */
export function translatedSpan(file: SourceFile, node: unknown): SourceSpan | undefined {
  return file.translated?.get(node as YamlNode);
}
