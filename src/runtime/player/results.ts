import type { PageBehaviour, PageContext } from './context';
import { one } from './dom';
import { courseResult, courseStatus } from './scoring';

/** Score and pass/fail as the LMS will record them, and the Finish button. */
export function setupResults(ctx: PageContext, finish: () => void): PageBehaviour {
  const field = (name: string) => one(ctx.section, `[data-result="${name}"]`);
  const button = one<HTMLButtonElement>(ctx.section, '[data-finish]');

  button.addEventListener('click', () => {
    finish();
    button.disabled = true;
    field('finished').textContent = ctx.strings.finished ?? '';
  });

  return {
    shown() {
      ctx.complete();
      const result = courseResult(ctx.data, ctx.state, ctx.passingScore);
      const status = courseStatus(ctx.data, ctx.state, result);
      field('score').textContent = `${Math.round(result.percent)}% (${result.score.raw} / ${result.score.max})`;
      field('status').textContent = (!result.final ? ctx.strings.inProgress : result.passed ? ctx.strings.passed : ctx.strings.failed) ?? '';
      field('passing').textContent = (ctx.strings.passingScore ?? '').replace('{score}', String(ctx.passingScore));
      const remaining = ctx.data.pages.filter((_, i) => !ctx.state.done[i]).map((page) => titleOf(page.id));
      const remainingField = field('remaining');
      remainingField.hidden = remaining.length === 0 || status.completion === 'completed';
      remainingField.textContent = (ctx.strings.remaining ?? '').replace('{list}', remaining.join(', '));
    },
  };
}

function titleOf(pageId: string): string {
  return document.getElementById(`title-${pageId}`)?.textContent ?? pageId;
}
