import type { AttestationPageData } from '../course-data';
import type { PageBehaviour, PageContext } from './context';
import { focus, one } from './dom';

/** The policy sign-off: a ticked box and Confirm, recorded as an interaction compliance can audit. */
export function setupAttestation(ctx: PageContext, page: AttestationPageData): PageBehaviour {
  const box = one<HTMLInputElement>(ctx.section, '[data-attest-box]');
  const button = one<HTMLButtonElement>(ctx.section, '[data-attest]');
  const status = one(ctx.section, '.attest-status');
  let shownAt = Date.now();

  const showDone = (): void => {
    box.checked = true;
    box.disabled = true;
    button.disabled = true;
    status.textContent = ctx.strings.attested ?? '';
  };

  button.addEventListener('click', () => {
    if (!box.checked) {
      status.textContent = ctx.strings.attestFirst ?? '';
      focus(box);
      return;
    }
    ctx.state.attested[ctx.index] = true;
    ctx.record({
      id: page.id,
      type: 'true-false',
      description: page.statement,
      response: ['true'],
      correctResponses: [['true']],
      result: 'neutral',
      weighting: 0,
      latencyMs: Date.now() - shownAt,
      policy: page.policy,
      scorm: page.scorm,
    });
    showDone();
    ctx.complete();
  });

  if (ctx.state.attested[ctx.index]) showDone();
  return { shown: () => (shownAt = Date.now()) };
}
