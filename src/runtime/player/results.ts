import type { ResultsPageData } from '../course-data';
import { renderAnswerReview } from './answer-review';
import type { PageBehaviour, PageContext } from './context';
import { format, one } from './dom';
import { courseResult, courseStatus } from './scoring';

/** Where the results are after Finish: on their way, waiting for the LMS to be reachable, stored. */
export type SaveProgress = 'saving' | 'waiting' | 'saved';

const PROGRESS_TEXT: Record<SaveProgress, string> = { saving: 'saving', waiting: 'savePending', saved: 'finished' };

/** Score and pass/fail as the LMS will record them, the answer review, the certificate, Finish. */
export function setupResults(ctx: PageContext, page: ResultsPageData, finish: (progress: (state: SaveProgress) => void) => void): PageBehaviour {
  const field = (name: string) => one(ctx.section, `[data-result="${name}"]`);
  const button = one<HTMLButtonElement>(ctx.section, '[data-finish]');
  const print = ctx.section.querySelector<HTMLButtonElement>('[data-print]');

  button.addEventListener('click', () => {
    button.disabled = true;
    finish((state) => {
      // "Saved" only when it is: not in review, not when the LMS refused what was sent.
      const key = !ctx.recording ? 'reviewMode' : state === 'saved' && !ctx.lmsRecording() ? 'lmsNotRecording' : PROGRESS_TEXT[state];
      field('finished').textContent = ctx.strings[key] ?? '';
    });
  });
  print?.addEventListener('click', () => window.print());

  return {
    shown() {
      ctx.complete();
      const result = courseResult(ctx.data, ctx.state, ctx.passingScore);
      const status = courseStatus(ctx.data, ctx.state, result);
      field('score').textContent = `${Math.round(result.percent)}% (${result.score.raw} / ${result.score.max})`;
      field('status').textContent = (!result.final ? ctx.strings.inProgress : result.passed ? ctx.strings.passed : ctx.strings.failed) ?? '';
      field('passing').textContent = format(ctx.strings.passingScore, { score: ctx.passingScore });
      const remaining = ctx.data.pages.filter((_, i) => !ctx.state.done[i]).map((p) => titleOf(p.id));
      const remainingField = field('remaining');
      remainingField.hidden = remaining.length === 0 || status.completion === 'completed';
      remainingField.textContent = format(ctx.strings.remaining, { list: remaining.join(', ') });
      const review = ctx.section.querySelector<HTMLElement>('[data-review]');
      if (review) review.hidden = !renderAnswerReview(ctx, one(review, '[data-review-list]'), page.review === 'correct-answers');
      if (page.certificate) showCertificate(ctx, status.completion === 'completed' && status.success !== 'failed');
    },
  };
}

function showCertificate(ctx: PageContext, earned: boolean): void {
  const certificate = one(ctx.section, '[data-certificate]');
  certificate.hidden = !earned;
  one(ctx.section, '[data-print]').hidden = !earned;
  // Printing the results page prints the certificate alone (see theme.css).
  document.documentElement.classList.toggle('has-certificate', earned);
  if (!earned) return;
  one(certificate, '[data-certificate-name]').textContent = displayName(ctx.learnerName) || (ctx.strings.learner ?? '');
  const date = new Date().toLocaleDateString(ctx.data.language, { year: 'numeric', month: 'long', day: 'numeric' });
  one(certificate, '[data-certificate-date]').textContent = format(ctx.strings.completedOn, { date });
}

/** LMSs send "Last, First" (SCORM's convention); a certificate reads "First Last". */
export function displayName(name: string): string {
  const parts = name.split(',').map((part) => part.trim());
  return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : name.trim();
}

function titleOf(pageId: string): string {
  return document.getElementById(`title-${pageId}`)?.textContent ?? pageId;
}
