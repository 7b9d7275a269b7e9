import type { QuestionData, QuizPageData } from '../course-data';
import type { PageBehaviour, PageContext } from './context';
import { all, focus, format, one, paragraph, templateContent } from './dom';
import { LatencyClock } from './latency';
import { draw } from './draw';
import { setupOrdering } from './ordering';
import { choiceIds, interactionFor, readResponse, shuffleChoices, writeResponse } from './questions';
import { attemptsLeft, isCorrect, isScored, quizPassed, quizResult } from './scoring';
import { SAVED_TEXT_LIMIT, type QuizState } from './state';

/**
 * A quiz: all drawn questions on one form, graded on submit, or one question at a time, each
 * checked (recorded, its feedback shown, saved) before the next; retried while attempts remain.
 */
export function setupQuiz(ctx: PageContext, page: QuizPageData): PageBehaviour {
  const form = one<HTMLFormElement>(ctx.section, 'form');
  const error = one(form, '.quiz-error');
  const summary = one(form, '.quiz-summary');
  const retry = one<HTMLButtonElement>(form, '[data-retry]');
  const submit = one<HTMLButtonElement>(form, '[data-submit]');
  const nextQuestion = one<HTMLButtonElement>(form, '[data-next-question]');
  const single = page.mode === 'one-at-a-time';
  const questionList = one(form, '.questions');
  const clock = new LatencyClock();

  const newAttempt = (attempt: number): QuizState => ({ order: draw(page), attempt, seed: Math.floor(Math.random() * 1e6) });
  const quiz = (): QuizState => (ctx.state.quizzes[ctx.index] ??= newAttempt(1));
  const fieldset = (question: QuestionData) => one<HTMLFieldSetElement>(form, `[data-question="${question.id}"]`);
  const drawn = (): QuestionData[] => quiz().order.map((i) => page.questions[i] as QuestionData);
  /** One at a time: the question on screen (the one checked last, until Next). */
  let showing = quiz().partial?.length ?? 0;
  const shownQuestion = (): QuestionData => drawn()[showing] as QuestionData;
  const firstControl = (question: QuestionData): HTMLElement => one(fieldset(question), 'input, select, button');
  /** One at a time, until graded, only the question being asked is on screen. */
  const visible = (): void => drawn().forEach((question, i) => (fieldset(question).hidden = single && !quiz().answers && i !== showing));

  const layout = (): void => {
    for (const element of all<HTMLFieldSetElement>(form, '[data-question]')) element.hidden = true;
    const total = drawn().length;
    drawn().forEach((question, i) => {
      const element = fieldset(question);
      element.hidden = false;
      one(element, '[data-number]').textContent = format(ctx.strings.questionNumber, { n: i + 1, total });
      if (page.shuffle) shuffleChoices(element, quiz().seed + i);
      questionList.append(element);
    });
    visible();
  };

  const reset = (): void => {
    for (const question of drawn()) {
      const element = fieldset(question);
      element.disabled = false;
      element.classList.remove('is-correct', 'is-incorrect');
      one(element, '.feedback').replaceChildren();
      writeResponse(element, question, '');
    }
    summary.textContent = '';
    error.hidden = true;
    retry.hidden = true;
    submit.hidden = false;
    nextQuestion.hidden = true;
    showing = 0;
  };

  const showGraded = (answers: string[]): void => {
    drawn().forEach((question, i) => {
      const response = answers[i] ?? '';
      const element = fieldset(question);
      writeResponse(element, question, response);
      element.disabled = true;
      showFeedback(ctx, element, question, response);
    });
    // Graded: nothing is left to submit (issue 10); one at a time, all questions show as graded.
    submit.hidden = true;
    nextQuestion.hidden = true;
    visible();
    const result = quizResult(page, quiz());
    const scored = drawn().filter(isScored).length;
    summary.textContent = format(ctx.strings.quizScore, { correct: result.correct.filter(Boolean).length, total: scored });
    const left = attemptsLeft(page, quiz(), ctx.passingScore);
    retry.hidden = left <= 0 || !ctx.recording;
    if (!retry.hidden) summary.append(' ', format(ctx.strings.attemptsLeft, { n: left }));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (quiz().answers || !ctx.recording) return;
    if (single) return checkOne();
    const questions = drawn();
    const answers = questions.map((question) => readResponse(fieldset(question), question));
    const missing = questions.map((_, i) => i).filter((i) => answers[i] === '');
    if (missing.length > 0) {
      error.textContent = format(ctx.strings.answerAll, { list: missing.map((i) => i + 1).join(', ') });
      error.hidden = false;
      const first = questions[missing[0] as number] as QuestionData;
      focus(one(fieldset(first), 'input, select, button'));
      return;
    }
    error.hidden = true;
    questions.forEach((question, i) => ctx.record(interactionFor(page.id, question, answers[i] ?? '', clock.latency(question.id), fieldset(question))));
    quiz().answers = answers.map((answer, i) => savedAnswer(questions[i] as QuestionData, answer));
    showGraded(answers);
    graded();
    focus(summary);
  });

  /** The attempt is graded: the page is done, and a passed test-out excuses the pages it covers. */
  const graded = (): void => {
    ctx.complete();
    if (page.testOut && quizPassed(quizResult(page, quiz()), ctx.passingScore)) ctx.excuse(page.testOut);
  };

  /** One at a time: records and shows the feedback of the question on screen, and saves. */
  const checkOne = (): void => {
    const question = shownQuestion();
    const element = fieldset(question);
    const answer = readResponse(element, question);
    if (answer === '') {
      error.textContent = ctx.strings.answerThis ?? '';
      error.hidden = false;
      return focus(firstControl(question));
    }
    error.hidden = true;
    ctx.record(interactionFor(page.id, question, answer, clock.latency(question.id), element));
    const given = [...(quiz().partial ?? []), savedAnswer(question, answer)];
    if (given.length === drawn().length) {
      delete quiz().partial;
      quiz().answers = given;
      // The answer as typed, not as cut for saving, stays on screen.
      showGraded([...given.slice(0, -1), answer]);
      graded();
      return focus(summary);
    }
    quiz().partial = given;
    element.disabled = true;
    showFeedback(ctx, element, question, answer);
    submit.hidden = true;
    nextQuestion.hidden = false;
    focus(nextQuestion);
    ctx.changed();
  };

  nextQuestion.addEventListener('click', () => {
    showing = quiz().partial?.length ?? 0;
    nextQuestion.hidden = true;
    submit.hidden = false;
    visible();
    clock.questionShown(shownQuestion().id);
    focus(firstControl(shownQuestion()));
  });

  const tryAgain = (): void => {
    if (attemptsLeft(page, quiz(), ctx.passingScore) <= 0 || !ctx.recording) return;
    ctx.state.quizzes[ctx.index] = newAttempt(quiz().attempt + 1);
    reset();
    layout();
    clock.restart();
    if (single) clock.questionShown(shownQuestion().id);
    ctx.changed();
    const first = drawn()[0];
    if (first) focus(firstControl(first));
  };
  retry.addEventListener('click', tryAgain);

  for (const list of all(form, '[data-order]')) setupOrdering(list, ctx.strings);
  // Typing, picking, choosing from a list, moving an item: each is a change to that answer.
  const onChange = (event: Event): void => {
    const question = (event.target as HTMLElement).closest<HTMLElement>('[data-question]')?.dataset.question;
    if (question) clock.changed(question);
  };
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);
  form.addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLElement>('[data-goto]');
    if (!link) return;
    event.preventDefault();
    ctx.goto(Number(link.dataset.goto));
  });

  layout();
  const saved = quiz().answers;
  if (saved) showGraded(saved);
  const shown = (): void => {
    clock.shown();
    if (single && !quiz().answers) clock.questionShown(shownQuestion().id);
  };
  return { shown, retry: tryAgain };
}

/** Long wrong typed answers are cut for the suspend-data budget; right ones are short by definition. */
function savedAnswer(question: QuestionData, answer: string): string {
  if (question.type !== 'fill-in' || answer.length <= SAVED_TEXT_LIMIT || isCorrect(question, answer)) return answer;
  return answer.slice(0, SAVED_TEXT_LIMIT);
}

function showFeedback(ctx: PageContext, element: HTMLElement, question: QuestionData, response: string): void {
  const box = one(element, '.feedback');
  if (!isScored(question)) {
    box.replaceChildren(paragraph(ctx.strings.recorded ?? ''));
    return;
  }
  const correct = isCorrect(question, response);
  element.classList.add(correct ? 'is-correct' : 'is-incorrect');
  const verdict = (correct ? ctx.strings.correct : ctx.strings.incorrect) ?? '';
  const designed = choiceIds(question, response).map((id) => templateContent(element, `[data-feedback="choice-${id}"]`));
  designed.push(templateContent(element, `[data-feedback="${correct ? 'correct' : 'incorrect'}"]`));
  const texts = designed.filter((text) => text !== undefined);
  // "Correct." before the designer's own "Correct! …" would say it twice.
  box.replaceChildren(...(startsWithVerdict(texts[0]?.textContent ?? '', verdict) ? [] : [paragraph(verdict, 'verdict')]), ...texts);
  if (!correct && question.remediation !== undefined) box.append(remediationLink(ctx, question.remediation));
}

/** Whether the text opens with the verdict's words ("Correct." → "correct! well done" does). */
function startsWithVerdict(text: string, verdict: string): boolean {
  const word = verdict.replace(/[\s.!:;,]+$/, '').toLowerCase();
  const start = text.trim().toLowerCase();
  // "Correctly …" is not the verdict: the word must end there.
  return word !== '' && start.startsWith(word) && !/[\p{L}\p{N}]/u.test(start.charAt(word.length));
}

/** "Review: <page title>" — back to the page that teaches the missed point. */
function remediationLink(ctx: PageContext, pageIndex: number): HTMLElement {
  const title = ctx.section.ownerDocument.querySelectorAll<HTMLElement>('[data-page] h1')[pageIndex]?.textContent ?? '';
  // A link, not a button: a graded question's fieldset is disabled, and so are its buttons.
  const link = document.createElement('a');
  link.href = `#${ctx.data.pages[pageIndex]?.id ?? ''}`;
  link.dataset.goto = String(pageIndex);
  link.textContent = format(ctx.strings.reviewPage, { page: title });
  const p = document.createElement('p');
  p.append(link);
  return p;
}
