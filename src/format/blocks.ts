// The content blocks a content page may hold under `blocks:`, besides or instead of its `body`.
// Learner-visible words are `text` or `markdown` values (translated like every other text);
// files are FILE values: a path is never text to translate.
import type { BlockType } from '../model';
import type { FamilyFormat, KeyFormat, MappingFormat, PatternFormat } from './types';
import { MEDIA } from './pages';
import { boolean, list, markdown, number, oneOf, text } from './values';

/** A path relative to the course folder; what kind of file it must be is checked by the key. */
export const FILE: PatternFormat = { kind: 'pattern', pattern: /\S/, expected: 'a file path relative to the course folder' };

export const CALLOUT_STYLES = ['note', 'tip', 'warning', 'policy'] as const;
export const IMAGE_POSITIONS = ['left', 'right'] as const;

const blockType: KeyFormat = {
  value: { kind: 'type-tag' },
  required: true,
  description:
    'The kind of block: text, callout, image-text, image, quote, key-points, accordion, tabs, process, cards, labelled-graphic, divider, download, video or audio. It decides which other keys the block has.',
};
const heading: KeyFormat = { value: text, description: 'A heading shown above the block.' };
const required: KeyFormat = {
  value: boolean,
  default: false,
  description: 'true: the learner must open every part of this block before the page counts as done (and Next unlocks in linear navigation).',
};
const image: KeyFormat = { value: FILE, required: true, description: 'The image (png, jpg, gif, svg or webp), as a path relative to the course folder.' };
/** As a media item's: required, with its own diagnostic when missing (image-missing-alt). */
const alt: KeyFormat = MEDIA.keys.alt!;

/** A titled part of an accordion, a tab, a step of a process. */
export const PANEL: MappingFormat = {
  name: 'panel',
  description: 'A titled part of a block: an accordion section, a tab or a step.',
  keys: {
    title: { value: text, required: true, description: 'The title of the part: the accordion heading, the tab label or the step name.' },
    text: { value: markdown, required: true, description: 'What the part says, in Markdown.' },
  },
};

export const CARD: MappingFormat = {
  name: 'card',
  description: 'A click-to-reveal card: its front, and the back the learner turns it to.',
  keys: {
    front: { value: text, required: true, description: 'What the card shows first: a word, a question, a claim.' },
    back: { value: markdown, required: true, description: 'What the learner reads when the card is turned, in Markdown.' },
  },
};

export const HOTSPOT: MappingFormat = {
  name: 'hotspot',
  description: 'A numbered point on the graphic and the note it opens.',
  keys: {
    x: { value: number(0, 100), required: true, description: 'Where the point is across the image, in percent of its width from the left.' },
    y: { value: number(0, 100), required: true, description: 'Where the point is down the image, in percent of its height from the top.' },
    title: { value: text, required: true, description: 'The name of the point: the label of its button and the heading of its note.' },
    text: { value: markdown, required: true, description: 'The note the point opens, in Markdown.' },
  },
};

function variant(name: BlockType, description: string, keys: Record<string, KeyFormat>): MappingFormat {
  return { name: `block-${name}`, description, keys: { type: blockType, ...keys } };
}

export const BLOCKS: FamilyFormat<BlockType> = {
  name: 'block',
  description: 'A content block of a content page; its type decides which keys it has.',
  variants: {
    text: variant('text', 'Text in Markdown.', { text: { value: markdown, required: true, description: 'The text, in Markdown.' } }),
    callout: variant('callout', 'A boxed note, tip, warning or policy excerpt.', {
      style: { value: oneOf(CALLOUT_STYLES), default: 'note', description: 'note, tip, warning, or policy (an excerpt of the policy, with its section reference).' },
      title: heading,
      text: { value: markdown, required: true, description: 'What the callout says, in Markdown.' },
      reference: { value: text, description: 'Where the excerpt comes from, e.g. "Social Media Policy, section 3.2"; shown under it.' },
    }),
    'image-text': variant('image-text', 'An image and text side by side; they stack on narrow screens.', {
      image,
      alt,
      text: { value: markdown, required: true, description: 'The text beside the image, in Markdown.' },
      position: { value: oneOf(IMAGE_POSITIONS), default: 'left', description: 'Which side the image is on: left or right.' },
    }),
    image: variant('image', 'An image the full width of the page.', { image, alt, caption: { value: text, description: 'A caption shown under the image.' } }),
    quote: variant('quote', 'A quote or testimonial.', {
      text: { value: markdown, required: true, description: 'The words quoted, in Markdown.' },
      name: { value: text, description: 'Who said it.' },
      role: { value: text, description: 'Their role or team, shown after the name.' },
    }),
    'key-points': variant('key-points', 'A short list of key points.', {
      title: heading,
      points: { value: list(markdown, { min: 1 }), required: true, description: 'The points, one line of Markdown each.' },
    }),
    accordion: variant('accordion', 'Sections the learner opens one by one.', {
      title: heading,
      items: { value: list({ kind: 'mapping', mapping: PANEL }, { min: 1 }), required: true, description: 'The sections, each with a title and text.' },
      required,
    }),
    tabs: variant('tabs', 'Panels shown one at a time under a row of tabs.', {
      title: heading,
      items: { value: list({ kind: 'mapping', mapping: PANEL }, { min: 2 }), required: true, description: 'The tabs, each with a title (its label) and text.' },
      required,
    }),
    process: variant('process', 'Numbered steps in order.', {
      title: heading,
      steps: { value: list({ kind: 'mapping', mapping: PANEL }, { min: 2 }), required: true, description: 'The steps in order, each with a title and text.' },
    }),
    cards: variant('cards', 'Click-to-reveal cards: the learner turns each to read its back.', {
      title: heading,
      cards: { value: list({ kind: 'mapping', mapping: CARD }, { min: 1 }), required: true, description: 'The cards, each with a front and a back.' },
      required,
    }),
    'labelled-graphic': variant('labelled-graphic', 'An image with numbered points that open notes.', {
      title: heading,
      image,
      alt,
      hotspots: { value: list({ kind: 'mapping', mapping: HOTSPOT }, { min: 1, max: 20 }), required: true, description: 'The numbered points, each with its place on the image and its note.' },
      required,
    }),
    divider: variant('divider', 'A line between parts of the page.', {}),
    download: variant('download', 'A file the learner downloads (the policy as a PDF, a checklist); packaged with the course, its size shown.', {
      file: { value: FILE, required: true, description: 'The file, as a path relative to the course folder (pdf, docx, xlsx, pptx, txt, md, csv, zip, odt, ods, odp).' },
      title: { value: text, required: true, description: 'The text of the download link, e.g. "Social Media Policy (summary)".' },
      description: { value: text, description: 'A line about the file, shown under the link.' },
    }),
    video: variant('video', 'A video from the course folder, with captions.', {
      src: { value: FILE, required: true, description: 'The video (mp4 or webm), as a path relative to the course folder.' },
      captions: {
        value: FILE,
        required: true,
        missingReportedAs: 'captions-missing',
        description: 'The captions, a WebVTT file (.vtt) relative to the course folder; required (WCAG 2.1 success criterion 1.2.2).',
      },
      title: { value: text, required: true, description: 'What the video is, for the learner and screen readers.' },
      transcript: { value: markdown, description: 'A transcript of the video in Markdown, shown in a disclosure under it.' },
    }),
    audio: variant('audio', 'An audio clip from the course folder, with its transcript.', {
      src: { value: FILE, required: true, description: 'The audio (mp3, m4a, ogg, opus, wav or webm), as a path relative to the course folder.' },
      title: { value: text, required: true, description: 'What the clip is, for the learner and screen readers.' },
      transcript: {
        value: markdown,
        required: true,
        missingReportedAs: 'transcript-missing',
        description: 'A transcript of the clip in Markdown, shown in a disclosure under it; required (WCAG 2.1 success criterion 1.2.1).',
      },
    }),
  },
};
