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
  const range = node?.range;
  if (!range) return spanOfRange(file, 0, 0);
  return spanOfRange(file, range[0], range[1]);
}

export function fileSpan(displayPath: string): SourceSpan {
  const start = { line: 1, column: 1, offset: 0 };
  return { file: displayPath, start, end: start };
}
