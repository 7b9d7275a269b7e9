// What the page templates need beyond the model: the order things are shown in (questions), the
// quality of each choice (scenarios).
import { createHash } from 'node:crypto';
import { markdownToText } from '../markdown';
import { remembered } from '../markdown/remembered';
import type { Page, Question } from '../model';
import { scenarioView } from './scenario-view';
import { contentView } from './block-view';
import type { Strings } from './templates';

export type QuestionView = Question & {
  /**
   * Matching: the targets as plain text (an <option> shows no markup), sorted so their order gives
   * nothing away, as the course's language sorts them.
   */
  shownTargets?: Array<{ index: number; text: string }>;
  /** Ordering: the items as first shown, never already in the right order; `label` in plain text, for aria-label. */
  shownItems?: Array<{ index: number; text: string; label: string }>;
  initialOrder?: string;
  /** Likert: the labels of the scale, low to high. */
  scaleLabels?: Array<{ index: number; label: string }>;
};

export function pageViews(pages: Page[], strings: Strings, language: string): object[] {
  return pages.map((page) => {
    if (page.type === 'quiz') return { ...page, questions: page.questions.map((q) => questionView(q, strings, language)) };
    return page.type === 'content' ? contentView(page, language) : page.type === 'scenario' ? scenarioView(page) : page;
  });
}

function questionView(question: Question, strings: Strings, language: string): QuestionView {
  switch (question.type) {
    case 'matching': {
      const targets = question.pairs.map((pair, index) => ({ index, text: markdownToText(pair.target) }));
      return { ...question, shownTargets: targets.sort((a, b) => collator(language).compare(a.text, b.text)) };
    }
    case 'ordering': {
      const order = scrambled(question.items.length, question.id);
      const shown = order.map((index) => {
        const text = question.items[index]?.text ?? '';
        return { index, text, label: markdownToText(text) };
      });
      return { ...question, shownItems: shown, initialOrder: order.join(',') };
    }
    case 'likert': {
      const labels = question.scale.length ? question.scale : [1, 2, 3, 4, 5].map((n) => strings[`likert.${n}`] ?? String(n));
      return { ...question, scaleLabels: labels.map((label, index) => ({ index, label })) };
    }
    default:
      return question;
  }
}

/**
 * The course language's alphabetical order. Not String#localeCompare without a language: that is
 * the order of the machine building the course (its LANG), so a build in Sweden put "Ärende" after
 * "Zendesk" and one elsewhere before "Human": packages differed by where they were built.
 */
const collator = remembered((language: string): Intl.Collator => {
  try {
    return new Intl.Collator(language);
  } catch {
    // A tag ICU refuses: the root order, the same on every machine.
    return new Intl.Collator('und');
  }
});

/** A fixed (build-to-build) order of 0..n-1 that is not the identity. */
function scrambled(n: number, salt: string): number[] {
  const keyed = Array.from({ length: n }, (_, index) => ({ index, key: createHash('sha256').update(`${salt}:${index}`).digest('hex') }));
  const order = keyed.sort((a, b) => (a.key < b.key ? -1 : 1)).map((item) => item.index);
  // Rotating by one is never the identity for n ≥ 2.
  return order.every((value, i) => value === i) ? [...order.slice(1), order[0] as number] : order;
}
