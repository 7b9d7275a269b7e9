// What the page templates need beyond the model: the order things are shown in (questions), the
// quality of each choice (scenarios).
import { createHash } from 'node:crypto';
import type { Page, Question } from '../model';
import { scenarioView } from './scenario-view';
import { contentView } from './block-view';
import type { Strings } from './templates';

export type QuestionView = Question & {
  /** Matching: the targets, sorted by text so their order gives nothing away. */
  shownTargets?: Array<{ index: number; text: string }>;
  /** Ordering: the items as first shown, never already in the right order. */
  shownItems?: Array<{ index: number; text: string }>;
  initialOrder?: string;
  /** Likert: the labels of the scale, low to high. */
  scaleLabels?: Array<{ index: number; label: string }>;
};

export function pageViews(pages: Page[], strings: Strings, language: string): object[] {
  return pages.map((page) => {
    if (page.type === 'quiz') return { ...page, questions: page.questions.map((q) => questionView(q, strings)) };
    return page.type === 'content' ? contentView(page, language) : page.type === 'scenario' ? scenarioView(page) : page;
  });
}

function questionView(question: Question, strings: Strings): QuestionView {
  switch (question.type) {
    case 'matching':
      return { ...question, shownTargets: question.pairs.map((pair, index) => ({ index, text: pair.target })).sort((a, b) => a.text.localeCompare(b.text)) };
    case 'ordering': {
      const order = scrambled(question.items.length, question.id);
      return { ...question, shownItems: order.map((index) => ({ index, text: question.items[index]?.text ?? '' })), initialOrder: order.join(',') };
    }
    case 'likert': {
      const labels = question.scale.length ? question.scale : [1, 2, 3, 4, 5].map((n) => strings[`likert.${n}`] ?? String(n));
      return { ...question, scaleLabels: labels.map((label, index) => ({ index, label })) };
    }
    default:
      return question;
  }
}

/** A fixed (build-to-build) order of 0..n-1 that is not the identity. */
function scrambled(n: number, salt: string): number[] {
  const keyed = Array.from({ length: n }, (_, index) => ({ index, key: createHash('sha256').update(`${salt}:${index}`).digest('hex') }));
  const order = keyed.sort((a, b) => (a.key < b.key ? -1 : 1)).map((item) => item.index);
  // Rotating by one is never the identity for n ≥ 2.
  return order.every((value, i) => value === i) ? [...order.slice(1), order[0] as number] : order;
}
