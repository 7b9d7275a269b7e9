import type { ScenarioPageData } from '../course-data';
import type { PageBehaviour, PageContext } from './context';
import { all, focus, format, one, paragraph, templateContent, text } from './dom';
import { scenarioResult, type ScenarioStep } from './scoring';

/** A branching scenario: one scene at a time; each decision is recorded as an interaction. */
export function setupScenario(ctx: PageContext, page: ScenarioPageData): PageBehaviour {
  const root = ctx.section;
  const feedback = one(root, '.scenario-feedback');
  const continueButton = one<HTMLButtonElement>(root, '[data-continue]');
  let sceneShownAt = Date.now();
  let pendingNext: string | undefined;

  const path = (): number[] => ctx.state.paths[ctx.index] ?? [];

  const showScene = (id: string, moveFocus: boolean): void => {
    for (const scene of all(root, '[data-scene]')) scene.hidden = scene.dataset.scene !== id;
    const scene = one(root, `[data-scene="${id}"]`);
    for (const button of all<HTMLButtonElement>(scene, '[data-choice]')) {
      button.disabled = false;
      button.removeAttribute('aria-pressed');
    }
    sceneShownAt = Date.now();
    if (moveFocus) focus(one(scene, '.scene-text'));
    if (scenarioResult(page, path()).ended) showDebrief();
  };

  const choose = (sceneId: string, choiceIndex: number): void => {
    const scene = page.scenes[sceneId];
    if (!scene || !('choices' in scene) || pendingNext) return;
    const choice = scene.choices[choiceIndex];
    if (!choice) return;
    ctx.state.paths[ctx.index] = [...path(), choiceIndex];
    const best = Math.max(...scene.choices.map((c) => c.points));
    const allEqual = scene.choices.every((c) => c.points === best);
    ctx.record({
      id: `${page.id}.${sceneId}`,
      type: 'choice',
      description: scene.description,
      response: [choice.id],
      // Each equally good choice is its own correct pattern: picking any one of them is right.
      correctResponses: scene.choices.filter((c) => c.points === best).map((c) => [c.id]),
      result: allEqual ? 'neutral' : choice.points === best ? 'correct' : 'incorrect',
      weighting: best,
      latencyMs: Date.now() - sceneShownAt,
      // In the course's order: SCORM 1.2 names a choice by its position in it.
      components: { choices: scene.choices.map((c) => ({ id: c.id, text: root.querySelector(`[data-scene="${sceneId}"] [data-choice="${c.id}"]`)?.textContent?.trim() ?? '' })) },
    });
    const sceneElement = one(root, `[data-scene="${sceneId}"]`);
    for (const button of all<HTMLButtonElement>(sceneElement, '[data-choice]')) {
      button.disabled = true;
      if (button.dataset.choice === choice.id) button.setAttribute('aria-pressed', 'true');
    }
    const text = templateContent(sceneElement, `[data-feedback="${choice.id}"]`);
    feedback.replaceChildren(...(text ? [text] : []));
    pendingNext = choice.next;
    continueButton.hidden = false;
    focus(continueButton);
    ctx.changed();
  };

  const proceed = (): void => {
    if (!pendingNext) return;
    const next = pendingNext;
    pendingNext = undefined;
    feedback.replaceChildren();
    continueButton.hidden = true;
    showScene(next, true);
  };

  const showDebrief = (): void => {
    const debrief = one(root, '.debrief');
    const result = scenarioResult(page, path());
    one(debrief, '.path').replaceChildren(...result.steps.map((step) => decisionItem(root, step, ctx.strings, false, true)));
    one(debrief, '.points').textContent = format(ctx.strings.pointsEarned, { points: result.earned, max: page.maxPoints });
    debrief.hidden = false;
    ctx.complete();
  };

  /** Back to the first scene; the earlier run stays in the LMS's record, the new one counts. */
  const restart = (): void => {
    ctx.state.paths[ctx.index] = [];
    one(root, '.debrief').hidden = true;
    ctx.changed();
    showScene(page.start, true);
  };

  root.addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-choice], [data-continue], [data-restart]');
    if (!target) return;
    if (target.hasAttribute('data-continue')) return proceed();
    if (target.hasAttribute('data-restart')) return restart();
    const sceneId = target.closest<HTMLElement>('[data-scene]')?.dataset.scene ?? '';
    const scene = page.scenes[sceneId];
    if (scene && 'choices' in scene) choose(sceneId, scene.choices.findIndex((c) => c.id === target.dataset.choice));
  });

  showScene(scenarioResult(page, path()).current, false);
  return { shown: () => (sceneShownAt = Date.now()) };
}


/**
 * One decision, in the debrief (`review` false: everything its template holds, see scenario.hbs)
 * or the results review (`review` true: the scene's text first, then the quality and, when
 * `showBest`, the best choice where it was missed): the choice and its points come first.
 */
export function decisionItem(section: ParentNode, step: ScenarioStep, strings: Record<string, string>, review: boolean, showBest: boolean): HTMLLIElement {
  const scene = one(section, `[data-scene="${step.scene}"]`);
  const item = document.createElement('li');
  if (review) item.append(paragraph(text(scene.querySelector('.scene-text')), 'review-prompt'));
  item.append(paragraph(format(strings.yourChoice, { choice: text(scene.querySelector(`[data-choice="${step.choice.id}"]`)), points: step.choice.points }), 'debrief-choice'));
  const meaning = templateContent(scene, `[data-feedback="${step.choice.id}"]`);
  const parts = review ? [meaning?.querySelector('.quality'), showBest && meaning?.querySelector('.best-choice')] : [meaning];
  for (const part of parts) if (part) item.append(part);
  return item;
}
