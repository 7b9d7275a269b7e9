import { isSeq } from 'yaml';
import { messages } from '../diagnostics';
import { PAGES, rangeOf } from '../format';
import { QUIZ_MODES as QUIZ_MODE_VALUES } from '../format/pages';
import type { Question, QuizMode, QuizPage } from '../model';
import type { ValidationContext } from './context';
import { readQuestion } from './questions';
import type { Fields, Reader } from './reader';

const QUIZ_MODES: readonly QuizMode[] = QUIZ_MODE_VALUES;

export function readQuiz(fields: Fields, context: ValidationContext): Omit<QuizPage, 'id'> | undefined {
  const title = fields.string('title');
  const questions = readQuestions(fields, context);
  const attempts = fields.has('attempts') ? fields.number('attempts', rangeOf(PAGES.variants.quiz, 'attempts')) : 1;
  const draw = fields.has('draw') ? fields.number('draw', rangeOf(PAGES.variants.quiz, 'draw')) : undefined;
  const shuffle = fields.has('shuffle') ? fields.boolean('shuffle') : false;
  const mode = fields.has('mode') ? fields.oneOf('mode', QUIZ_MODES) : 'all-on-one-page';
  if (title === undefined || questions === undefined || attempts === undefined || shuffle === undefined || mode === undefined) return undefined;
  if (fields.has('draw') && draw === undefined) return undefined;
  if (draw !== undefined && draw > questions.length) {
    fields.reader.report.add(messages.drawExceedsPool(fields.spanOf('draw'), draw, questions.length));
    return undefined;
  }
  const pinned = questions.filter((question) => question.type === 'likert' && question.pinned).length;
  if (draw !== undefined && draw < pinned) {
    fields.reader.report.add(messages.drawBelowPinned(fields.spanOf('draw'), draw, pinned));
    return undefined;
  }
  return { type: 'quiz', title, intro: fields.string('intro'), mode, shuffle, draw, attempts, questions, span: fields.span };
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

