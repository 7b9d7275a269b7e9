// course.yaml: the course itself, `completion` and `theme`.
import { UI_STRINGS } from './strings';
import { LMS_IDS } from '../standards/lms-profiles';
import { TARGETS } from '../standards/targets';
import type { MappingFormat } from './types';
import { ACTIVITY_IRI, anyText, boolean, COLOR, DURATION, EMAIL, filePath, FONT_STACK, id, LANGUAGE, list, markdown, NAVIGATION_MODES, number, oneOf, REPORT_MODES, REQUIREMENTS, text, verbatim, WEB_URL } from './values';

export const COMPLETION: MappingFormat = {
  name: 'completion',
  description: 'When the course counts as completed and passed, and what the LMS is told.',
  keys: {
    'passing-score': {
      value: number(0, 100),
      default: 80,
      description: 'The percent of all points (scenario choices and quiz questions together) a learner needs to pass, 0 to 100.',
    },
    require: {
      value: list(oneOf(REQUIREMENTS)),
      default: ['all-pages', 'passing-score'],
      description:
        'What completing the course takes: all-pages (every page done), passing-score (a final score of at least passing-score), attestation (the attestation page confirmed).',
    },
    report: {
      value: oneOf(REPORT_MODES),
      default: 'passed-failed',
      description:
        'The statuses the LMS receives: passed-failed (passed, or failed below the passing score), passed-incomplete (a score below it stays incomplete), completed-incomplete (completed, never a pass or fail), completed-failed (completed, or failed below the passing score).',
    },
  },
};

export const THEME: MappingFormat = {
  name: 'theme',
  description: 'The look of the course: brand colour, logo and font.',
  keys: {
    'brand-color': {
      value: COLOR,
      default: '#0b5394',
      description:
        'The colour of the header, buttons and links, as "#rrggbb" (in quotes: # starts a comment in YAML). It must reach a contrast of 4.5:1 with white (WCAG AA).',
    },
    logo: { value: filePath, description: 'An image shown in the header (png, jpg, gif, svg or webp), as a path relative to the course folder.' },
    font: {
      value: FONT_STACK,
      description:
        'A CSS font stack such as Inter, "Segoe UI", Arial, sans-serif. Nothing is downloaded: name fonts learners have installed and end with a generic family (sans-serif, serif, system-ui, monospace).',
    },
  },
};

export const SIGNATORY: MappingFormat = {
  name: 'signatory',
  description: 'Who signs the certificate: a name and a title, printed over a signature line.',
  keys: {
    name: { value: text, required: true, description: 'The name of the person who signs, e.g. "Dana Whitfield".' },
    title: { value: text, description: 'Their position, e.g. "Head of Ethics & Compliance".' },
  },
};

export const CERTIFICATE: MappingFormat = {
  name: 'certificate',
  description: 'What the certificate of the results page shows besides the learner\'s name, the course title, the date and the certificate id.',
  keys: {
    organisation: { value: text, required: true, description: 'The organisation that issues the certificate, printed at its top.' },
    logo: { value: filePath, description: 'The organisation\'s logo (png, jpg, gif, svg or webp), as a path relative to the course folder; shown beside its name.' },
    signatory: { value: { kind: 'mapping', mapping: SIGNATORY }, description: SIGNATORY.description },
    'show-score': { value: boolean, default: false, description: 'true: the certificate also shows the learner\'s final score in percent.' },
  },
};

/** The page shown before the first one: title, description, duration and a hero image. */
export const COVER: MappingFormat = {
  name: 'cover',
  description: 'A cover page shown when the course opens: its title, description, duration and a hero image, with Start (or Resume once the learner has made progress).',
  keys: {
    image: { value: filePath, description: 'A hero image (png, jpg, gif, svg or webp), as a path relative to the course folder.' },
    alt: {
      value: { kind: 'text', allowEmpty: true },
      requiredWith: 'image',
      missingReportedAs: 'image-missing-alt',
      description: 'What the hero image shows, for learners who use a screen reader. Use alt: "" only for a purely decorative image.',
    },
    text: { value: markdown, description: 'Text shown under the title, in Markdown. Without it, the course description.' },
  },
};

export const CONTACT: MappingFormat = {
  name: 'contact',
  description: 'A trainer learners can ask, shown in the course frame (some rules, e.g. California 2 CCR §11024, require one).',
  keys: {
    name: { value: text, required: true, description: 'Who answers questions, e.g. "Ethics & Compliance Office".' },
    email: { value: EMAIL, description: 'An e-mail address, linked as mailto:.' },
    url: { value: WEB_URL, description: 'A web page (https://…) where learners reach the trainer.' },
  },
};

export const COURSE: MappingFormat = {
  name: 'course',
  description: 'A coursepack course (course.yaml): its description for the LMS, how it is completed, its look and its pages.',
  keys: {
    id: {
      value: id,
      required: true,
      description:
        'The stable id of the course: lower-case letters, digits and hyphens. It names the packages and the records in the LMS, so keep it once learners have started.',
    },
    title: { value: text, required: true, description: 'The title of the course, shown in its header and in the LMS catalogue.' },
    version: { value: verbatim, required: true, description: 'The version of the course, e.g. 1.0.0; written into the package manifests.' },
    language: { value: LANGUAGE, required: true, description: 'The language of the course text, as a tag such as en, en-GB, de or fr (BCP 47).' },
    languages: {
      value: list(LANGUAGE, { min: 1 }),
      description:
        'Every language the course is built in, the source language (language:) first, e.g. [en, de, fr]. The others are translated in translations/<language>.xlf (coursepack translate export writes them); build writes one package per language and target.',
    },
    'multi-language': {
      value: boolean,
      default: false,
      description:
        'true (with languages:): one package per target holding every language, opening in the language the LMS says the learner prefers (else the browser\'s, else the source language), with a language switch that keeps progress. false: one package per language and target.',
    },
    description: { value: text, required: true, description: 'What learners get from the course, shown in the LMS catalogue.' },
    author: { value: text, description: 'Who made the course (package metadata).' },
    duration: { value: DURATION, description: 'Roughly how long the course takes, as an ISO 8601 duration: PT20M is 20 minutes, PT1H30M an hour and a half.' },
    keywords: { value: list(anyText), description: 'Words the LMS catalogue can find the course by.' },
    completion: { value: { kind: 'mapping', mapping: COMPLETION }, description: COMPLETION.description },
    navigation: {
      value: oneOf(NAVIGATION_MODES),
      default: 'linear',
      description: 'linear: Next unlocks once the page is done. free: learners may open any page at any time.',
    },
    theme: { value: { kind: 'mapping', mapping: THEME }, description: THEME.description },
    certificate: { value: { kind: 'mapping', mapping: CERTIFICATE }, description: CERTIFICATE.description },
    cover: { value: { kind: 'mapping', mapping: COVER }, description: COVER.description },
    menu: {
      value: boolean,
      default: false,
      description: 'true: a menu lists every page, marked done, current or locked; learners open a page from it as navigation allows.',
    },
    'min-time': {
      value: DURATION,
      description:
        'The least time the whole course takes before the results page opens and the course can complete, as an ISO 8601 duration (PT1H is an hour). Only time while the course is visible and the learner is active counts.',
    },
    'idle-after': {
      value: DURATION,
      // Not a `default`: the model holds seconds (300), not the duration as written.
      description: 'With min-time: after this long without input (default PT5M, five minutes) the time stops counting and a "Still there?" prompt asks the learner to continue.',
    },
    contact: { value: { kind: 'mapping', mapping: CONTACT }, description: CONTACT.description },
    strings: { value: { kind: 'mapping', mapping: UI_STRINGS }, description: UI_STRINGS.description },
    'activity-id': {
      value: ACTIVITY_IRI,
      description:
        'The xAPI and cmi5 activity id of the course: an absolute IRI (https://… or urn:…) without query or fragment. Without it, urn:coursepack:course:<id>; set an IRI of your own before publishing.',
    },
    targets: {
      value: list(oneOf(TARGETS), { min: 1 }),
      description:
        'The packages to build when the command line names none: scorm12, scorm2004 (4th Edition), scorm2004-3rd, xapi, cmi5. Without it, the LMS\'s (lms) or scorm12, scorm2004, xapi and cmi5.',
    },
    lms: {
      value: oneOf(LMS_IDS),
      description:
        'The LMS the course is for: picks the packages it takes and applies what is known of it (session keep-alive, SCORM edition, limits), and warns about what it would not record or show. See docs/lms-profiles.md.',
    },
    pages: {
      value: list({ kind: 'variant', family: 'page', includable: true }, { min: 1 }),
      required: true,
      description: 'The pages, in the order learners see them. An item is a page, or "include: pages/file.yaml" to take the page from a file of its own.',
    },
  },
};
