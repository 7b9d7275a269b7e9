// The shape of one line of a YAML file as a person reads it: indentation, list dashes, a key and
// its value. Syntax errors are explained in these terms (yaml-errors.ts), not in the parser's.

export interface YamlLine {
  /** 1-based, as editors number lines. */
  number: number;
  /** Offset of the line's first character in the file. */
  start: number;
  text: string;
  /** Spaces before the first character that is not a space. */
  indent: number;
  /** The key written on the line (`title` in `  - title: x`), with its 0-based column. */
  key?: { name: string; column: number };
  /** 0-based column where the value starts: after `key: `, after `- `, or the first character. */
  valueColumn: number;
}

const DASHES = /^( *)((?:- +)*)/;
// A plain key: no quote, bracket or other YAML indicator first, and a colon followed by a space
// or the end of the line (the parser's own rule for an implicit key).
const KEY = /^([^\s#"'[\]{}!&*|>%@`][^:#]*?|"[^"]*"|'[^']*'):(?: +|$)/;

export function lineAt(text: string, lineStarts: readonly number[], number: number): YamlLine | undefined {
  const start = lineStarts[number - 1];
  if (start === undefined) return undefined;
  const end = text.indexOf('\n', start);
  return parseLine(text.slice(start, end === -1 ? text.length : end).replace(/\r$/, ''), number, start);
}

export function parseLine(text: string, number: number, start: number): YamlLine {
  const dashes = DASHES.exec(text) ?? ['', '', ''];
  const indent = dashes[1]?.length ?? 0;
  const afterDashes = dashes[0].length;
  const key = KEY.exec(text.slice(afterDashes));
  const line: YamlLine = { number, start, text, indent, valueColumn: afterDashes };
  if (key?.[1]) {
    line.key = { name: key[1].replace(/^["']|["']$/g, ''), column: afterDashes };
    line.valueColumn = afterDashes + key[0].length;
  }
  return line;
}

/** The value as written on the line, without a trailing comment-free whitespace. */
export function valueText(line: YamlLine): string {
  return line.text.slice(line.valueColumn).trimEnd();
}

/** Blank and comment-only lines say nothing about structure. */
export function isBlank(line: YamlLine): boolean {
  return /^\s*(#.*)?$/.test(line.text);
}

/** The nearest line before `number` (or after it, `step` 1) that holds something. */
export function nearestLine(text: string, lineStarts: readonly number[], number: number, step: 1 | -1): YamlLine | undefined {
  for (let n = number + step; n >= 1 && n <= lineStarts.length; n += step) {
    const line = lineAt(text, lineStarts, n);
    if (line && !isBlank(line)) return line;
  }
  return undefined;
}

/**
 * The text in quotes a YAML parser reads back unchanged: double quotes, or single quotes when the
 * text holds a double quote or a backslash (a ' inside single quotes is written twice).
 */
export function quoted(text: string): string {
  if (!/["\\]/.test(text)) return `"${text}"`;
  return `'${text.replace(/'/g, "''")}'`;
}
