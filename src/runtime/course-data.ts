// The contract between the compiler and the browser runtime: the compiler writes this as JSON
// into index.html (<script type="application/json" id="course-data">); the runtime reads it.
// Texts live in the HTML; this holds what the player needs for logic and tracking.

export type Requirement = 'all-pages' | 'passing-score' | 'attestation';
export type ReportMode = 'passed-incomplete' | 'passed-failed' | 'completed-incomplete' | 'completed-failed';

export type Standard = 'scorm12' | 'scorm2004' | 'xapi' | 'cmi5' | 'standalone';

export interface CourseData {
  /** The standard this package was built for; the runtime looks only for that LMS API. */
  standard: Standard;
  id: string;
  /** The course's activity IRI (xAPI, cmi5); pages and questions hang below it. */
  activityId: string;
  title: string;
  /** The course's `version` (part of the certificate id). */
  version: string;
  language: string;
  /** Changes when the course structure changes, so stale suspend data is not misread. */
  revision: string;
  /** Percent, 0–100; the LMS's mastery score overrides it at run time. */
  passingScore: number;
  require: Requirement[];
  report: ReportMode;
  navigation: 'linear' | 'free';
  /** Seat time, present when the course or a page has a `min-time`: the clock runs only then. */
  seat?: SeatTimeData;
  pages: PageData[];
  strings: Record<string, string>;
  /** What the target edition and the LMS profile ask of the tracking; absent: the standard's own. */
  tracking?: TrackingOptions;
}

/**
 * Generic tracking options: the compiler turns an edition or LMS profile into these, the runtime
 * never knows which LMS it runs in.
 */
export interface TrackingOptions {
  /** The most suspend data the LMS keeps (SCORM 2004 3rd Edition: 4000; an LMS may keep less). */
  suspendDataLimit?: number;
  /** Calls the LMS every so many minutes while the course is open, so its session does not time out. */
  keepAliveMinutes?: number;
}

export interface SeatTimeData {
  /** Seconds the whole course takes before the results page opens, if set. */
  min?: number;
  /** Seconds without input before the time stops counting and "Still there?" asks. */
  idle: number;
}

/** What the record of an attestation carries of its policy (computed at build time). */
export interface PolicyEvidence {
  title: string;
  version: string;
  /** SHA-256 of the policy document, lower-case hex. */
  sha256: string;
  /** The document's path in the package. */
  document: string;
}

export type PageData = ContentPageData | ScenarioPageData | QuizPageData | AttestationPageData | ResultsPageData;

/** Keys every page may have. */
interface PageDataBase {
  /** Seconds the learner spends on the page before Next unlocks (seat time). */
  minTime?: number;
}

export interface ContentPageData extends PageDataBase {
  type: 'content';
  id: string;
  /** How many parts of its required blocks (panels, tabs, cards, hotspots) must be opened before the page is done. */
  reveal?: number;
}

export interface ScenarioPageData extends PageDataBase {
  type: 'scenario';
  id: string;
  start: string;
  scenes: Record<string, SceneData>;
  /** Most points any path through the scenario can earn. */
  maxPoints: number;
  retry: boolean;
}

export type SceneData =
  | { choices: ScenarioChoiceData[]; description: string }
  | { outcome: 'pass' | 'fail' | 'neutral' };

export interface ScenarioChoiceData {
  id: string;
  points: number;
  next: string;
}

export interface QuizPageData extends PageDataBase {
  type: 'quiz';
  id: string;
  /** Absent: all questions on one page (the default). */
  mode?: 'one-at-a-time';
  shuffle: boolean;
  draw: number;
  attempts: number;
  questions: QuestionData[];
  /** A test-out: the indexes of the pages a pass marks done. */
  testOut?: number[];
}

interface QuestionDataBase {
  id: string;
  points: number;
  /** Index of the page that teaches this point, linked when the answer is wrong. */
  remediation?: number;
  /** Plain-text prompt, at most 250 characters (SCORM 2004 interaction description). */
  description: string;
}

export type QuestionData =
  | (QuestionDataBase & { type: 'single-choice' | 'multiple-choice'; choices: { id: string; correct: boolean }[] })
  | (QuestionDataBase & { type: 'true-false'; answer: boolean })
  | (QuestionDataBase & { type: 'fill-in'; accept: string[]; caseSensitive: boolean })
  /** Source i matches target i; the page lists the targets in another order. */
  | (QuestionDataBase & { type: 'matching'; sources: string[]; targets: string[] })
  /** Item ids in the correct order; the page shows them in another. */
  | (QuestionDataBase & { type: 'ordering'; items: string[] })
  | (QuestionDataBase & { type: 'numeric'; answer: number; tolerance: number })
  | (QuestionDataBase & { type: 'likert'; points: 0; scale: number; pinned?: true });

export interface AttestationPageData extends PageDataBase {
  type: 'attestation';
  id: string;
  /** Plain text of the statement, recorded with the sign-off. */
  statement: string;
  policy?: PolicyEvidence;
  /** With a policy: the SCORM interaction id and 2004 description carrying its evidence, made at build time. */
  scorm?: ScormEvidence;
}

export interface ScormEvidence {
  id: string;
  description: string;
}

export interface ResultsPageData extends PageDataBase {
  type: 'results';
  id: string;
  review: 'none' | 'answers' | 'correct-answers';
  certificate: boolean;
}
