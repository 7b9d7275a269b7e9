// The results page's review: each answered question with the learner's answer, the verdict and,
// when the course allows it, the right answer — all read back from the graded quiz pages — and
// each scenario decision with its quality, points and the best choice where it was missed.
import type { PageData, QuestionData } from '../course-data';
import type { PageContext } from './context';
import { all, format, one, paragraph, text } from './dom';
import { decisionItem } from './scenario';
import { isCorrect, isScored, scenarioResult } from './scoring';


/** The learner's answer as the page shows it, e.g. "Support" or "A complaint → Support". */
function givenAnswer(element: HTMLElement, question: QuestionData): string {
  switch (question.type) {
    case 'fill-in':
    case 'numeric':
      return one<HTMLInputElement>(element, 'input').value;
    case 'matching':
      return all<HTMLSelectElement>(element, 'select').map((select) => `${text(select.closest('label')?.querySelector('.match-source'))} → ${text(select.selectedOptions[0])}`).join('; ');
    case 'ordering':
      return all(element, '[data-item] .item-text').map(text).join(' → ');
    default:
      return all<HTMLInputElement>(element, 'input:checked').map((input) => text(input.closest('label'))).join('; ');
  }
}

function correctAnswer(element: HTMLElement, question: QuestionData, strings: Record<string, string>): string {
  switch (question.type) {
    case 'true-false':
      return (question.answer ? strings.true : strings.false) ?? '';
    case 'fill-in':
      return question.accept[0] ?? '';
    case 'numeric':
      return question.tolerance ? `${question.answer} ± ${question.tolerance}` : String(question.answer);
    case 'matching':
      return all<HTMLSelectElement>(element, 'select').map((select, i) => `${text(select.closest('label')?.querySelector('.match-source'))} → ${text(select.querySelector(`option[value="${i}"]`))}`).join('; ');
    case 'ordering':
      return question.items.map((_, i) => text(element.querySelector(`[data-item="${i}"] .item-text`))).join(' → ');
    case 'likert':
      return '';
    default: {
      const ids = question.choices.filter((c) => c.correct).map((c) => c.id);
      return all<HTMLInputElement>(element, 'input').filter((input) => ids.includes(input.value)).map((input) => text(input.closest('label'))).join('; ');
    }
  }
}

function reviewItem(ctx: PageContext, element: HTMLElement, question: QuestionData, response: string, showCorrect: boolean): HTMLLIElement {
  const item = document.createElement('li');
  const strings = ctx.strings;
  const heading = paragraph(text(element.querySelector('.prompt')), 'review-prompt');
  const given = response ? givenAnswer(element, question) : (strings.notAnswered ?? '');
  item.append(heading, paragraph(format(strings.yourAnswerWas, { answer: given })));
  if (!isScored(question)) return item;
  const right = isCorrect(question, response);
  item.className = right ? 'is-correct' : 'is-incorrect';
  item.append(paragraph((right ? strings.correct : strings.incorrect) ?? '', 'verdict'));
  if (showCorrect && !right) item.append(paragraph(format(strings.correctAnswerWas, { answer: correctAnswer(element, question, strings) })));
  return item;
}

/** The review's items of one page: its questions' answers, or its scenario's decisions. */
function pageItems(ctx: PageContext, page: PageData, index: number, showCorrect: boolean): HTMLLIElement[] {
  const doc = ctx.section.ownerDocument;
  if (page.type === 'scenario') {
    const section = doc.getElementById(`page-${page.id}`);
    return section ? scenarioResult(page, ctx.state.paths[index]).steps.map((step) => decisionItem(section, step, ctx.strings, true, showCorrect)) : [];
  }
  const quiz = ctx.state.quizzes[index];
  if (page.type !== 'quiz' || !quiz?.answers) return [];
  const answers = quiz.answers;
  return quiz.order.flatMap((questionIndex, i) => {
    const question = page.questions[questionIndex];
    const element = question && doc.querySelector<HTMLElement>(`[data-question="${question.id}"]`);
    return question && element ? [reviewItem(ctx, element, question, answers[i] ?? '', showCorrect)] : [];
  });
}

/** Fills the review list (quizzes' answers and scenarios' decisions, page by page); false when there is nothing to show. */
export function renderAnswerReview(ctx: PageContext, list: HTMLElement, showCorrect: boolean): boolean {
  list.replaceChildren();
  ctx.data.pages.forEach((page, index) => {
    const items = pageItems(ctx, page, index, showCorrect);
    if (!items.length) return;
    const ol = document.createElement('ol');
    ol.append(...items);
    const title = document.createElement('h3');
    title.textContent = text(ctx.section.ownerDocument.getElementById(`title-${page.id}`));
    list.append(title, ol);
  });
  return list.childElementCount > 0;
}
