import type { CourseData } from '../course-data';
import type { InteractionRecord } from '../tracking/tracker';
import type { State } from './state';

/** What a page's behaviour may use: it never talks to the LMS itself. */
export interface PageContext {
  data: CourseData;
  state: State;
  index: number;
  section: HTMLElement;
  strings: Record<string, string>;
  /** False in review and browse modes: the learner can look, nothing is recorded. */
  recording: boolean;
  /** False while the LMS refuses what the course sends: nothing the learner does is on record. */
  lmsRecording(): boolean;
  /** As the LMS gives it ("Last, First"), or "" outside an LMS. */
  learnerName: string;
  /** The LMS's id of the learner, or "" outside an LMS (the certificate id is made from it). */
  learnerId: string;
  /** Standalone only: keeps the name the learner types for the certificate. */
  saveLearnerName?(name: string): void;
  /** Passing score in percent, after the LMS's mastery score is applied. */
  passingScore: number;
  record(interaction: Omit<InteractionRecord, 'timestamp'>): void;
  /** Marks the page done (unlocks Next in linear navigation) and saves. */
  complete(): void;
  /** A passed test-out: marks the pages it covers done. */
  excuse(pages: number[]): void;
  /** Saves state after a change (throttled commit). */
  changed(): void;
  /** Shows another page (remediation links); always allowed backwards. */
  goto(index: number): void;
}

/** A page type's behaviour: set up once; `shown` runs each time the page is displayed. */
export interface PageBehaviour {
  shown?(): void;
  /** Starts a new attempt when one is left (a quiz; "Try again" on the results page). */
  retry?(): void;
}
