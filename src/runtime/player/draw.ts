import type { QuizPageData } from '../course-data';

/**
 * The questions of one attempt: the whole pool, or `draw` of it, shuffled when asked. Pinned
 * (likert) questions are always drawn and keep their place in the list; the others fill the
 * remaining places. Without pinned questions this is the draw of earlier versions, unchanged.
 */
export function draw(page: QuizPageData): number[] {
  const isPinned = (i: number): boolean => {
    const question = page.questions[i];
    return question?.type === 'likert' && question.pinned === true;
  };
  const all = page.questions.map((_, i) => i);
  const order = all.filter((i) => !isPinned(i));
  const pinned = all.length - order.length;
  if (page.shuffle || page.draw < all.length) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
  }
  const picked = order.slice(0, Math.max(0, page.draw - pinned));
  if (!page.shuffle) picked.sort((a, b) => a - b);
  if (pinned === 0) return picked;
  // Walk the pool: a pinned question at its own place, a drawn one in each other place.
  return all.flatMap((i) => (isPinned(i) ? [i] : picked.length ? [picked.shift() as number] : []));
}
