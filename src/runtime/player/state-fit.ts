// Whether a piece of saved state fits this course: state comes from the LMS, and the LMS may
// hand back what an older build, another tool or a curious learner wrote. A piece that does
// not fit would throw (a blank page on every relaunch) or mislead; the decoder leaves it out.
import type { QuestionData, QuizPageData, ScenarioChoiceData, ScenarioPageData } from '../course-data';

/** "0,2,1" → [0, 2, 1]; undefined unless it is a non-empty list of whole numbers below `size`. */
function indexList(answer: string, size: number): number[] | undefined {
  if (!/^\d{1,3}(,\d{1,3})*$/.test(answer)) return undefined;
  const list = answer.split(',').map(Number);
  return list.every((i) => i < size) ? list : undefined;
}

const distinct = (list: number[]): boolean => new Set(list).size === list.length;

/** Whether a saved answer is one this question's page could have written (see scoring.isCorrect). */
export function answerFits(question: QuestionData, answer: unknown): answer is string {
  if (typeof answer !== 'string' || answer === '') return false;
  switch (question.type) {
    case 'true-false':
      return answer === 't' || answer === 'f';
    case 'fill-in':
    case 'numeric':
      // Typed text, shown only as text (an input's value): any text fits, markup included.
      return true;
    case 'single-choice':
      return indexList(answer, question.choices.length)?.length === 1;
    case 'likert':
      return indexList(answer, question.scale)?.length === 1;
    case 'multiple-choice': {
      const list = indexList(answer, question.choices.length);
      return list !== undefined && distinct(list);
    }
    case 'matching':
      return indexList(answer, question.targets.length)?.length === question.sources.length;
    case 'ordering': {
      const list = indexList(answer, question.items.length);
      return list?.length === question.items.length && distinct(list);
    }
  }
}

/**
 * The drawn questions: the pool's first `draw` when not written, else fixed-width base-36
 * indexes after a one-digit width ("1a02…"); undefined unless that is `draw` different
 * questions of the pool.
 */
export function fittingOrder(page: QuizPageData, text: unknown): number[] | undefined {
  if (text === undefined) return Array.from({ length: Math.min(page.draw, page.questions.length) }, (_, i) => i);
  if (typeof text !== 'string' || !/^[1-9][0-9a-z]*$/.test(text)) return undefined;
  const width = Number(text[0]);
  const digits = text.slice(1);
  if (digits.length !== page.draw * width) return undefined;
  const order: number[] = [];
  for (let at = 0; at < digits.length; at += width) order.push(parseInt(digits.slice(at, at + width), 36));
  return order.every((i) => i < page.questions.length) && distinct(order) ? order : undefined;
}

/** The decisions a path takes through a scenario (scene, choice), up to the first step that does not lead on. */
export function walkPath(page: ScenarioPageData, steps: readonly number[]): Array<{ scene: string; choice: ScenarioChoiceData }> {
  const taken: Array<{ scene: string; choice: ScenarioChoiceData }> = [];
  let current = page.start;
  for (const step of steps) {
    const scene = page.scenes[current];
    const choice = scene && 'choices' in scene ? scene.choices[step] : undefined;
    if (!choice) break;
    taken.push({ scene: current, choice });
    current = choice.next;
  }
  return taken;
}

/** The steps of a scenario path that lead through it, up to the first that does not. */
export function fittingPath(page: ScenarioPageData, steps: number[]): number[] {
  return steps.slice(0, walkPath(page, steps).length);
}
