// What each question type does in the page: read and restore an answer, and describe it for the LMS.
import type { QuestionData } from '../course-data';
import type { InteractionComponents, InteractionRecord } from '../tracking/tracker';
import { all, one } from './dom';
import { indexes, isCorrect, isScored, parseNumber } from './scoring';

type Interaction = Omit<InteractionRecord, 'timestamp'>;

/** The learner's answer as stored in the state (see isCorrect for the encoding); "" when unanswered. */
export function readResponse(element: HTMLElement, question: QuestionData): string {
  switch (question.type) {
    case 'fill-in':
      return one<HTMLInputElement>(element, 'input').value.trim();
    case 'numeric': {
      const text = one<HTMLInputElement>(element, 'input').value.trim();
      return text === '' ? '' : String(parseNumber(text) ?? text);
    }
    case 'matching': {
      const chosen = all<HTMLSelectElement>(element, 'select').map((select) => select.value);
      return chosen.some((value) => value === '') ? '' : chosen.join(',');
    }
    case 'ordering':
      return all(element, '[data-item]').map((item) => item.dataset.item).join(',');
    default: {
      const checked = all<HTMLInputElement>(element, 'input:checked').map((input) => input.value);
      if (question.type === 'true-false') return checked[0] === 'true' ? 't' : checked[0] === 'false' ? 'f' : '';
      if (question.type === 'likert') return checked[0] ?? '';
      return question.choices.map((c, i) => (checked.includes(c.id) ? i : -1)).filter((i) => i >= 0).join(',');
    }
  }
}

/** Puts a saved answer back into the page (after a relaunch), or clears it (""). */
export function writeResponse(element: HTMLElement, question: QuestionData, response: string): void {
  switch (question.type) {
    case 'fill-in':
    case 'numeric':
      one<HTMLInputElement>(element, 'input').value = response;
      return;
    case 'matching': {
      const targets = indexes(response);
      all<HTMLSelectElement>(element, 'select').forEach((select, i) => (select.value = targets[i] === undefined ? '' : String(targets[i])));
      return;
    }
    case 'ordering': {
      const list = one(element, '[data-order]');
      const order = response ? indexes(response) : indexes(list.dataset.initial ?? '');
      for (const index of order) list.append(one(list, `[data-item="${index}"]`));
      return;
    }
    default: {
      const values =
        question.type === 'true-false' ? (response ? [response === 't' ? 'true' : 'false'] : []) : question.type === 'likert' ? [response] : choiceIds(question, response);
      for (const input of all<HTMLInputElement>(element, 'input')) input.checked = values.includes(input.value);
    }
  }
}

/** The YAML ids of the chosen choices, for per-choice feedback and the LMS. */
export function choiceIds(question: QuestionData, response: string): string[] {
  if (question.type !== 'single-choice' && question.type !== 'multiple-choice') return [];
  return indexes(response).map((i) => question.choices[i]?.id ?? '');
}

const textOf = (element: Element | null | undefined): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The texts of the question's parts as the page shows them, for xAPI interaction definitions. */
function componentsOf(element: HTMLElement, question: QuestionData): InteractionComponents {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      // In the course's order, whatever the shuffle: SCORM 1.2 names a choice by its position.
      return { choices: question.choices.map(({ id }) => ({ id, text: textOf(element.querySelector(`input[value="${id}"]`)?.closest('label')) })) };
    case 'matching':
      return {
        source: all(element, '.match-source').map((source, i) => ({ id: question.sources[i] ?? '', text: textOf(source) })),
        target: question.targets.map((id, i) => ({ id, text: textOf(element.querySelector(`option[value="${i}"]`)) })),
      };
    case 'ordering':
      // xAPI describes a sequencing interaction's items as "choices" ("steps" are for performance).
      return { choices: question.items.map((id, i) => ({ id, text: textOf(element.querySelector(`[data-item="${i}"] .item-text`)) })) };
    case 'likert':
      return { scale: all<HTMLInputElement>(element, 'input').map((input) => ({ id: String(Number(input.value) + 1), text: textOf(input.closest('label')) })) };
    default:
      return {};
  }
}

/** The interaction the LMS records for this answer, in the vocabulary of SCORM 2004. */
export function interactionFor(pageId: string, question: QuestionData, response: string, latencyMs: number, element?: HTMLElement): Interaction {
  const base = { id: `${pageId}.${question.id}`, description: question.description, weighting: question.points, latencyMs, ...(element ? { components: componentsOf(element, question) } : {}) };
  const result = !isScored(question) ? ('neutral' as const) : isCorrect(question, response) ? ('correct' as const) : ('incorrect' as const);
  switch (question.type) {
    case 'true-false':
      return { ...base, result, type: 'true-false', response: [response === 't' ? 'true' : 'false'], correctResponses: [[String(question.answer)]] };
    case 'fill-in':
      return { ...base, result, type: 'fill-in', response: [response], correctResponses: question.accept.map((answer) => [answer]) };
    case 'numeric':
      return { ...base, result, type: 'numeric', response: [response], correctResponses: [[String(question.answer - question.tolerance), String(question.answer + question.tolerance)]] };
    case 'matching': {
      const pairs = (targets: number[]) => question.sources.map((source, i) => `${source}.${question.targets[targets[i] ?? -1] ?? ''}`);
      return { ...base, result, type: 'matching', response: pairs(indexes(response)), correctResponses: [pairs(question.sources.map((_, i) => i))] };
    }
    case 'ordering':
      return { ...base, result, type: 'sequencing', response: indexes(response).map((i) => question.items[i] ?? ''), correctResponses: [question.items] };
    case 'likert':
      return { ...base, result, type: 'likert', response: [String(Number(response) + 1)], correctResponses: [] };
    default:
      return { ...base, result, type: 'choice', response: choiceIds(question, response), correctResponses: [question.choices.filter((c) => c.correct).map((c) => c.id)] };
  }
}

/** Shows the choices of a choice question in an order of its own (same seed → same order). */
export function shuffleChoices(element: HTMLElement, seed: number): void {
  const options = all(element, ':scope > .option');
  const anchor = options[options.length - 1]?.nextSibling ?? null;
  const random = seededRandom(seed);
  for (let i = options.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [options[i], options[j]] = [options[j] as HTMLElement, options[i] as HTMLElement];
  }
  for (const option of options) element.insertBefore(option, anchor);
}

/** mulberry32: tiny, good enough to shuffle choices reproducibly. */
function seededRandom(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
