import type { QuestionData, QuizPageData } from '../course-data';
import type { PageBehaviour, PageContext } from './context';
import { all, focus, format, one, paragraph, templateContent } from './dom';
import { isCorrect, quizResult } from './scoring';
import type { QuizState } from './state';

/** A quiz: all drawn questions on one form, graded on submit; retried while attempts remain. */
export function setupQuiz(ctx: PageContext, page: QuizPageData): PageBehaviour {
  const form = one<HTMLFormElement>(ctx.section, 'form');
  const error = one(form, '.quiz-error');
  const summary = one(form, '.quiz-summary');
  const retry = one<HTMLButtonElement>(form, '[data-retry]');
  const questionList = one(form, '.questions');
  let shownAt = Date.now();

  const quiz = (): QuizState => (ctx.state.quizzes[ctx.index] ??= { order: draw(page), attempt: 1 });
  const fieldset = (question: QuestionData) => one<HTMLFieldSetElement>(form, `[data-question="${question.id}"]`);
  const drawn = (): QuestionData[] => quiz().order.map((i) => page.questions[i] as QuestionData);

  const layout = (): void => {
    for (const element of all<HTMLFieldSetElement>(form, '[data-question]')) element.hidden = true;
    for (const question of drawn()) {
      const element = fieldset(question);
      element.hidden = false;
      questionList.append(element);
    }
  };

  const reset = (): void => {
    for (const question of drawn()) {
      const element = fieldset(question);
      element.disabled = false;
      element.classList.remove('is-correct', 'is-incorrect');
      one(element, '.feedback').replaceChildren();
      for (const input of all<HTMLInputElement>(element, 'input')) {
        input.checked = false;
        if (input.type === 'text') input.value = '';
      }
    }
    summary.textContent = '';
    error.hidden = true;
    retry.hidden = true;
  };

  const showGraded = (answers: string[]): void => {
    drawn().forEach((question, i) => {
      const response = answers[i] ?? '';
      const element = fieldset(question);
      writeResponse(element, question, response);
      element.disabled = true;
      showFeedback(ctx, element, question, response);
    });
    const result = quizResult(page, quiz());
    const count = result.correct.filter(Boolean).length;
    summary.textContent = format(ctx.strings.quizScore, { correct: count, total: result.correct.length });
    const passed = result.max === 0 || (result.earned / result.max) * 100 >= ctx.passingScore;
    const left = page.attempts - quiz().attempt;
    retry.hidden = passed || left <= 0;
    if (!retry.hidden) summary.append(' ', format(ctx.strings.attemptsLeft, { n: left }));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (quiz().answers) return;
    const questions = drawn();
    const answers = questions.map((question) => readResponse(fieldset(question), question));
    const missing = questions.map((_, i) => i).filter((i) => answers[i] === '');
    if (missing.length > 0) {
      error.textContent = format(ctx.strings.answerAll, { list: missing.map((i) => i + 1).join(', ') });
      error.hidden = false;
      const first = questions[missing[0] as number] as QuestionData;
      focus(one(fieldset(first), 'input'));
      return;
    }
    error.hidden = true;
    const latencyMs = Date.now() - shownAt;
    questions.forEach((question, i) => ctx.record(interactionFor(page, question, answers[i] ?? '', latencyMs)));
    quiz().answers = answers;
    showGraded(answers);
    ctx.complete();
    focus(summary);
  });

  retry.addEventListener('click', () => {
    const state = quiz();
    ctx.state.quizzes[ctx.index] = { order: draw(page), attempt: state.attempt + 1 };
    reset();
    layout();
    shownAt = Date.now();
    ctx.changed();
    const first = drawn()[0];
    if (first) focus(one(fieldset(first), 'input'));
  });

  layout();
  const saved = quiz().answers;
  if (saved) showGraded(saved);
  return { shown: () => (shownAt = Date.now()) };
}

/** The questions of one attempt: the whole pool, or `draw` of it, shuffled when asked. */
function draw(page: QuizPageData): number[] {
  const order = page.questions.map((_, i) => i);
  if (page.shuffle || page.draw < order.length) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
  }
  const picked = order.slice(0, page.draw);
  return page.shuffle ? picked : picked.sort((a, b) => a - b);
}

function readResponse(element: HTMLElement, question: QuestionData): string {
  if (question.type === 'fill-in') return one<HTMLInputElement>(element, 'input').value.trim();
  const checked = all<HTMLInputElement>(element, 'input:checked').map((input) => input.value);
  if (question.type === 'true-false') return checked[0] === 'true' ? 't' : checked[0] === 'false' ? 'f' : '';
  return question.choices.map((c, i) => (checked.includes(c.id) ? i : -1)).filter((i) => i >= 0).join(',');
}

function writeResponse(element: HTMLElement, question: QuestionData, response: string): void {
  if (question.type === 'fill-in') {
    one<HTMLInputElement>(element, 'input').value = response;
    return;
  }
  const values = question.type === 'true-false' ? [response === 't' ? 'true' : 'false'] : responseIds(question, response);
  for (const input of all<HTMLInputElement>(element, 'input')) input.checked = values.includes(input.value);
}

function responseIds(question: QuestionData, response: string): string[] {
  if (question.type !== 'single-choice' && question.type !== 'multiple-choice') return [];
  return response.split(',').filter(Boolean).map((i) => question.choices[Number(i)]?.id ?? '');
}

function showFeedback(ctx: PageContext, element: HTMLElement, question: QuestionData, response: string): void {
  const correct = isCorrect(question, response);
  element.classList.add(correct ? 'is-correct' : 'is-incorrect');
  const box = one(element, '.feedback');
  box.replaceChildren(paragraph(correct ? (ctx.strings.correct ?? '') : (ctx.strings.incorrect ?? ''), 'verdict'));
  for (const id of responseIds(question, response)) {
    const text = templateContent(element, `[data-feedback="choice-${id}"]`);
    if (text) box.append(text);
  }
  const general = templateContent(element, `[data-feedback="${correct ? 'correct' : 'incorrect'}"]`);
  if (general) box.append(general);
}

function interactionFor(page: QuizPageData, question: QuestionData, response: string, latencyMs: number) {
  const base = { id: `${page.id}.${question.id}`, description: question.description, weighting: question.points, latencyMs };
  const result = isCorrect(question, response) ? ('correct' as const) : ('incorrect' as const);
  switch (question.type) {
    case 'true-false':
      return { ...base, type: 'true-false' as const, response: [response === 't' ? 'true' : 'false'], correctResponses: [[String(question.answer)]], result };
    case 'fill-in':
      return { ...base, type: 'fill-in' as const, response: [response], correctResponses: question.accept.map((answer) => [answer]), result };
    default:
      return {
        ...base,
        type: 'choice' as const,
        response: responseIds(question, response),
        correctResponses: [question.choices.filter((c) => c.correct).map((c) => c.id)],
        result,
      };
  }
}
