// Per-question latency (SCORM cmi.interactions.n.latency, xAPI result.duration). When all questions
// of a quiz are on one page, the time on the page says nothing about any one of them: each
// question's latency runs from when the questions were first shown (in this attempt and session)
// to the learner's last change to that answer. A question answered without a change (an ordering
// left as shown) counts to Submit, when the learner accepted it. One question at a time, a
// question's latency runs from when that question was first shown instead.

export class LatencyClock {
  private shownAt: number | undefined;
  private readonly changedAt = new Map<string, number>();
  private readonly questionShownAt = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The questions are on screen; only the first call of an attempt starts the clock. */
  shown(): void {
    this.shownAt ??= this.now();
  }

  /** One question at a time: this question is on screen; only its first showing counts. */
  questionShown(questionId: string): void {
    if (!this.questionShownAt.has(questionId)) this.questionShownAt.set(questionId, this.now());
  }

  /** The learner changed the answer to this question. */
  changed(questionId: string): void {
    this.changedAt.set(questionId, this.now());
  }

  /** Milliseconds from first shown to the last change of this question (or to now, unchanged). */
  latency(questionId: string): number {
    const end = this.changedAt.get(questionId) ?? this.now();
    return Math.max(0, end - (this.questionShownAt.get(questionId) ?? this.shownAt ?? end));
  }

  /** A new attempt: the questions are shown anew, and no answer has been changed yet. */
  restart(): void {
    this.shownAt = undefined;
    this.changedAt.clear();
    this.questionShownAt.clear();
    this.shown();
  }
}
