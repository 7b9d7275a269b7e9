// The one interface the player speaks; each LMS standard is one adapter behind it.
import type { CourseData, PolicyEvidence, ScormEvidence } from '../course-data';

export type LaunchMode = 'normal' | 'browse' | 'review';

export interface Launch {
  /** True when the LMS says this is a resumed attempt or hands back saved state. */
  resumed: boolean;
  mode: LaunchMode;
  learnerName: string;
  learnerId: string;
  /** The LMS's mastery score as a percent (0–100), when it sends one; overrides the course's. */
  masteryScore?: number;
  /** The bookmark (page id) saved last session. */
  location: string;
  /** The state saved last session, as written by saveState. */
  suspendData: string;
}

/** SCORM 2004 interaction types; adapters map them to their standard's vocabulary. */
export type InteractionType =
  | 'true-false'
  | 'choice'
  | 'fill-in'
  | 'long-fill-in'
  | 'matching'
  | 'performance'
  | 'sequencing'
  | 'likert'
  | 'numeric'
  | 'other';

export type InteractionResult = 'correct' | 'incorrect' | 'neutral' | 'unanticipated';

/**
 * One answer or decision. Responses are given as lists of parts (choice ids, the typed text, …);
 * each adapter joins them with its standard's delimiters (1.2 "a,b"; 2004 "a[,]b").
 */
export interface InteractionRecord {
  id: string;
  type: InteractionType;
  description: string;
  response: string[];
  correctResponses: string[][];
  result: InteractionResult;
  weighting: number;
  /** When the learner answered. */
  timestamp: Date;
  /** The texts of choices, sources, targets… where the page has them. */
  components?: InteractionComponents;
  /** The page the interaction belongs to (xAPI parent activity). */
  pageId?: string;
  /** Milliseconds from showing the question to the answer. */
  latencyMs: number;
  /** An attestation's policy: xAPI writes it into the statement's extensions. */
  policy?: PolicyEvidence;
  /** The id and 2004 description SCORM writes instead, carrying the policy's version and hash. */
  scorm?: ScormEvidence;
}

export interface Score {
  /** Points earned. */
  raw: number;
  /** Points possible (> 0). */
  max: number;
}

export type CompletionStatus = 'completed' | 'incomplete';
export type SuccessStatus = 'passed' | 'failed' | 'unknown';

export interface Status {
  completion: CompletionStatus;
  success: SuccessStatus;
  /** 0–1, how much of the course is done. */
  progress: number;
}

/** What the learner should know about the connection to the LMS (xAPI and cmi5 only). */
export type ConnectionStatus = 'offline' | 'online';

/** A launch that cannot go on (e.g. a cmi5 fetch URL used twice): the learner is told why. */
export class LaunchError extends Error {}

/** Texts of an interaction's parts, for standards that describe them (xAPI's definitions). */
export interface InteractionComponents {
  /** In the course's order (SCORM 1.2 names a choice by its position in it). */
  choices?: Array<{ id: string; text: string }>;
  source?: Array<{ id: string; text: string }>;
  target?: Array<{ id: string; text: string }>;
  steps?: Array<{ id: string; text: string }>;
  scale?: Array<{ id: string; text: string }>;
}

export interface Tracker {
  readonly standard: 'scorm12' | 'scorm2004' | 'standalone' | 'xapi' | 'cmi5';
  /** Talks to the LMS before start() where that needs the network (xAPI, cmi5); may throw LaunchError. */
  prepare?(): Promise<void>;
  /** A page was shown (xAPI "experienced"). */
  pageViewed?(page: { id: string; title: string }): void;
  /** Tells the player when the connection to the LMS is lost and back. */
  onConnection?(listener: (status: ConnectionStatus) => void): void;
  /** Tells the player when the LMS stops recording what the course sends (SCORM), and when it records again. */
  onRecording?(listener: (recording: boolean) => void): void;
  /**
   * Milliseconds of this session to report (session_time, xAPI duration) when the course counts
   * seat time: only the time the learner was active. Absent: the session's wall-clock time.
   */
  activeTime?: () => number;
  /** Keeps the name the learner typed: only where no LMS gives one (standalone). */
  saveLearnerName?(name: string): void;
  /**
   * The learner's preferred language(s) as the LMS holds them, after start(); '' when it has none.
   * Read only by a multi-language package (src/runtime/languages.ts).
   */
  preferredLanguage?(): string;
  /**
   * A multi-language package shows another language: what the tracker writes from now on (xAPI
   * activity names, context.language) is in that language's words under its tag.
   */
  useCourseData?(data: CourseData): void;
  /** Starts the session with the LMS; call once. */
  start(): Launch;
  saveState(location: string, suspendData: string): void;
  /** Largest suspend data the standard guarantees to keep, in characters. */
  readonly suspendDataLimit: number;
  /** A harmless call that reaches the LMS's server, so its session stays alive while the learner reads. */
  keepAlive?(): void;
  recordInteraction(record: InteractionRecord): void;
  reportScore(score: Score): void;
  reportStatus(status: Status): void;
  /**
   * Asks the LMS to persist what was set so far (throttled by the caller). SCORM writes wait in a
   * queue that lets the page answer between calls; `now` (the page may be going away) makes every
   * queued write and the commit before returning.
   */
  commit(now?: boolean): void;
  /**
   * Ends the session: sets exit and session time, commits, terminates; only the first call acts.
   * `unloading` is true when the page is going away (pagehide): nothing may wait or navigate then.
   */
  finish(reason: 'finished' | 'suspended', unloading?: boolean): void;
  /**
   * Resolves once the LMS has acknowledged everything written so far (waiting through retries
   * while it cannot be reached). Absent where every call is acknowledged as it is made (SCORM).
   */
  settled?(): Promise<void>;
}
