import type { CourseData } from '../course-data';
import type { ConnectionStatus, InteractionRecord, Launch, Tracker } from '../tracking/tracker';
import { setupAttestation } from './attestation';
import { setupContent } from './blocks';
import type { PageBehaviour, PageContext } from './context';
import { all, focus, format, one } from './dom';
import { markMenu, setupMenu } from './menu';
import { setupQuiz } from './quiz';
import { setupResults, type SaveProgress } from './results';
import { setupScenario } from './scenario';
import { courseOver, courseResult, courseStatus, excusedPages } from './scoring';
import { type SeatClock, startSeatClock } from './seat-time';
import { decodeState, emptyState, encodeState, type State } from './state';

/** Throttle for commits: after each answer, but never more often than this (ILIAS froze on more). */
const COMMIT_INTERVAL_MS = 2000;

export class Player {
  private state: State;
  private current = 0;
  private readonly behaviours: PageBehaviour[] = [];
  private readonly sections: HTMLElement[];
  private readonly launch: Launch;
  private readonly passingScore: number;
  private readonly recording: boolean;
  private lastCommit = 0;
  /** False while the LMS refuses what the course sends (see Tracker.onRecording). */
  private lmsRecording = true;
  private commitTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bookmark and state as the LMS holds them (or will, once committed). */
  private saved: string;
  /** False while the pages restore the saved state: restoring is not a change to record. */
  private started = false;
  private connection: ConnectionStatus = 'online';
  private connectionWatchers: Array<(status: ConnectionStatus) => void> = [];
  /** The cover is shown (no page is current yet). */
  private onCover = false;
  /** Counts seat time, in a course with a min-time and a launch that records. */
  private readonly seat: SeatClock | undefined;
  /** Pages done but for their seat time. */
  private readonly waiting = new Set<number>();

  constructor(
    private readonly data: CourseData,
    private readonly tracker: Tracker,
    private readonly doc: Document,
    /** tracker.start()'s, or (a language switch) the launch resumed where the last player was. */
    launch: Launch,
  ) {
    this.launch = launch;
    this.passingScore = this.launch.masteryScore ?? data.passingScore;
    this.recording = this.launch.mode === 'normal';
    this.state = decodeState(data, this.launch.suspendData) ?? emptyState(data);
    this.sections = all(doc, '[data-page]');
    this.saved = snapshot(this.launch.location, this.launch.suspendData);
    if (data.seat && this.recording) {
      // After a language switch, the session's time so far (tracker.activeTime of the last player) goes on.
      this.seat = startSeatClock(doc, { ...data, seat: data.seat }, this.state, () => this.current, () => this.seatCounted(), tracker.activeTime?.());
      tracker.activeTime = this.seat.session;
    }
  }

  /** `atBookmark`: past the cover, straight to the bookmarked page (a language switch). */
  start(atBookmark = false): void {
    this.data.pages.forEach((page, index) => this.behaviours.push(this.setupPage(index)));
    one(this.doc, '#cp-next').addEventListener('click', () => this.go(this.current + 1));
    one(this.doc, '#cp-back').addEventListener('click', () => this.go(this.current - 1));
    this.showNotice();
    this.watchConnection();
    const bookmark = Math.max(0, this.data.pages.findIndex((page) => page.id === this.launch.location));
    this.started = true;
    setupMenu(this.doc, (index) => this.go(index));
    const cover = this.doc.getElementById('cp-cover');
    if (!cover || atBookmark) return this.show(bookmark, false);
    // The cover comes first; with progress saved, its button resumes at the bookmark.
    this.onCover = true;
    cover.hidden = false;
    this.showNavigation(false);
    const start = one(this.doc, '#cp-start');
    if (this.launch.location || this.state.done.some(Boolean)) (start.querySelector('span') ?? start).textContent = this.data.strings.resume ?? '';
    start.addEventListener('click', () => this.show(bookmark, true));
    this.updateNavigation();
  }

  /**
   * Ends the session once: the learner pressed Finish, or the window is going away (unloading).
   * Resolves when the LMS has acknowledged everything.
   */
  leave(unloading: boolean): Promise<void> {
    this.save();
    this.tracker.finish(this.isFinished() ? 'finished' : 'suspended', unloading);
    return this.tracker.settled?.() ?? Promise.resolve();
  }

  /**
   * Hands over to a player of the same course in another language (src/runtime/languages.ts):
   * the progress saved and committed, no more timers; the launch to resume from.
   */
  handOver(): { launch: Launch; onCover: boolean } {
    this.flush();
    this.seat?.stop();
    const location = this.data.pages[this.current]?.id ?? '';
    return { launch: { ...this.launch, location, suspendData: encodeState(this.data, this.state) }, onCover: this.onCover };
  }

  /** The page shown now (the preview's developer hooks read it). */
  currentPage(): number {
    return this.current;
  }

  /** The learner's progress as it stands (read by the preview). */
  progress(): Readonly<State> {
    return this.state;
  }

  /** Shows a page whether or not the learner may go there yet (the preview's "jump"). */
  jump(index: number): void {
    if (index >= 0 && index < this.sections.length) this.show(index, true);
  }

  /** Finish: tells the learner whether the results are saved, being saved, or waiting for the LMS. */
  private finishCourse(progress: (state: SaveProgress) => void): void {
    const watch = (status: ConnectionStatus): void => progress(status === 'offline' ? 'waiting' : 'saving');
    watch(this.connection);
    this.connectionWatchers.push(watch);
    void this.leave(false).then(() => {
      this.connectionWatchers = this.connectionWatchers.filter((w) => w !== watch);
      progress('saved');
    });
  }

  /** "Try again" on the results page: the quiz, with its new attempt started. */
  private retryQuiz(index: number): void {
    this.show(index, true);
    this.behaviours[index]?.retry?.();
  }

  /** Asks the LMS to store what it has now; the page may be about to disappear. */
  flush(): void {
    this.save();
    this.commitNow(true);
  }

  private setupPage(index: number): PageBehaviour {
    const page = this.data.pages[index];
    const section = this.sections[index];
    if (!page || !section) return {};
    const ctx = this.context(index, section);
    switch (page.type) {
      case 'scenario':
        return setupScenario(ctx, page);
      case 'quiz':
        return setupQuiz(ctx, page);
      case 'attestation':
        return setupAttestation(ctx, page);
      case 'results':
        return setupResults(ctx, page, (progress) => this.finishCourse(progress), (quiz) => this.retryQuiz(quiz));
      case 'content':
        return setupContent(ctx, page);
    }
  }

  private context(index: number, section: HTMLElement): PageContext {
    return {
      data: this.data,
      state: this.state,
      index,
      section,
      strings: this.data.strings,
      recording: this.recording,
      lmsRecording: () => this.lmsRecording,
      learnerName: this.launch.learnerName,
      learnerId: this.launch.learnerId,
      ...(this.tracker.saveLearnerName && { saveLearnerName: (name: string) => this.tracker.saveLearnerName?.(name) }),
      passingScore: this.passingScore,
      record: (interaction) => this.record(interaction),
      complete: () => this.complete(index),
      excuse: (pages) => this.excuse(pages),
      changed: () => this.changed(),
      goto: (target) => this.go(target),
    };
  }

  private go(index: number): void {
    if (index < 0 || index >= this.sections.length || !this.reachable(index)) return;
    // Next passes over the pages a test-out excused; Back and the menu still open them.
    if (index === this.current + 1) while (index < this.sections.length - 1 && this.excused().has(index)) index++;
    this.show(index, true);
  }

  /** Back is always open; forward, every page on the way must let the learner leave it (as Next does). */
  private reachable(index: number): boolean {
    for (let i = this.current; i < index; i++) if (!this.canLeave(i)) return false;
    return true;
  }

  private excused(): Set<number> {
    return excusedPages(this.data, this.state, this.passingScore);
  }

  private canLeave(index: number): boolean {
    // Browse and review launches are for looking around: nothing is locked.
    return (this.data.navigation === 'free' || !this.recording || Boolean(this.state.done[index])) && this.seatLeft(index) === 0;
  }

  /** Seconds of seat time left before Next unlocks; the course's own minimum guards the results page. */
  private seatLeft(index: number): number {
    if (!this.seat || this.excused().has(index)) return 0;
    return this.seat.left(index, this.data.pages[index + 1]?.type === 'results');
  }

  /** A second was counted: a page waiting for its time may now be done, the countdown moves. */
  private seatCounted(): void {
    const index = this.current;
    const left = (this.data.seat?.min ?? 0) - this.state.time;
    if (this.waiting.has(index) && this.seat?.left(index, false) === 0) return this.complete(index);
    // The course's minimum reached: its status may change now (completion waits for it).
    if (left === 0) this.changed();
    // The results page says the time still to spend in whole minutes: shown again at each one.
    if (left >= 0 && left % 60 === 0 && this.data.pages[index]?.type === 'results') this.behaviours[index]?.shown?.();
    this.updateNavigation();
  }

  /** A passed test-out: the pages it covers are done without their own time or answers. */
  private excuse(pages: number[]): void {
    for (const page of pages) this.state.done[page] = true;
    this.updateNavigation();
    this.changed();
  }

  private show(index: number, moveFocus: boolean): void {
    this.current = index;
    this.onCover = false;
    const cover = this.doc.getElementById('cp-cover');
    if (cover) cover.hidden = true;
    this.showNavigation(true);
    this.sections.forEach((section, i) => (section.hidden = i !== index));
    const page = this.data.pages[index];
    const section = this.sections[index];
    // "Experienced" first: showing a page (the results) can complete the course.
    if (page && section && this.recording) this.tracker.pageViewed?.({ id: page.id, title: one(section, 'h1').textContent ?? page.id });
    this.behaviours[index]?.shown?.();
    this.updateNavigation();
    if (section && moveFocus) focus(one(section, 'h1'));
    this.changed();
  }

  /** Back and Next have nothing to do on the cover. A course's own navigation template may lack the class. */
  private showNavigation(shown: boolean): void {
    const nav = one(this.doc, '#cp-next').closest<HTMLElement>('nav, .course-nav');
    if (nav) nav.hidden = !shown;
  }

  private updateNavigation(): void {
    const total = this.sections.length;
    const next = one<HTMLButtonElement>(this.doc, '#cp-next');
    const locked = !this.canLeave(this.current);
    next.hidden = this.current >= total - 1;
    next.disabled = locked;
    const seatLeft = next.hidden ? 0 : this.seatLeft(this.current);
    this.seat?.show(seatLeft, this.data.strings);
    one(this.doc, '#cp-locked').hidden = !locked || next.hidden || seatLeft > 0;
    one<HTMLButtonElement>(this.doc, '#cp-back').hidden = this.current === 0;
    // A course's own header may leave the progress indicator out.
    // Completion, not position: pages done of all pages. The text is a polite live region, written
    // only when the count changes, so it is heard once per page done, never per keystroke.
    const done = this.state.done.filter(Boolean).length;
    const progress = this.doc.querySelector<HTMLProgressElement>('#cp-progress');
    if (progress) progress.value = done;
    const progressText = this.doc.querySelector('#cp-progress-text');
    const text = format(this.data.strings.pagesDone, { n: done, total });
    if (progressText && progressText.textContent !== text) progressText.textContent = text;
    markMenu(this.doc, this.data.strings, (i) => ({ current: !this.onCover && i === this.current, done: Boolean(this.state.done[i]), locked: !this.reachable(i) }));
  }

  private complete(index: number): void {
    // Done once its seat time is spent too; the clock completes it then (seatCounted).
    if (this.seat && this.seat.left(index, false) > 0) {
      this.waiting.add(index);
      return this.updateNavigation();
    }
    this.waiting.delete(index);
    if (!this.state.done[index]) this.state.done[index] = true;
    this.updateNavigation();
    this.changed();
  }

  private record(interaction: Omit<InteractionRecord, 'timestamp'>): void {
    if (this.recording) this.tracker.recordInteraction({ pageId: this.data.pages[this.current]?.id, ...interaction, timestamp: new Date() });
  }

  /** After a change: saves and commits, unless bookmark and state are what the LMS holds already. */
  private changed(): void {
    if (!this.started || !this.recording) return;
    const now = snapshot(this.data.pages[this.current]?.id ?? '', encodeState(this.data, this.state));
    if (now === this.saved) return;
    this.save();
    this.scheduleCommit();
  }

  private save(): void {
    if (!this.recording) return;
    const result = courseResult(this.data, this.state, this.passingScore);
    const status = courseStatus(this.data, this.state, result);
    // Never a running score: an LMS may read one below its mastery score as a failed attempt.
    if (result.score.max > 0 && courseOver(status)) this.tracker.reportScore(result.score);
    this.tracker.reportStatus(status);
    const location = this.data.pages[this.current]?.id ?? '';
    const suspendData = encodeState(this.data, this.state);
    this.saved = snapshot(location, suspendData);
    this.tracker.saveState(location, suspendData);
  }

  private isFinished(): boolean {
    return courseOver(courseStatus(this.data, this.state, courseResult(this.data, this.state, this.passingScore)));
  }

  private scheduleCommit(): void {
    if (!this.recording || this.commitTimer) return;
    const wait = this.lastCommit + COMMIT_INTERVAL_MS - Date.now();
    if (wait <= 0) return this.commitNow();
    this.commitTimer = setTimeout(() => this.commitNow(), wait);
  }

  /** `now`: the page may be going away; the LMS gets every queued write before this returns. */
  private commitNow(now = false): void {
    if (this.commitTimer) clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
    if (!this.recording) return;
    this.lastCommit = Date.now();
    this.tracker.commit(now);
  }

  /** Tells the learner when the LMS cannot be reached, and when it can again. */
  private watchConnection(): void {
    this.tracker.onConnection?.((status) => {
      this.connection = status;
      this.connectionWatchers.forEach((watch) => watch(status));
      one(this.doc, '#cp-notice-text').textContent = (status === 'offline' ? this.data.strings.connectionLost : this.data.strings.connectionBack) ?? '';
      one(this.doc, '#cp-notice-close').hidden = true;
      one(this.doc, '#cp-notice').hidden = false;
    });
  }

  private showNotice(): void {
    const notice = one(this.doc, '#cp-notice');
    const noticeText = one(this.doc, '#cp-notice-text');
    // An LMS may open an unfinished attempt for review (Moodle does with one it marked failed):
    // the learner must know that nothing counts and what to do, not find out later.
    const unfinishedReview = this.launch.mode === 'review' && !this.isFinished();
    const standalone = this.tracker.standard === 'standalone';
    const text = unfinishedReview ? this.data.strings.reviewUnfinished : !this.recording ? this.data.strings.reviewMode : standalone && !dismissed(this.data.id) ? this.data.strings.standalone : '';
    const close = one(this.doc, '#cp-notice-close');
    const show = (message: string | undefined, alert: boolean): void => {
      noticeText.setAttribute('role', alert ? 'alert' : 'status');
      noticeText.textContent = message ?? '';
      notice.hidden = !message;
      // Only the standalone notice may go: the others say that nothing counts.
      close.hidden = !message || message !== this.data.strings.standalone;
    };
    close.addEventListener('click', () => {
      dismiss(this.data.id);
      notice.hidden = true;
      focus(one(this.doc, '#main'));
    });
    show(text, unfinishedReview);
    // An LMS that takes nothing (Initialize failed, the API throws, every write refused): the
    // learner must know now, not find out later that nothing counted.
    if (!this.recording) return;
    this.tracker.onRecording?.((recording) => {
      this.lmsRecording = recording;
      show(recording ? text : this.data.strings.lmsNotRecording, !recording);
    });
  }
}

/** The standalone notice, once dismissed, stays away for the browser session (sessionStorage). */
const NOTICE_KEY = 'coursepack-notice-dismissed:';

function dismissed(courseId: string): boolean {
  try {
    return sessionStorage.getItem(NOTICE_KEY + courseId) === '1';
  } catch {
    return false;
  }
}

function dismiss(courseId: string): void {
  try {
    sessionStorage.setItem(NOTICE_KEY + courseId, '1');
  } catch {
    // Storage refused (a sandboxed frame): dismissed for this page only.
  }
}

/** Bookmark and state in one string, to tell whether anything changed. */
function snapshot(location: string, suspendData: string): string {
  return `${location}\n${suspendData}`;
}
