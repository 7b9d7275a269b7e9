import { messages, type Report, type SourceSpan } from '../diagnostics';

/** Ids that must be unique in one scope (the course, a scenario, a question). */
export class IdScope {
  private readonly seen = new Map<string, SourceSpan>();

  constructor(private readonly report: Report) {}

  /** Records the id; false (and a diagnostic) when it is taken. */
  claim(id: string, span: SourceSpan): boolean {
    const first = this.seen.get(id);
    if (first) {
      this.report.add(messages.duplicateId(span, id, first));
      return false;
    }
    this.seen.set(id, span);
    return true;
  }
}
