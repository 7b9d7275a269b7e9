// What the scenario template needs beyond the model: how good each choice is, and for a choice
// that is not the best, the best choices of its scene — decided here, so the runtime only shows them.
import type { ScenarioChoice, ScenarioPage } from '../model';
import { type ChoiceQuality, choiceQuality } from '../runtime/player/scoring';

export type ChoiceView = ScenarioChoice & {
  /** Undefined when every choice of the scene earns the same. */
  quality?: ChoiceQuality;
  /** The texts (inline Markdown) of the scene's best choices, when this one is not among them. */
  best?: string[];
};

/** Each decision scene's choices with their quality (best, acceptable, poor), and the best ones where missed. */
export function scenarioView(page: ScenarioPage): ScenarioPage {
  const scenes = page.scenes.map((scene) => {
    if (scene.kind !== 'decision') return scene;
    const points = scene.choices.map((choice) => choice.points);
    const best = scene.choices.filter((choice) => choiceQuality(choice.points, points) === 'best').map((choice) => choice.text);
    const choices = scene.choices.map((choice): ChoiceView => {
      const quality = choiceQuality(choice.points, points);
      return { ...choice, quality, ...(quality && quality !== 'best' && { best }) };
    });
    return { ...scene, choices };
  });
  return { ...page, scenes };
}
