import { isSeq } from 'yaml';
import { messages } from '../diagnostics';
import type { Choice, Question, QuestionFeedback, QuestionType, QuizPage } from '../model';
import type { ValidationContext } from './context';
import { IdScope } from './ids';
import { type Fields, labelOf, type Reader } from './reader';

export const QUESTION_TYPES: readonly QuestionType[] = ['single-choice', 'multiple-choice', 'true-false', 'fill-in'];
const COMMON = ['id', 'type', 'prompt', 'points', 'feedback'];
const TYPE_KEYS: Record<QuestionType, string[]> = {
  'single-choice': ['choices'],
  'multiple-choice': ['choices'],
  'true-false': ['answer'],
  'fill-in': ['accept', 'case-sensitive'],
};
const CHOICE_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function readQuiz(fields: Fields, context: ValidationContext): Omit<QuizPage, 'id'> | undefined {
  const title = fields.string('title');
  const questions = readQuestions(fields, context);
  const attempts = fields.has('attempts') ? fields.number('attempts', { min: 1, max: 100, integer: true }) : 1;
  const draw = fields.has('draw') ? fields.number('draw', { min: 1, max: 10000, integer: true }) : undefined;
  const shuffle = fields.has('shuffle') ? fields.boolean('shuffle') : false;
  if (title === undefined || questions === undefined || attempts === undefined || shuffle === undefined) return undefined;
  if (fields.has('draw') && draw === undefined) return undefined;
  if (draw !== undefined && draw > questions.length) {
    fields.reader.report.add(messages.drawExceedsPool(fields.spanOf('draw'), draw, questions.length));
    return undefined;
  }
  return { type: 'quiz', title, intro: fields.string('intro'), shuffle, draw, attempts, questions, span: fields.span };
}

function readQuestions(fields: Fields, context: ValidationContext): Question[] | undefined {
  const items = fields.list('questions', { nonEmpty: true });
  if (!items) return undefined;
  const questions: Question[] = [];
  let ok = true;
  for (const item of items) {
    const sources = questionSources(fields.reader, item);
    if (!sources) ok = false;
    for (const { reader, node } of sources ?? []) {
      const question = readQuestion(reader, node, context);
      if (question) questions.push(question);
      else ok = false;
    }
  }
  if (ok && questions.length === 0) fields.reader.report.add(messages.emptyList(fields.spanOf('questions'), '"questions"'));
  return ok && questions.length > 0 ? questions : undefined;
}

/** The question nodes an item stands for: itself, or the questions of the pool file it includes. */
function questionSources(reader: Reader, item: unknown): Array<{ reader: Reader; node: unknown }> | undefined {
  const source = reader.follow(item);
  if (!source) return undefined;
  if (source.reader === reader || !isSeq(source.node)) return [source];
  const all: Array<{ reader: Reader; node: unknown }> = [];
  for (const nested of source.node.items) {
    const found = questionSources(source.reader, nested);
    if (!found) return undefined;
    all.push(...found);
  }
  return all;
}

function readQuestion(reader: Reader, node: unknown, context: ValidationContext): Question | undefined {
  const type = reader.variant(node, `question "${labelOf(node)}"`, QUESTION_TYPES);
  if (!type) return undefined;
  const required = ['id', 'type', 'prompt', ...(type === 'fill-in' ? ['accept'] : type === 'true-false' ? ['answer'] : ['choices'])];
  const optional = [...COMMON, ...TYPE_KEYS[type]].filter((key) => !required.includes(key));
  const fields = reader.object(node, `question "${labelOf(node)}"`, { required, optional });
  if (!fields) return undefined;
  const id = fields.id('id');
  if (id) context.ids.claim(id, fields.spanOf('id'));
  const prompt = fields.string('prompt');
  const points = fields.has('points') ? fields.number('points', { min: 0, max: 1000 }) : 1;
  const feedback = readFeedback(fields);
  const specific = readSpecific(type, fields, id ?? '?');
  if (!id || prompt === undefined || points === undefined || !feedback || !specific) return undefined;
  return { ...specific, id, prompt, points, feedback, span: fields.span } as Question;
}

function readFeedback(fields: Fields): QuestionFeedback | undefined {
  if (!fields.has('feedback')) return {};
  const sub = fields.reader.object(fields.raw('feedback'), '"feedback"', { required: [], optional: ['correct', 'incorrect'] });
  return sub && { correct: sub.string('correct'), incorrect: sub.string('incorrect') };
}

type Specific = { type: 'single-choice' | 'multiple-choice'; choices: Choice[] } | { type: 'true-false'; answer: boolean } | { type: 'fill-in'; accept: string[]; caseSensitive: boolean };

function readSpecific(type: QuestionType, fields: Fields, questionId: string): Specific | undefined {
  switch (type) {
    case 'true-false': {
      const answer = fields.boolean('answer');
      return answer === undefined ? undefined : { type, answer };
    }
    case 'fill-in': {
      const accept = fields.has('accept') ? fields.strings('accept') : undefined;
      if (!accept) return undefined;
      if (accept.length === 0 || accept.some((answer) => answer.trim() === '')) {
        fields.reader.report.add(messages.emptyAnswer(fields.spanOf('accept'), questionId));
        return undefined;
      }
      const caseSensitive = fields.has('case-sensitive') ? fields.boolean('case-sensitive') : false;
      return caseSensitive === undefined ? undefined : { type, accept, caseSensitive };
    }
    default: {
      const choices = readChoices(fields, questionId);
      if (!choices) return undefined;
      const correct = choices.filter((choice) => choice.correct).length;
      if (correct === 0) fields.reader.report.add(messages.quizNoCorrectAnswer(fields.spanOf('choices'), questionId));
      if (type === 'single-choice' && correct > 1) fields.reader.report.add(messages.singleChoiceSeveralCorrect(fields.spanOf('choices'), questionId, correct));
      return correct === 0 || (type === 'single-choice' && correct > 1) ? undefined : { type, choices };
    }
  }
}

function readChoices(fields: Fields, questionId: string): Choice[] | undefined {
  const items = fields.list('choices', { nonEmpty: true });
  if (!items) return undefined;
  const ids = new IdScope(fields.reader.report);
  const choices: Choice[] = [];
  let ok = true;
  items.forEach((item, index) => {
    const sub = fields.reader.object(item, `a choice of question "${questionId}"`, { required: ['text'], optional: ['id', 'correct', 'feedback'] });
    const id = sub?.has('id') ? sub.id('id') : CHOICE_LETTERS[index];
    const text = sub?.string('text');
    const correct = sub?.has('correct') ? sub.boolean('correct') : false;
    if (!sub || !id || text === undefined || correct === undefined || !ids.claim(id, sub.has('id') ? sub.spanOf('id') : sub.span)) {
      ok = false;
      return;
    }
    choices.push({ id, text, correct, feedback: sub.string('feedback'), span: sub.span });
  });
  return ok ? choices : undefined;
}
