// The eight question types and the mappings inside them (choices, pairs, feedback).
import type { QuestionType } from '../model';
import type { FamilyFormat, KeyFormat, ListFormat, MappingFormat } from './types';
import { anyText, boolean, id, list, markdown, number, text } from './values';

// SCORM 1.2 writes matching and sequencing responses with one-character identifiers:
// sources and items a–z, targets 1–9.
export const MAX_PAIRS = 9;
export const MAX_ORDER_ITEMS = 26;
export const MAX_SCALE = 9;

export const FEEDBACK: MappingFormat = {
  name: 'feedback',
  description: 'What the learner reads after the answer is checked.',
  keys: {
    correct: { value: markdown, description: 'Shown after a correct answer, in Markdown.' },
    incorrect: { value: markdown, description: 'Shown after a wrong answer, in Markdown.' },
  },
};

export const CHOICE: MappingFormat = {
  name: 'choice',
  description: 'One option of a choice question.',
  keys: {
    id: { value: id, description: 'A stable id for the choice, unique in its question. Without it the choices are a, b, c… by position.' },
    text: { value: text, required: true, description: 'The text of the option.' },
    correct: { value: boolean, default: false, description: 'true for a right answer.' },
    feedback: { value: markdown, description: 'Shown when the learner picks this option, in Markdown.' },
  },
};

export const PAIR: MappingFormat = {
  name: 'pair',
  description: 'A source and the target that matches it.',
  keys: {
    source: { value: text, required: true, description: 'What the learner matches (listed in this order).' },
    target: { value: text, required: true, description: 'Its match (the targets are shown sorted, so their order gives nothing away).' },
  },
};

const COMMON: Readonly<Record<'id' | 'type' | 'prompt' | 'points' | 'feedback' | 'remediation', KeyFormat>> = {
  id: {
    value: id,
    required: true,
    description: 'The stable id of the question, unique in the course: lower-case letters, digits and hyphens. The LMS records the answer under <quiz-id>.<question-id>.',
  },
  type: {
    value: { kind: 'type-tag' },
    required: true,
    description: 'The kind of question: single-choice, multiple-choice, true-false, fill-in, matching, ordering, numeric or likert. It decides which other keys the question has.',
  },
  prompt: { value: markdown, required: true, description: 'The question, in Markdown.' },
  points: { value: number(0, 1000), default: 1, description: 'Points a correct answer earns.' },
  feedback: { value: { kind: 'mapping', mapping: FEEDBACK }, description: 'What the learner reads after the answer is checked: correct and incorrect.' },
  remediation: { value: id, description: 'The id of the page that teaches this point; a wrong answer links back to it.' },
};

/** A question type: the keys every question has, then its own. */
function question(name: QuestionType, description: string, own: Record<string, KeyFormat>, common: Partial<Record<keyof typeof COMMON, KeyFormat | undefined>> = COMMON): MappingFormat {
  const keys: Record<string, KeyFormat> = {};
  for (const [key, format] of Object.entries(common)) if (format) keys[key] = format;
  return { name, description, keys: { ...keys, ...own } };
}

function choices(flagged: ListFormat['flagged'], description: string): KeyFormat {
  return { value: { ...list({ kind: 'mapping', mapping: CHOICE }, { min: 1 }), flagged }, required: true, description };
}

export const QUESTIONS: FamilyFormat<QuestionType> = {
  name: 'question',
  description: 'A quiz question; its type decides which keys it has.',
  variants: {
    'single-choice': question('single-choice', 'Pick the one right option.', {
      choices: choices({ key: 'correct', min: 1, max: 1 }, 'The options; exactly one has correct: true.'),
    }),
    'multiple-choice': question('multiple-choice', 'Pick every right option.', {
      choices: choices({ key: 'correct', min: 1 }, 'The options; at least one has correct: true, and the learner must pick all of those.'),
    }),
    'true-false': question('true-false', 'True or false?', {
      answer: { value: boolean, required: true, description: 'The right answer: true or false.' },
    }),
    'fill-in': question('fill-in', 'Type the answer.', {
      accept: {
        value: list(text, { min: 1 }),
        required: true,
        description: 'Every answer that counts as right. They are compared ignoring case and extra spaces unless case-sensitive is true.',
      },
      'case-sensitive': { value: boolean, default: false, description: 'true: an answer must match in upper and lower case too.' },
    }),
    matching: question('matching', 'Match each source with its target.', {
      pairs: {
        value: list({ kind: 'mapping', mapping: PAIR }, { min: 2, max: MAX_PAIRS }),
        required: true,
        description: `The right pairs, 2 to ${MAX_PAIRS}; the learner matches each source from a list of all the targets.`,
      },
    }),
    ordering: question('ordering', 'Put the items in the right order.', {
      items: {
        value: list(anyText, { min: 2, max: MAX_ORDER_ITEMS }),
        required: true,
        description: `The items in the right order, 2 to ${MAX_ORDER_ITEMS}; the learner sees them in another order and moves them up and down.`,
      },
    }),
    numeric: question('numeric', 'Type a number.', {
      answer: { value: number(-1e12, 1e12), required: true, description: 'The right number. Learners may write 1,5 or 1.5.' },
      tolerance: { value: number(0, 1e12), default: 0, description: 'How far from the answer a number may be and still count as right.' },
    }),
    likert: question(
      'likert',
      'A survey question on a scale: recorded, never scored.',
      {
        scale: { value: list(anyText, { min: 2, max: MAX_SCALE }), description: `The labels of the scale from low to high, 2 to ${MAX_SCALE}. Without it, five points from Strongly disagree to Strongly agree (in the UI language).` },
        pinned: { value: boolean, default: false, description: 'true: the question keeps its place and is always drawn, however the quiz shuffles and draws the others.' },
      },
      { ...COMMON, points: { ...COMMON.points, refusedAs: 'likert-points', description: 'Survey questions earn no points.' }, remediation: undefined },
    ),
  },
};
