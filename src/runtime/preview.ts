// Developer hooks for `coursepack preview`: only the preview's build of the runtime has them
// (PREVIEW is false in the learners' build and esbuild drops this module). The preview page,
// on the same origin, calls window.coursepackPreview to jump, answer, reveal and read the state.
import type { CourseData, QuestionData, QuizPageData, ScenarioPageData } from './course-data';
import { all } from './player/dom';
import type { Player } from './player/player';
import { writeResponse } from './player/questions';

export interface PreviewHooks {
  pages(): Array<{ id: string; type: string; title: string; done: boolean }>;
  current(): number;
  /** Shows any page, locked or not. */
  goto(index: number): void;
  /** Answers the current page right or wrong (scenario to its end, quiz submitted, attestation signed). */
  answer(right: boolean): void;
  /** Marks the right answers on the current page. */
  reveal(on: boolean): void;
  /** The learner's progress as the player holds it. */
  state(): unknown;
  /** Ends the session with the LMS now, as closing the window does (the preview relaunches next). */
  end(): void;
}

export function installPreview(player: Player, data: CourseData, doc: Document): void {
  const sections = all(doc, '[data-page]');
  const hooks: PreviewHooks = {
    pages: () => data.pages.map((page, i) => ({ id: page.id, type: page.type, title: sections[i]?.querySelector('h1')?.textContent ?? page.id, done: Boolean(player.progress().done[i]) })),
    current: () => player.currentPage(),
    goto: (index) => player.jump(index),
    answer: (right) => {
      const index = player.currentPage();
      const page = data.pages[index];
      const section = sections[index];
      if (!page || !section) return;
      if (page.type === 'quiz') answerQuiz(section, page, right);
      if (page.type === 'scenario') playScenario(section, page, right);
      if (page.type === 'attestation') sign(section);
      if (page.type === 'content' && right) openEveryPart(section);
    },
    reveal: (on) => {
      showMarks(doc);
      const section = sections[player.currentPage()];
      const page = data.pages[player.currentPage()];
      section?.classList.toggle('cp-reveal', on);
      if (section && page?.type === 'quiz') markRight(section, page, on);
    },
    state: () => player.progress(),
    end: () => void player.leave(true),
  };
  (doc.defaultView as (Window & { coursepackPreview?: PreviewHooks }) | null)!.coursepackPreview = hooks;
  // A relaunch after a save resumes at the page the author was on, past the cover.
  const start = doc.getElementById('cp-start');
  if (start && !doc.getElementById('cp-cover')?.hidden && start.textContent === data.strings.resume) start.click();
}

/** Opens every part of the page's required blocks, as a learner would one by one. */
function openEveryPart(section: HTMLElement): void {
  for (const part of all(section, '[data-reveal]')) {
    if (part instanceof HTMLDetailsElement) part.open = true;
    else if (part.getAttribute('aria-expanded') !== 'true' && part.getAttribute('aria-selected') !== 'true') part.click();
  }
}

function answerQuiz(section: HTMLElement, page: QuizPageData, right: boolean): void {
  const retry = section.querySelector<HTMLButtonElement>('[data-retry]');
  if (retry && !retry.hidden) retry.click();
  for (const question of page.questions) {
    const element = section.querySelector<HTMLElement>(`[data-question="${question.id}"]`);
    if (element && !element.hidden) writeResponse(element, question, right ? rightResponse(question) : wrongResponse(question));
  }
  section.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
}

/** A response in the player's encoding (see scoring.ts) that is right. */
function rightResponse(question: QuestionData): string {
  switch (question.type) {
    case 'true-false':
      return question.answer ? 't' : 'f';
    case 'fill-in':
      return question.accept[0] ?? '';
    case 'numeric':
      return String(question.answer);
    case 'matching':
      return question.sources.map((_, i) => i).join(',');
    case 'ordering':
      return question.items.map((_, i) => i).join(',');
    case 'likert':
      return String(Math.floor(question.scale / 2));
    default:
      return question.choices.flatMap((choice, i) => (choice.correct ? [i] : [])).join(',');
  }
}

function wrongResponse(question: QuestionData): string {
  switch (question.type) {
    case 'true-false':
      return question.answer ? 'f' : 't';
    case 'fill-in':
      return 'not the answer';
    case 'numeric':
      return String(question.answer + question.tolerance + 1);
    case 'matching':
      return question.sources.map((_, i) => (i + 1) % question.sources.length).join(',');
    case 'ordering':
      return question.items.map((_, i) => question.items.length - 1 - i).join(',');
    case 'likert':
      return '0';
    default: {
      const wrong = question.choices.findIndex((choice) => !choice.correct);
      return String(wrong >= 0 ? wrong : 0);
    }
  }
}

/** Takes the best (or worst) choice of each scene until the scenario ends. */
function playScenario(section: HTMLElement, page: ScenarioPageData, right: boolean): void {
  for (let step = 0; step < 100; step++) {
    const scene = [...section.querySelectorAll<HTMLElement>('[data-scene]')].find((element) => !element.hidden);
    const data = scene && page.scenes[scene.dataset.scene ?? ''];
    if (!scene || !data || !('choices' in data)) return;
    const points = data.choices.map((choice) => choice.points);
    const pick = data.choices[points.indexOf(right ? Math.max(...points) : Math.min(...points))];
    const button = scene.querySelector<HTMLButtonElement>(`[data-choice="${pick?.id ?? ''}"]`);
    if (!button || button.disabled) return;
    button.click();
    section.querySelector<HTMLButtonElement>('[data-continue]')?.click();
  }
}

function sign(section: HTMLElement): void {
  const box = section.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (box && !box.checked) box.click();
  section.querySelector<HTMLButtonElement>('[data-attest]')?.click();
}

/** Outlines the right choices of each question; the preview page's styles draw the mark. */
function markRight(section: HTMLElement, page: QuizPageData, on: boolean): void {
  for (const question of page.questions) {
    if (question.type !== 'single-choice' && question.type !== 'multiple-choice') continue;
    question.choices.forEach((choice) => {
      const input = section.querySelector<HTMLInputElement>(`[data-question="${question.id}"] input[value="${choice.id}"]`);
      input?.closest('label')?.toggleAttribute('data-right-answer', on && choice.correct);
    });
  }
}

/** The mark of a right answer: drawn by the preview only, never part of a course's theme. */
function showMarks(doc: Document): void {
  if (doc.getElementById('cp-preview-style')) return;
  const style = doc.createElement('style');
  style.id = 'cp-preview-style';
  style.textContent = '[data-right-answer]{outline:3px solid #1a7f37;outline-offset:2px}[data-right-answer]::after{content:" ✓ right answer";color:#1a7f37;font-weight:600}';
  doc.head.append(style);
}
