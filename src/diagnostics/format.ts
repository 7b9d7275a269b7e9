import type { Diagnostic } from './diagnostic';

export interface FormatOptions {
  /** File texts by display path, for code frames. */
  sources: ReadonlyMap<string, string>;
  color: boolean;
}

/** Compiler-style text: `file:line:col error message [code]`, a code frame, then the hint. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const paint = painter(options.color);
  const where = d.span ? `${visible(d.span.file)}:${d.span.start.line}:${d.span.start.column} ` : '';
  const severity = d.severity === 'error' ? paint.red('error') : paint.yellow('warning');
  const lines = [`${paint.bold(where)}${severity} ${visible(d.message)} ${paint.dim(`[${d.code}]`)}`];
  const frame = d.span ? codeFrame(options.sources.get(d.span.file), d.span.start.line, d.span.start.column) : '';
  if (frame) lines.push(visible(frame));
  if (d.hint) lines.push(`  ${paint.cyan('hint:')} ${visible(d.hint)}`);
  return lines.join('\n');
}

/**
 * Control characters of a course's text as their Unicode pictures (U+000B as ␋, ESC as ␛): one
 * character each, so the caret stays under them, and a course file cannot send escape sequences
 * to the terminal.
 */
function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => (c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))));
}

/** Characters of a line a frame shows; past them, a window around the column (a minified or runaway line). */
const FRAME_COLUMNS = 100;

function codeFrame(text: string | undefined, line: number, column: number): string {
  if (text === undefined) return '';
  const all = text.split(/\r?\n/);
  const first = Math.max(1, line - 1);
  const last = Math.min(all.length, line + 1);
  const width = String(last).length;
  const clip = clipper(all.slice(first - 1, last), column);
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? '>' : ' ';
    out.push(`  ${marker} ${String(n).padStart(width)} | ${clip.line(all[n - 1] ?? '')}`);
    if (n === line) out.push(`    ${' '.repeat(width)} | ${' '.repeat(clip.caret)}^`);
  }
  return out.join('\n');
}

/** The same window of each shown line (their columns stay aligned), "…" where it cuts. */
function clipper(lines: readonly string[], column: number): { line(text: string): string; caret: number } {
  const longest = Math.max(0, ...lines.map((text) => text.length));
  if (longest <= FRAME_COLUMNS) return { line: (text) => text, caret: Math.max(0, column - 1) };
  const start = Math.max(0, Math.min(column - 1 - FRAME_COLUMNS / 2, longest - FRAME_COLUMNS));
  const lead = start > 0 ? '…' : '';
  return {
    line: (text) => `${lead}${text.slice(start, start + FRAME_COLUMNS)}${text.length > start + FRAME_COLUMNS ? '…' : ''}`,
    caret: lead.length + Math.max(0, column - 1 - start),
  };
}

function painter(color: boolean) {
  const wrap = (code: number) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { red: wrap(31), yellow: wrap(33), cyan: wrap(36), bold: wrap(1), dim: wrap(2) };
}

/** The JSON shape of `--json`: stable for editors and CI. */
export function diagnosticToJson(d: Diagnostic) {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.span?.file ?? null,
    line: d.span?.start.line ?? null,
    column: d.span?.start.column ?? null,
    endLine: d.span?.end.line ?? null,
    endColumn: d.span?.end.column ?? null,
    hint: d.hint ?? null,
  };
}
