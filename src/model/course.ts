import type { SourceSpan } from '../diagnostics/diagnostic';
import type { LmsId } from '../standards/lms-profiles';
import type { Target } from '../standards/targets';

/** Every node of the model knows where it came from, so later phases can still point at YAML. */
export interface Located {
  span: SourceSpan;
}

export type Requirement = 'all-pages' | 'passing-score' | 'attestation';
export type ReportMode = 'passed-incomplete' | 'passed-failed' | 'completed-incomplete' | 'completed-failed';
export type NavigationMode = 'linear' | 'free';

export interface Completion {
  /** Percent (0–100) of all scored points, scenarios and quizzes together. */
  passingScore: number;
  require: Requirement[];
  report: ReportMode;
  /** Where `report` is written, when it is: LMS warnings about the statuses point there. */
  reportSpan?: SourceSpan;
}

/** A value of course.yaml with the place it is written. */
export interface Placed<T> {
  value: T;
  span: SourceSpan;
}

export interface Theme {
  /** "#rrggbb", at least 4.5:1 against white (checked when validating). */
  brandColor: string;
  /** Its counterpart in the dark scheme: lighter, same hue, 4.5:1 on the dark backgrounds. */
  darkBrandColor: string;
  /** A CSS font stack of fonts installed on learners' computers (nothing is downloaded). */
  font?: string;
  /** Course-relative asset path. */
  logo?: Asset;
}

/** What the certificate shows besides the learner, the course, the date and its id (`certificate:`). */
export interface CertificateDesign {
  organisation: string;
  /** Shown beside the organisation's name, so decorative (alt ""). */
  logo?: Asset;
  signatory?: { name: string; title?: string };
  /** The final score in percent is printed too. */
  showScore: boolean;
}

/** A course's own template (templates/partials or templates/pages) replacing a built-in one. */
export interface TemplateOverride extends Located {
  /** The partial it replaces: "header", or "page-quiz" for templates/pages/quiz.hbs. */
  partial: string;
  /** Handlebars source, parsed without errors, calling only known partials and helpers. */
  source: string;
}

/** A file of the course folder that ships in the package. */
export interface Asset extends Located {
  /** Path relative to the course folder, with forward slashes: also its path inside the zip. */
  path: string;
  absolutePath: string;
}

/** The page shown before the first one (`cover:`): the course's title, description and duration. */
export interface Cover extends Located {
  /** The hero image, with its alt text ("" when decorative). */
  image?: { image: Asset; alt: string };
  /** Markdown shown under the title; without it, the course description. */
  text?: string;
}

export interface Course extends Located {
  id: string;
  /** Where the id is written: packages are named by it, so two courses of one build must differ. */
  idSpan: SourceSpan;
  /** The course's xAPI activity IRI (`activity-id`, default urn:coursepack:course:<id>). */
  activityId: string;
  title: string;
  version: string;
  /** The language of this course's text: the source's, or the one it was translated to. */
  language: string;
  /** Every language the course is built in (`languages:`), the source first; absent without it. */
  languages?: string[];
  /** Where `languages:` is written, else `language:`: what --lang is checked against. */
  languagesSpan: SourceSpan;
  /** `multi-language: true` (only with `languages:`): one package per target holds every language. */
  multiLanguage: boolean;
  description: string;
  author?: string;
  /** ISO 8601 duration, e.g. PT20M. */
  duration?: string;
  keywords: string[];
  completion: Completion;
  navigation: NavigationMode;
  /** `targets:`, the packages built when the command line names none. */
  targets?: Placed<Target[]>;
  /** `lms:`, the LMS profile the course is built for. */
  lms?: Placed<LmsId>;
  /** Seat time of the whole course, in seconds (`min-time`). */
  minTime?: number;
  /** Seconds without input after which seat time stops counting (`idle-after`, default 5 minutes). */
  idleAfter: number;
  /** A trainer learners can reach, shown in the course frame. */
  contact?: Contact;
  theme: Theme;
  certificate?: CertificateDesign;
  cover?: Cover;
  /** A menu of the pages with their states (`menu: true`). */
  menu: boolean;
  /** The UI texts by key of templates/strings/en.json: its language's, with its own (`strings:`) over them. */
  strings: Record<string, string>;
  /** Built-in templates this course replaces, from its own templates/ folder. */
  templates: TemplateOverride[];
  pages: Page[];
  /** Absolute path of the course folder. */
  root: string;
  /** Every asset the course references, once each, sorted by path. */
  assets: Asset[];
}

export interface Contact {
  name: string;
  email?: string;
  url?: string;
}

export type Page = ContentPage | ScenarioPage | QuizPage | AttestationPage | ResultsPage;
export type PageType = Page['type'];

interface PageBase extends Located {
  id: string;
  title: string;
  /** Seat time on this page, in seconds (`min-time`). */
  minTime?: number;
}

export interface Media extends Located {
  image: Asset;
  alt: string;
  caption?: string;
}

export interface ContentPage extends PageBase {
  type: 'content';
  /** Markdown; absent when the page is made of blocks only. */
  body?: string;
  media: Media[];
  blocks: Block[];
}

/** The person a scenario is about, shown beside its scenes. */
export interface Character extends Located {
  name: string;
  role?: string;
  image?: Asset;
  /** The portrait's alt text: the designer's, else the name and role ("" when decorative). */
  alt: string;
}

/** A titled part of an accordion, a tab, a step (text in Markdown). */
export interface Panel {
  title: string;
  text: string;
}

export interface Card {
  front: string;
  /** Markdown. */
  back: string;
}

export interface Hotspot {
  /** Percent of the image's width and height from its top left corner. */
  x: number;
  y: number;
  title: string;
  text: string;
}

/** A file of the course offered for download, with its size in bytes (shown to the learner). */
export interface Download extends Asset {
  bytes: number;
}

export type CalloutStyle = 'note' | 'tip' | 'warning' | 'policy';

/** The content blocks of a content page (docs/course-format.md, "Content blocks"); texts in Markdown. */
export type Block = Located &
  (
    | { type: 'text'; text: string }
    | { type: 'callout'; style: CalloutStyle; title?: string; text: string; reference?: string }
    | { type: 'image-text'; image: Asset; alt: string; text: string; position: 'left' | 'right' }
    | { type: 'image'; image: Asset; alt: string; caption?: string }
    | { type: 'quote'; text: string; name?: string; role?: string }
    | { type: 'key-points'; title?: string; points: string[] }
    | { type: 'accordion'; title?: string; items: Panel[]; required: boolean }
    | { type: 'tabs'; title?: string; items: Panel[]; required: boolean }
    | { type: 'process'; title?: string; steps: Panel[] }
    | { type: 'cards'; title?: string; cards: Card[]; required: boolean }
    | { type: 'labelled-graphic'; title?: string; image: Asset; alt: string; hotspots: Hotspot[]; required: boolean }
    | { type: 'divider' }
    | { type: 'download'; file: Download; title: string; description?: string }
    | { type: 'video'; src: Asset; captions: Asset; title: string; transcript?: string }
    | { type: 'audio'; src: Asset; title: string; transcript: string }
  );
export type BlockType = Block['type'];

export interface ScenarioPage extends PageBase {
  type: 'scenario';
  /** Markdown shown above the first scene. */
  intro?: string;
  character?: Character;
  start: string;
  /** In YAML order; the start scene is not necessarily first. */
  scenes: Scene[];
  /** Offer "Try again" at the end; the last run through counts. */
  retry: boolean;
}

export type Outcome = 'pass' | 'fail' | 'neutral';

export type Scene = DecisionScene | EndingScene;

export interface DecisionScene extends Located {
  kind: 'decision';
  id: string;
  /** Markdown. */
  text: string;
  choices: ScenarioChoice[];
}

export interface EndingScene extends Located {
  kind: 'ending';
  id: string;
  text: string;
  outcome: Outcome;
}

export interface ScenarioChoice extends Located {
  id: string;
  text: string;
  points: number;
  feedback?: string;
  next: string;
}

/** All questions on one form and one Submit, or one question at a time with its feedback. */
export type QuizMode = 'all-on-one-page' | 'one-at-a-time';

export interface QuizPage extends PageBase {
  type: 'quiz';
  intro?: string;
  mode: QuizMode;
  shuffle: boolean;
  /** How many questions of the pool each attempt draws; the whole pool when absent. */
  draw?: number;
  attempts: number;
  questions: Question[];
  /** A test-out: a pass marks these pages done (each after the quiz); taken once. */
  testOut?: { covers: PageRef[] };
}

export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | TrueFalseQuestion
  | FillInQuestion
  | MatchingQuestion
  | OrderingQuestion
  | NumericQuestion
  | LikertQuestion;
export type QuestionType = Question['type'];

export interface QuestionFeedback {
  correct?: string;
  incorrect?: string;
}

interface QuestionBase extends Located {
  id: string;
  /** Markdown (inline). */
  prompt: string;
  /** 0 for likert questions: surveys are recorded, never scored. */
  points: number;
  feedback: QuestionFeedback;
  /** The page that teaches this point, linked from the feedback of a wrong answer. */
  remediation?: PageRef;
}

export interface Choice extends Located {
  id: string;
  text: string;
  correct: boolean;
  feedback?: string;
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single-choice';
  choices: Choice[];
}

export interface MultipleChoiceQuestion extends QuestionBase {
  type: 'multiple-choice';
  choices: Choice[];
}

export interface TrueFalseQuestion extends QuestionBase {
  type: 'true-false';
  answer: boolean;
}

export interface FillInQuestion extends QuestionBase {
  type: 'fill-in';
  accept: string[];
  caseSensitive: boolean;
}

/** A reference to a page by id, kept with its position until it is checked. */
export interface PageRef extends Located {
  page: string;
}

/** Pairs a source with its target; the learner sees the targets shuffled. */
export interface MatchPair extends Located {
  /** One character (a–z), as SCORM 1.2's matching format requires. */
  sourceId: string;
  source: string;
  /** One character (1–9, then a–z). */
  targetId: string;
  target: string;
}

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  pairs: MatchPair[];
}

export interface OrderItem extends Located {
  id: string;
  text: string;
}

export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  /** In the correct order. */
  items: OrderItem[];
}

export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  answer: number;
  /** Accepted distance from the answer, either way. */
  tolerance: number;
}

export interface LikertQuestion extends QuestionBase {
  type: 'likert';
  /** The labels of the scale, low to high; empty for the UI language's five-point agreement scale. */
  scale: string[];
  /** Kept at its place in the list and always drawn, out of `shuffle` and `draw`. */
  pinned: boolean;
}

export interface AttestationPage extends PageBase {
  type: 'attestation';
  /** Markdown shown before the statement. */
  body?: string;
  statement: string;
  policy?: Policy;
}

/** The policy an attestation names: the record carries its version and its document's hash. */
export interface Policy {
  title: string;
  version: string;
  /** Where the version is written: the build warns there when the document changed under it. */
  versionSpan: SourceSpan;
  /** YYYY-MM-DD. */
  effectiveDate?: string;
  document: Asset;
  /** SHA-256 of the document's bytes, lower-case hex, taken when the course is read. */
  sha256: string;
}

/** What the results page shows of each answer: nothing, the answer, or also the right one. */
export type AnswerReview = 'none' | 'answers' | 'correct-answers';

export interface ResultsPage extends PageBase {
  type: 'results';
  body?: string;
  review: AnswerReview;
  /** A printable certificate once the course is completed. */
  certificate: boolean;
}
