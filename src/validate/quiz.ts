import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { messages } from '../diagnostics';
import { ID_PATTERN, keysOf, PAGES, rangeOf, TEST_OUT } from '../format';
import { QUIZ_MODES as QUIZ_MODE_VALUES } from '../format/pages';
import type { PageRef, Question, QuizMode, QuizPage } from '../model';
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
  const testOut = fields.has('test-out') ? readTestOut(fields) : undefined;
  if (fields.has('test-out') && !testOut) return undefined;
  if (testOut && attempts > 1) {
    fields.reader.report.add(messages.testOutAttempts(fields.spanOf('attempts'), attempts));
    return undefined;
  }
  return { type: 'quiz', title, intro: fields.string('intro'), mode, shuffle, draw, attempts, questions, ...(testOut && { testOut }), span: fields.span };
}

/** The pages a test-out covers, with their positions; that they exist and follow is checked across pages. */
function readTestOut(fields: Fields): { covers: PageRef[] } | undefined {
  const sub = fields.reader.object(fields.raw('test-out'), 'test-out', keysOf(TEST_OUT));
  const items = sub?.list('covers', { nonEmpty: true });
  if (!sub || !items) return undefined;
  const covers: PageRef[] = [];
  for (const item of items) {
    const span = sub.reader.span(item as YamlNode);
    const page = isScalar(item) ? String(item.value) : '';
    if (!ID_PATTERN.test(page)) {
      sub.reader.report.add(messages.invalidId(span, page));
      return undefined;
    }
    covers.push({ page, span });
  }
  return { covers };
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

