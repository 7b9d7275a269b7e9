// Seat time (issue 12): some rules ask for a minimum time in training (California 2 CCR §11024).
// Only time the learner could be reading counts: the page visible (Page Visibility,
// document.visibilityState) and some input within the course's idle period; after that a
// "Still there?" dialog stops the clock until the learner answers it. Closures rather than a
// class: their names minify, and the runtime budget is tight.
import type { CourseData, SeatTimeData } from '../course-data';
import { format, one } from './dom';
import type { State } from './state';

/** A tick longer than this (a sleeping laptop, a throttled timer) counts only this much. */
const MAX_STEP_MS = 2000;
/** The countdown is announced to screen readers only this often, not every second. */
const ANNOUNCE_EVERY_S = 60;
// A touch is a pointerdown; scrolling comes from a wheel, a key or a touch.
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'];

export interface SeatClock {
  /** Milliseconds counted in this session (reported as session_time and xAPI duration). */
  session(): number;
  /** Seconds left before Next unlocks on `page`, the course's minimum included when `toResults`. */
  left(page: number, toResults: boolean): number;
  /** Shows the countdown (every second); announces it politely when it appears and at whole minutes. */
  show(seconds: number, strings: Record<string, string>): void;
  /** Stops counting: the page is handed to a player in another language (src/runtime/languages.ts). */
  stop(): void;
}

/**
 * Starts counting into `state` (the course's seconds, and by page those of pages with a
 * min-time); `page` is the page shown now, `counted` runs after each whole second counted;
 * `session` is the time counted in this session before (by the player of another language).
 */
export function startSeatClock(doc: Document, data: CourseData & { seat: SeatTimeData }, state: State, page: () => number, counted: () => void, session = 0): SeatClock {
  let last = Date.now();
  let lastInput = last;
  let idle = false;
  /** Fractions of a second not yet in the state's whole seconds. */
  let carry = 0;
  const dialog = one<HTMLDialogElement>(doc, '#cp-idle');
  const box = one(doc, '#cp-seat');
  const minOf = (index: number): number => data.pages[index]?.minTime ?? 0;
  const active = (): void => {
    lastInput = Date.now();
  };

  // Capturing, so a handler that stops the event does not hide it. Browsers treat wheel listeners
  // on the document as passive anyway (Chrome's and Firefox's scroll intervention).
  for (const type of INPUT_EVENTS) doc.addEventListener(type, active, true);
  // Time while hidden never counts; coming back is input.
  const shown = (): void => {
    last = Date.now();
    active();
  };
  doc.addEventListener('visibilitychange', shown);
  one(dialog, '[data-resume]').addEventListener('click', () => dialog.close());
  // Closing a modal dialog puts focus back where it was (HTML, the dialog focusing steps).
  dialog.addEventListener('close', () => {
    idle = false;
    last = lastInput = Date.now();
  });

  const timer = setInterval(() => {
    const now = Date.now();
    const step = Math.min(now - last, MAX_STEP_MS);
    last = now;
    if (idle || doc.visibilityState !== 'visible') return;
    if (now - lastInput >= data.seat.idle * 1000) {
      // The modal dialog keeps focus inside it (showModal); Escape closes it like Continue.
      idle = true;
      return dialog.showModal();
    }
    session += step;
    carry += step / 1000;
    const whole = Math.floor(carry);
    if (whole < 1) return;
    carry -= whole;
    state.time += whole;
    const shown = page();
    // Time is kept by page only where a page asks for it: the saved state stays small.
    if (minOf(shown)) state.pageTime[shown] = (state.pageTime[shown] ?? 0) + whole;
    counted();
  }, 1000);

  return {
    session: () => session,
    stop() {
      clearInterval(timer);
      for (const type of INPUT_EVENTS) doc.removeEventListener(type, active, true);
      doc.removeEventListener('visibilitychange', shown);
    },
    left: (index, toResults) => Math.max(0, minOf(index) - (state.pageTime[index] ?? 0), toResults ? (data.seat.min ?? 0) - state.time : 0),
    show(seconds, strings) {
      const text = format(strings.seatTimeLeft, { time: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` });
      const appears = box.hidden;
      box.hidden = seconds <= 0;
      one(box, '[data-clock]').textContent = text;
      if (seconds > 0 && (appears || seconds % ANNOUNCE_EVERY_S === 0)) one(box, '[data-say]').textContent = text;
    },
  };
}
