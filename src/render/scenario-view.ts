// What the scenario template needs beyond the model: how good each choice is (its label and icon).
import type { ScenarioPage } from '../model';
import { choiceQuality } from '../runtime/player/scoring';

/** Each decision scene's choices with their quality (best, acceptable, poor), or none when all earn the same. */
export function scenarioView(page: ScenarioPage): ScenarioPage {
  const scenes = page.scenes.map((scene) => {
    if (scene.kind !== 'decision') return scene;
    const points = scene.choices.map((choice) => choice.points);
    return { ...scene, choices: scene.choices.map((choice) => ({ ...choice, quality: choiceQuality(choice.points, points) })) };
  });
  return { ...page, scenes };
}
