// Seat time (issue 12): some rules ask for a minimum time in training (California 2 CCR §11024).
// Only time the learner could be reading counts: the page visible (Page Visibility,
// document.visibilityState) and some input within the course's idle period; after that a
// "Still there?" dialog stops the clock until the learner answers it.
import type { CourseData, SeatTimeData } from '../course-data';
import { format, one } from './dom';
import type { State } from './state';

/** A tick longer than this (a sleeping laptop, a throttled timer) counts only this much. */
const MAX_STEP_MS = 2000;
/** The countdown is announced to screen readers only this often, not every second. */
const ANNOUNCE_EVERY_S = 60;
// A touch is a pointerdown; scrolling comes from a wheel, a key or a touch.
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'];

export class SeatClock {
  private last = Date.now();
  private lastInput = Date.now();
  private idle = false;
  /** Milliseconds counted in this session (reported as session_time and xAPI duration). */
  session = 0;
  /** Fractions of a second not yet in the state's whole seconds. */
  private carry = 0;
  private readonly dialog: HTMLDialogElement;

  constructor(
    private readonly doc: Document,
    private readonly data: CourseData & { seat: SeatTimeData },
    private readonly state: State,
    /** The page now shown; `counted` runs after each second counted. */
    private readonly page: () => number,
    private readonly counted: () => void,
  ) {
    this.dialog = one<HTMLDialogElement>(doc, '#cp-idle');
  }

  start(): void {
    const active = (): void => {
      this.lastInput = Date.now();
    };
    for (const type of INPUT_EVENTS) this.doc.addEventListener(type, active, { capture: true, passive: true });
    // Time while hidden never counts; coming back is input.
    this.doc.addEventListener('visibilitychange', () => {
      this.last = Date.now();
      active();
    });
    one(this.dialog, '[data-resume]').addEventListener('click', () => this.dialog.close());
    // Closing a modal dialog puts focus back where it was (HTML, the dialog focusing steps).
    this.dialog.addEventListener('close', () => {
      this.idle = false;
      this.last = this.lastInput = Date.now();
    });
    setInterval(() => this.tick(), 1000);
  }

  private tick(): void {
    const now = Date.now();
    const step = Math.min(now - this.last, MAX_STEP_MS);
    this.last = now;
    if (this.idle || this.doc.visibilityState !== 'visible') return;
    if (now - this.lastInput >= this.data.seat.idle * 1000) return this.prompt();
    this.session += step;
    this.carry += step / 1000;
    const whole = Math.floor(this.carry);
    if (whole < 1) return;
    this.carry -= whole;
    this.state.time += whole;
    const page = this.page();
    // Time is kept by page only where a page asks for it: the saved state stays small.
    if (this.minOf(page)) this.state.pageTime[page] = (this.state.pageTime[page] ?? 0) + whole;
    this.counted();
  }

  private minOf(page: number): number {
    return this.data.pages[page]?.minTime ?? 0;
  }

  /** The modal dialog keeps focus inside it (showModal) and Escape closes it, like Continue. */
  private prompt(): void {
    this.idle = true;
    this.dialog.showModal();
  }

  /** Seconds left before Next unlocks on `page`, the course's minimum included when `toResults`. */
  left(page: number, toResults: boolean): number {
    const onPage = this.minOf(page) - (this.state.pageTime[page] ?? 0);
    const inCourse = toResults ? (this.data.seat.min ?? 0) - this.state.time : 0;
    return Math.max(0, onPage, inCourse);
  }

  /** Shows the countdown (every second) and announces it politely at whole minutes and at the end. */
  show(seconds: number, strings: Record<string, string>): void {
    const box = one(this.doc, '#cp-seat');
    const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    const text = format(strings.seatTimeLeft, { time: clock });
    const wasHidden = box.hidden;
    box.hidden = seconds <= 0;
    one(box, '[data-clock]').textContent = text;
    if (seconds > 0 && (wasHidden || seconds % ANNOUNCE_EVERY_S === 0)) one(box, '[data-say]').textContent = text;
  }
}
