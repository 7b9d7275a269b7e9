/** A point in a source file; line and column are 1-based, as editors show them. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface SourceSpan {
  file: string;
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning';

/**
 * One problem a user can cause (modelled on vfile-message): a stable code that names the kind of
 * mistake, a plain-language message, where it is, and how to fix it.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** Absent only for problems that have no file, such as a bad command-line argument. */
  span?: SourceSpan;
  hint?: string;
  /** The underlying error (YAML parser, file system, Handlebars), kept rather than lost. */
  cause?: unknown;
}

/** Collects diagnostics across the phases; a phase keeps going to report every problem it can. */
export class Report {
  readonly diagnostics: Diagnostic[] = [];

  /** A diagnostic already reported (a file included twice is read twice) is not added again. */
  add(diagnostic: Diagnostic): void {
    if (!this.diagnostics.some((known) => sameDiagnostic(known, diagnostic))) this.diagnostics.push(diagnostic);
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }

  get errors(): Diagnostic[] {
    return this.diagnostics.filter((d) => d.severity === 'error');
  }

  get warnings(): Diagnostic[] {
    return this.diagnostics.filter((d) => d.severity === 'warning');
  }

  sorted(): Diagnostic[] {
    return [...this.diagnostics].sort(compareDiagnostics);
  }
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.span?.file ?? '';
  const fb = b.span?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.span?.start.line ?? 0;
  const lb = b.span?.start.line ?? 0;
  if (la !== lb) return la - lb;
  return (a.span?.start.column ?? 0) - (b.span?.start.column ?? 0);
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message && a.span?.file === b.span?.file && a.span?.start.offset === b.span?.start.offset;
}
