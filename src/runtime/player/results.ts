import type { CourseData, ResultsPageData } from '../course-data';
import type { Status } from '../tracking/tracker';
import { renderAnswerReview } from './answer-review';
import { certificateId, dayDate, dayNumber, isoDay } from './certificate-id';
import type { PageBehaviour, PageContext } from './context';
import { format, one } from './dom';
import { attemptsLeft, courseOver, courseResult, courseStatus, type CourseResult } from './scoring';
import type { State } from './state';

/** Where the results are after Finish: on their way, waiting for the LMS to be reachable, stored. */
export type SaveProgress = 'saving' | 'waiting' | 'saved';

const PROGRESS_TEXT: Record<SaveProgress, string> = { saving: 'saving', waiting: 'savePending', saved: 'finished' };

/** What the banner says: the course's state and, with it, the learner's next step. */
type Outcome = 'passed' | 'complete' | 'retry' | 'failed' | 'incomplete';

/**
 * Score and pass/fail as the LMS will record them, the banner with the next step, the unmet
 * requirements by name, the answer review, the certificate, Finish.
 */
export function setupResults(ctx: PageContext, page: ResultsPageData, finish: (progress: (state: SaveProgress) => void) => void, retryQuiz: (index: number) => void): PageBehaviour {
  const field = (name: string) => one(ctx.section, `[data-result="${name}"]`);
  const button = one<HTMLButtonElement>(ctx.section, '[data-finish]');
  const retry = one<HTMLButtonElement>(ctx.section, '[data-retry-quiz]');
  const print = ctx.section.querySelector<HTMLButtonElement>('[data-print]');
  const status = (): Status => courseStatus(ctx.data, ctx.state, courseResult(ctx.data, ctx.state, ctx.passingScore));

  button.addEventListener('click', () => {
    button.disabled = true;
    finish((state) => {
      // "Saved" only when it is: not in review, not when the LMS refused what was sent; and never
      // "you can close" alone while the course is not complete (issue 10).
      const saved = !courseOver(status()) && state === 'saved' ? 'finishedIncomplete' : PROGRESS_TEXT[state];
      const key = !ctx.recording ? 'reviewMode' : state === 'saved' && !ctx.lmsRecording() ? 'lmsNotRecording' : saved;
      field('finished').textContent = ctx.strings[key] ?? '';
    });
  });
  retry.addEventListener('click', () => retryQuiz(Number(retry.dataset.retryQuiz)));
  print?.addEventListener('click', () => window.print());

  return {
    shown() {
      ctx.complete();
      const result = courseResult(ctx.data, ctx.state, ctx.passingScore);
      const status = courseStatus(ctx.data, ctx.state, result);
      field('score').textContent = `${Math.round(result.percent)}% (${result.score.raw} / ${result.score.max})`;
      field('status').textContent = (!result.final ? ctx.strings.inProgress : result.passed ? ctx.strings.passed : ctx.strings.failed) ?? '';
      field('passing').textContent = format(ctx.strings.passingScore, { score: ctx.passingScore });
      showOutcome(ctx, result, status, retry);
      const review = ctx.section.querySelector<HTMLElement>('[data-review]');
      if (review) review.hidden = !renderAnswerReview(ctx, one(review, '[data-review-list]'), page.review === 'correct-answers');
      if (page.certificate) showCertificate(ctx, status.completion === 'completed' && status.success !== 'failed', result.percent);
    },
  };
}

/** The banner, the unmet requirements, and which action is the main one (Try again or Finish). */
function showOutcome(ctx: PageContext, result: CourseResult, status: Status, retry: HTMLButtonElement): void {
  const quiz = ctx.recording ? retryableQuiz(ctx.data, ctx.state, ctx.passingScore) : undefined;
  const failed = status.success === 'failed' || (ctx.data.require.includes('passing-score') && result.final && !result.passed);
  const outcome: Outcome = quiz ? 'retry' : failed ? 'failed' : status.completion !== 'completed' ? 'incomplete' : result.score.max > 0 && result.passed ? 'passed' : 'complete';
  const banner = one(ctx.section, '[data-result="banner"]');
  banner.className = `result-banner is-${outcome}`;
  banner.textContent = format(ctx.strings[`banner.${outcome}`], { n: quiz?.left ?? 0 });
  retry.hidden = !quiz;
  retry.dataset.retryQuiz = String(quiz?.index ?? '');
  one(ctx.section, '[data-finish]').className = quiz ? 'button secondary' : 'button';
  const unmet = status.completion === 'completed' ? [] : unmetRequirements(ctx, result);
  const list = one(ctx.section, '[data-result="unmet"]');
  list.hidden = unmet.length === 0;
  list.replaceChildren(
    ...unmet.map((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }),
  );
}

/** The first quiz failed with an attempt left, and how many are left. */
function retryableQuiz(data: CourseData, state: State, passingScore: number): { index: number; left: number } | undefined {
  for (const [index, page] of data.pages.entries()) {
    const left = page.type === 'quiz' ? attemptsLeft(page, state.quizzes[index], passingScore) : 0;
    if (left > 0) return { index, left };
  }
  return undefined;
}

/** Each requirement of the course not met yet, in plain words. */
function unmetRequirements(ctx: PageContext, result: CourseResult): string[] {
  const { data, state, strings } = ctx;
  const unmet: string[] = [];
  const pages = data.pages.filter((_, i) => !state.done[i]).map((p) => titleOf(p.id));
  const unsigned = data.pages.filter((p, i) => p.type === 'attestation' && !state.attested[i]).map((p) => titleOf(p.id));
  if (data.require.includes('all-pages') && pages.length) unmet.push(format(strings.unmetPages, { list: pages.join(', ') }));
  if (data.require.includes('attestation') && unsigned.length) unmet.push(format(strings.unmetAttestation, { list: unsigned.join(', ') }));
  // A quiz not taken yet is among the pages not done; only a score taken and too low is named here.
  if (data.require.includes('passing-score') && pages.length === 0 && !result.passed) unmet.push(format(strings.unmetScore, { score: ctx.passingScore }));
  // Seat time (min-time): in whole minutes, rounded up; the player shows the page again at each one.
  const seat = (data.seat?.min ?? 0) - state.time;
  if (seat > 0) unmet.push(format(strings.unmetTime, { n: Math.ceil(seat / 60) }));
  return unmet;
}

function showCertificate(ctx: PageContext, earned: boolean, percent: number): void {
  const certificate = one(ctx.section, '[data-certificate]');
  certificate.hidden = !earned;
  one(ctx.section, '[data-print]').hidden = !earned;
  one(ctx.section, '[data-name-field]').hidden = !earned || !ctx.saveLearnerName;
  // Printing the results page prints the certificate alone (see theme.css).
  document.documentElement.classList.toggle('has-certificate', earned);
  if (!earned) return;
  // The day first earned, kept in the saved state: reopened another day, the certificate is the same.
  if (ctx.state.earned === undefined) {
    ctx.state.earned = dayNumber(new Date());
    ctx.changed();
  }
  const day = ctx.state.earned;
  const name = one(certificate, '[data-certificate-name]');
  const id = certificate.querySelector('[data-certificate-id]');
  const show = (typed: string): void => {
    name.textContent = displayName(typed) || (ctx.strings.learner ?? '');
    // Standalone, no LMS gives a learner id: the name the learner types stands for it.
    if (id) id.textContent = certificateId([ctx.data.id, ctx.data.version, ctx.learnerId || typed.trim(), isoDay(day)]);
  };
  show(ctx.learnerName);
  if (ctx.saveLearnerName) askName(ctx, ctx.saveLearnerName, show);
  // Intl.DateTimeFormat in the course language (ECMA-402 toLocaleDateString): "November 25, 2026", "25. November 2026";
  // in UTC, where the day number's midnight is that calendar day.
  const date = dayDate(day).toLocaleDateString(ctx.data.language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  one(certificate, '[data-certificate-date]').textContent = format(ctx.strings.completedOn, { date });
  const score = certificate.querySelector('[data-certificate-score]');
  if (score) score.textContent = format(ctx.strings.certificateScore, { score: Math.round(percent) });
}

/** Without an LMS nobody gives the learner's name: the learner types it for the certificate. */
function askName(ctx: PageContext, save: (name: string) => void, show: (name: string) => void): void {
  const input = one<HTMLInputElement>(ctx.section, '[data-name-field] input');
  // Shown again: the name typed before stays.
  if (input.dataset.ready) return show(input.value);
  input.dataset.ready = '1';
  input.value = ctx.learnerName;
  input.addEventListener('input', () => show(input.value));
  input.addEventListener('change', () => save(input.value.trim()));
}

/** LMSs send "Last, First" (SCORM's convention); a certificate reads "First Last". */
export function displayName(name: string): string {
  const parts = name.split(',').map((part) => part.trim());
  return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : name.trim();
}

function titleOf(pageId: string): string {
  return document.getElementById(`title-${pageId}`)?.textContent ?? pageId;
}
