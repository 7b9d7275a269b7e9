// One reader per question type; each returns the typed question or reports what is wrong.
import { messages } from '../diagnostics';
import { CHOICE, FEEDBACK, keysOf, keysOfAnyType, MAX_ORDER_ITEMS, MAX_PAIRS, MAX_SCALE, PAIR, QUESTIONS, rangeOf, typesOf } from '../format';
import type { Choice, MatchPair, OrderItem, Question, QuestionFeedback, QuestionType } from '../model';
import type { ValidationContext } from './context';
import { IdScope } from './ids';
import { type Fields, labelOf, type Reader } from './reader';

export const QUESTION_TYPES: readonly QuestionType[] = typesOf(QUESTIONS);

// SCORM 1.2 writes matching and sequencing responses with one-character identifiers.
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '123456789';

type Specific = Question extends infer Q ? (Q extends Question ? Omit<Q, 'id' | 'prompt' | 'points' | 'feedback' | 'remediation' | 'span'> : never) : never;

export function readQuestion(reader: Reader, node: unknown, context: ValidationContext): Question | undefined {
  const type = reader.variant(node, `question "${labelOf(node)}"`, QUESTION_TYPES, keysOfAnyType(QUESTIONS));
  if (!type) return undefined;
  const fields = reader.object(node, `question "${labelOf(node)}"`, keysOf(QUESTIONS.variants[type]));
  if (!fields) return undefined;
  const id = fields.id('id');
  if (id) context.ids.claim(id, fields.spanOf('id'));
  const prompt = fields.string('prompt');
  const points = readPoints(fields, type, id ?? '?');
  const feedback = readFeedback(fields);
  const page = fields.has('remediation') ? fields.id('remediation') : undefined;
  const specific = readSpecific(type, fields, id ?? '?');
  if (!id || prompt === undefined || points === undefined || !feedback || !specific) return undefined;
  if (fields.has('remediation') && !page) return undefined;
  const remediation = page ? { remediation: { page, span: fields.spanOf('remediation') } } : {};
  return { ...specific, id, prompt, points, feedback, ...remediation, span: fields.span } as Question;
}

function readPoints(fields: Fields, type: QuestionType, questionId: string): number | undefined {
  if (type !== 'likert') return fields.has('points') ? fields.number('points', rangeOf(QUESTIONS.variants[type], 'points')) : 1;
  if (fields.has('points')) fields.reader.report.add(messages.noPoints(fields.spanOf('points'), questionId));
  return fields.has('points') ? undefined : 0;
}

function readFeedback(fields: Fields): QuestionFeedback | undefined {
  if (!fields.has('feedback')) return {};
  const sub = fields.reader.object(fields.raw('feedback'), '"feedback"', keysOf(FEEDBACK));
  return sub && { correct: sub.string('correct'), incorrect: sub.string('incorrect') };
}

function readSpecific(type: QuestionType, fields: Fields, questionId: string): Specific | undefined {
  switch (type) {
    case 'true-false': {
      const answer = fields.boolean('answer');
      return answer === undefined ? undefined : { type, answer };
    }
    case 'fill-in':
      return readFillIn(fields, questionId);
    case 'matching': {
      const pairs = readPairs(fields, questionId);
      return pairs && { type, pairs };
    }
    case 'ordering': {
      const items = readOrderItems(fields, questionId);
      return items && { type, items };
    }
    case 'numeric': {
      const answer = fields.number('answer', rangeOf(QUESTIONS.variants.numeric, 'answer'));
      const tolerance = fields.has('tolerance') ? fields.number('tolerance', rangeOf(QUESTIONS.variants.numeric, 'tolerance')) : 0;
      return answer === undefined || tolerance === undefined ? undefined : { type, answer, tolerance };
    }
    case 'likert': {
      const scale = fields.has('scale') ? fields.strings('scale') : [];
      const pinned = fields.has('pinned') ? fields.boolean('pinned') : false;
      if (!scale || pinned === undefined) return undefined;
      if (fields.has('scale') && (scale.length < 2 || scale.length > MAX_SCALE)) {
        fields.reader.report.add(messages.listLength(fields.spanOf('scale'), `the scale of question "${questionId}"`, scale.length, 2, MAX_SCALE));
        return undefined;
      }
      return { type, scale, pinned };
    }
    default:
      return readChoiceQuestion(type, fields, questionId);
  }
}

function readFillIn(fields: Fields, questionId: string): Specific | undefined {
  const accept = fields.strings('accept');
  if (!accept) return undefined;
  if (accept.length === 0 || accept.some((answer) => answer.trim() === '')) {
    fields.reader.report.add(messages.emptyAnswer(fields.spanOf('accept'), questionId));
    return undefined;
  }
  const caseSensitive = fields.has('case-sensitive') ? fields.boolean('case-sensitive') : false;
  return caseSensitive === undefined ? undefined : { type: 'fill-in', accept, caseSensitive };
}

function readChoiceQuestion(type: 'single-choice' | 'multiple-choice', fields: Fields, questionId: string): Specific | undefined {
  const choices = readChoices(fields, questionId);
  if (!choices) return undefined;
  const correct = choices.filter((choice) => choice.correct).length;
  if (correct === 0) fields.reader.report.add(messages.quizNoCorrectAnswer(fields.spanOf('choices'), questionId));
  if (type === 'single-choice' && correct > 1) fields.reader.report.add(messages.singleChoiceSeveralCorrect(fields.spanOf('choices'), questionId, correct));
  return correct === 0 || (type === 'single-choice' && correct > 1) ? undefined : { type, choices };
}

function readChoices(fields: Fields, questionId: string): Choice[] | undefined {
  const items = fields.list('choices', { nonEmpty: true });
  if (!items) return undefined;
  const ids = new IdScope(fields.reader.report);
  const choices: Choice[] = [];
  let ok = true;
  items.forEach((item, index) => {
    const sub = fields.reader.object(item, `a choice of question "${questionId}"`, keysOf(CHOICE));
    const id = sub?.has('id') ? sub.id('id') : LETTERS[index];
    const text = sub?.string('text');
    const correct = sub?.has('correct') ? sub.boolean('correct') : false;
    // A choice with an unknown key ("corect") may be the correct one: no "no correct answer" after it.
    if (!sub || sub.hasUnknownKeys || !id || text === undefined || correct === undefined || !ids.claim(id, sub.has('id') ? sub.spanOf('id') : sub.span)) {
      ok = false;
      return;
    }
    choices.push({ id, text, correct, feedback: sub.string('feedback'), span: sub.span });
  });
  return ok ? choices : undefined;
}

/** A list of 2..max items, or undefined after reporting. */
function sizedList(fields: Fields, key: string, questionId: string, max: number): unknown[] | undefined {
  const items = fields.list(key, { nonEmpty: true });
  if (!items) return undefined;
  if (items.length < 2 || items.length > max) {
    fields.reader.report.add(messages.listLength(fields.spanOf(key), `"${key}" of question "${questionId}"`, items.length, 2, max));
    return undefined;
  }
  return items;
}

function readPairs(fields: Fields, questionId: string): MatchPair[] | undefined {
  const items = sizedList(fields, 'pairs', questionId, MAX_PAIRS);
  if (!items) return undefined;
  const pairs: MatchPair[] = [];
  items.forEach((item, index) => {
    const sub = fields.reader.object(item, `a pair of question "${questionId}"`, keysOf(PAIR));
    const source = sub?.string('source');
    const target = sub?.string('target');
    if (sub && source !== undefined && target !== undefined) {
      pairs.push({ sourceId: LETTERS[index] ?? '', source, targetId: DIGITS[index] ?? '', target, span: sub.span });
    }
  });
  return pairs.length === items.length ? pairs : undefined;
}

function readOrderItems(fields: Fields, questionId: string): OrderItem[] | undefined {
  const items = sizedList(fields, 'items', questionId, MAX_ORDER_ITEMS);
  const texts = items && fields.strings('items');
  if (!items || !texts || texts.length !== items.length) return undefined;
  return texts.map((text, index) => ({ id: LETTERS[index] ?? '', text, span: fields.spanOf('items') }));
}
