// The five page types and the mappings inside them (media items, scenes, scenario choices).
import type { PageType } from '../model';
import type { FamilyFormat, KeyFormat, MappingFormat } from './types';
import { ANSWER_REVIEWS, boolean, DATE, DURATION, filePath, id, list, markdown, number, OUTCOMES, oneOf, POLICY_VERSION, text, verbatim } from './values';

const pageId: KeyFormat = {
  value: id,
  required: true,
  description: 'The stable id of the page, unique in the course: lower-case letters, digits and hyphens. Bookmarks and LMS records use it.',
};
const pageType: KeyFormat = {
  value: { kind: 'type-tag' },
  required: true,
  description: 'The kind of page: content, scenario, quiz, attestation or results. It decides which other keys the page has.',
};

/** Seat time: any page but the results may ask for it. */
const minTime: KeyFormat = {
  value: DURATION,
  description:
    'The least time a learner spends on this page before Next unlocks, as an ISO 8601 duration (PT2M is two minutes). Only time while the page is visible and the learner is active counts.',
};

export const POLICY: MappingFormat = {
  name: 'policy',
  description: 'The policy the learner attests to: its document is packaged and linked, and its version and SHA-256 go into the record.',
  keys: {
    title: { value: text, required: true, description: 'The name of the policy, e.g. "Social Media Policy".' },
    version: {
      value: POLICY_VERSION,
      required: true,
      description: 'The version of the policy in force, e.g. 2.1. Raise it whenever the document changes: the build warns when the document changes under a version already built (policy-versions.lock).',
    },
    'effective-date': { value: DATE, description: 'The date the policy takes effect, as YYYY-MM-DD.' },
    document: { value: filePath, required: true, description: 'The policy document (e.g. assets/policy.pdf), as a path relative to the course folder; packaged and linked on the page.' },
  },
};

export const TEST_OUT: MappingFormat = {
  name: 'test-out',
  description: 'Makes the quiz a test-out: passing it marks the pages it covers done; failing it leads through them as usual. It can be taken once.',
  keys: {
    covers: {
      value: list(id, { min: 1 }),
      required: true,
      description: 'The ids of the pages a pass excuses; each must come after the quiz.',
    },
  },
};

export const MEDIA: MappingFormat = {
  name: 'media',
  description: 'An image shown on a content page.',
  keys: {
    image: { value: filePath, required: true, description: 'The image (png, jpg, gif, svg or webp), as a path relative to the course folder.' },
    alt: {
      value: { kind: 'text', allowEmpty: true },
      required: true,
      missingReportedAs: 'image-missing-alt',
      description: 'What the image shows, for learners who use a screen reader. Use alt: "" only for a purely decorative image.',
    },
    caption: { value: text, description: 'A caption shown under the image.' },
  },
};

export const SCENARIO_CHOICE: MappingFormat = {
  name: 'scenario-choice',
  description: 'One option of a decision scene, and the scene it leads to.',
  keys: {
    id: { value: id, description: 'A stable id for the choice, unique in its scene. Without it the choices are a, b, c… by position.' },
    text: { value: text, required: true, description: 'What the learner decides to do.' },
    points: { value: number(-1000, 1000), default: 0, description: 'Points this choice earns (negative for a harmful one); the scenario is worth the best path\'s total.' },
    feedback: { value: markdown, description: 'Why this choice is good or bad, in Markdown; shown in the debrief at the end.' },
    next: { value: verbatim, required: true, description: 'The id of the scene this choice leads to.' },
  },
};

export const SCENE: MappingFormat = {
  name: 'scene',
  description: 'A step of the scenario: a decision scene has choices, an ending scene an outcome.',
  keys: {
    text: { value: markdown, required: true, description: 'What happens, in Markdown.' },
    choices: {
      value: list({ kind: 'mapping', mapping: SCENARIO_CHOICE }, { min: 1 }),
      description: 'The options of a decision scene, each leading to a next scene. A scene has choices or an outcome, not both.',
    },
    outcome: { value: oneOf(OUTCOMES), description: 'Ends the scenario: pass, fail or neutral. An ending scene has no choices.' },
  },
  exactlyOneOf: ['choices', 'outcome'],
};

/** The person a scenario is about (or who the learner plays), shown beside its scenes. */
export const CHARACTER: MappingFormat = {
  name: 'character',
  description: 'The person in the scenario (or the role the learner plays), shown beside its scenes: a name, a role and a picture.',
  keys: {
    name: { value: text, required: true, description: 'The character\'s name, shown beside the scenes, e.g. "Maya Fischer".' },
    role: { value: text, description: 'What the character does, shown under the name, e.g. "Product developer".' },
    image: { value: filePath, description: 'A portrait (png, jpg, gif, svg or webp), as a path relative to the course folder.' },
    alt: {
      value: { kind: 'text', allowEmpty: true },
      description: 'What the portrait shows, for screen readers. Without it, the name and role; alt: "" marks the picture decorative.',
    },
  },
};

const CONTENT: MappingFormat = {
  name: 'content',
  description: 'A content page: a title, text in Markdown, optional images and content blocks.',
  keys: {
    id: pageId,
    type: pageType,
    title: { value: text, required: true, description: 'The heading of the page.' },
    body: { value: markdown, description: 'The text of the page, in Markdown (**bold**, *italic*, lists, links); safe inline HTML such as <abbr> is kept. A page has a body, blocks, or both.' },
    media: { value: list({ kind: 'mapping', mapping: MEDIA }), description: 'Images shown with the text, each with its alt text and an optional caption.' },
    blocks: {
      value: list({ kind: 'variant', family: 'block', includable: false }, { min: 1 }),
      description: 'Content blocks shown after the body and images, in order: text, callout, image-text, image, quote, key-points, accordion, tabs, process, cards, labelled-graphic, divider, download, video, audio.',
    },
    'min-time': minTime,
  },
  atLeastOneOf: ['body', 'blocks'],
};

const SCENARIO: MappingFormat = {
  name: 'scenario',
  description: 'A branching scenario: the learner makes decisions and sees what follows.',
  keys: {
    id: pageId,
    type: pageType,
    title: { value: text, required: true, description: 'The heading of the scenario.' },
    intro: { value: markdown, description: 'Text shown above the first scene, in Markdown.' },
    character: { value: { kind: 'mapping', mapping: CHARACTER }, description: CHARACTER.description },
    start: { value: id, required: true, description: 'The id of the first scene.' },
    scenes: {
      value: { kind: 'dictionary', values: SCENE, min: 1 },
      required: true,
      description: 'The scenes, each under its id. Every scene must be reachable from start, and no path may loop.',
    },
    retry: { value: boolean, default: false, description: 'true: offer "Try the scenario again" at the end; the last run\'s points count.' },
    'min-time': minTime,
  },
};

export const QUIZ_MODES = ['all-on-one-page', 'one-at-a-time'] as const;

const QUIZ: MappingFormat = {
  name: 'quiz',
  description: 'A quiz: questions, checked and scored.',
  keys: {
    id: pageId,
    type: pageType,
    title: { value: text, required: true, description: 'The heading of the quiz.' },
    intro: { value: markdown, description: 'Text shown above the questions, in Markdown.' },
    shuffle: { value: boolean, default: false, description: 'true: show the questions, and the choices of each, in a random order.' },
    draw: { value: number(1, 10000, true), description: 'How many questions each attempt draws at random from the list. Without it, every question.' },
    attempts: { value: number(1, 100, true), default: 1, description: 'How many times a learner may take the quiz; each new attempt draws anew.' },
    mode: {
      value: oneOf(QUIZ_MODES),
      default: 'all-on-one-page',
      description: 'all-on-one-page: every question on one form, checked together. one-at-a-time: question n of N, its feedback right after it is checked, then the next.',
    },
    questions: {
      value: list({ kind: 'variant', family: 'question', includable: true }, { min: 1 }),
      required: true,
      description: 'The questions. An item is a question, or "include: pools/file.yaml" to take the questions of a pool file.',
    },
    'test-out': { value: { kind: 'mapping', mapping: TEST_OUT }, description: TEST_OUT.description },
    'min-time': minTime,
  },
};

const ATTESTATION: MappingFormat = {
  name: 'attestation',
  description: 'The learner confirms a statement (e.g. that they will follow the policy); the LMS records it.',
  keys: {
    id: pageId,
    type: pageType,
    title: { value: text, default: 'Acknowledgement', description: 'The heading of the page; without it, the word for this in the course language (UI string attestationTitle).' },
    body: { value: markdown, description: 'Text shown above the statement, in Markdown.' },
    statement: { value: text, required: true, description: 'What the learner confirms, e.g. "I have read the policy and will follow it."' },
    policy: { value: { kind: 'mapping', mapping: POLICY }, description: POLICY.description },
    'min-time': minTime,
  },
};

const RESULTS: MappingFormat = {
  name: 'results',
  description: 'The results: score, pass or fail, the learner\'s answers, a certificate and the Finish button.',
  keys: {
    id: pageId,
    type: pageType,
    title: { value: text, default: 'Your results', description: 'The heading of the page; without it, the words for this in the course language (UI string resultsTitle).' },
    body: { value: markdown, description: 'Text shown with the results, in Markdown.' },
    review: {
      value: oneOf(ANSWER_REVIEWS),
      default: 'answers',
      description: 'What the answer review shows: answers (each answer, right or wrong), correct-answers (also the right answer where the learner missed it) or none.',
    },
    certificate: {
      value: boolean,
      default: true,
      description:
        'Once the course is completed (and not failed), show a printable certificate with the learner\'s name, the course title, the date and a certificate id; `certificate:` in course.yaml adds the organisation, its logo, a signatory and the score.',
    },
  },
};

export const PAGES: FamilyFormat<PageType> = {
  name: 'page',
  description: 'A page of the course; its type decides which keys it has.',
  variants: { content: CONTENT, scenario: SCENARIO, quiz: QUIZ, attestation: ATTESTATION, results: RESULTS },
};
