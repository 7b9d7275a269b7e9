// What translate export takes from a course: found from the format's value kinds alone, so a key
// another part of the format adds is translated with no change to src/translate; and Markdown
// split into words and inline codes that give the text back exactly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../cli/run-cli';
import { Report } from '../../../src/diagnostics';
import { FAMILIES, filePath, markdown, MEDIA } from '../../../src/format';
import { loadCourse } from '../../../src/load';
import { alignTarget } from '../../../src/translate/codes';
import { joinParts, segment, unwrap } from '../../../src/translate/inline';
import { sourceUnits } from '../../../src/translate/units';

function unitsOf(yaml: string): Array<[string, string]> {
  const dir = tempDir();
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'course.yaml'), yaml);
  const loaded = loadCourse(dir, new Report());
  if (!loaded) throw new Error('not loaded');
  return sourceUnits(loaded).map((unit) => [unit.id, unit.text]);
}

const COURSE = `id: c
title: T
version: 1.0.0
language: en
description: D
pages:
  - id: p
    type: content
    title: Page
    subtitle: A new key
    body: Body
    media:
      - { image: assets/a.png, alt: Alt, credit: Photo by us, source: assets/raw.psd }
`;

test('a text key added to the format later is exported; a path key is not; neither needs a change here', () => {
  const content = FAMILIES.page.variants.content as { keys: Record<string, unknown> };
  const media = MEDIA as { keys: Record<string, unknown> };
  const before = unitsOf(COURSE).map(([id]) => id);
  expect(before).toEqual(['title', 'description', 'pages.p.title', 'pages.p.body', 'pages.p.media.1.alt']);
  content.keys.subtitle = { value: markdown, description: 'A subtitle.' };
  media.keys.credit = { value: { kind: 'text' }, description: 'Who made it.' };
  media.keys.source = { value: filePath, description: 'The original file.' };
  try {
    expect(unitsOf(COURSE)).toEqual([
      ['title', 'T'],
      ['description', 'D'],
      ['pages.p.title', 'Page'],
      ['pages.p.subtitle', 'A new key'],
      ['pages.p.body', 'Body'],
      ['pages.p.media.1.alt', 'Alt'],
      ['pages.p.media.1.credit', 'Photo by us'],
    ]);
  } finally {
    delete content.keys.subtitle;
    delete media.keys.credit;
    delete media.keys.source;
  }
});

describe('inline codes', () => {
  const cases = [
    'Plain text.',
    'Read **every** step and _this_ and ***both***.',
    'A [link](https://example.com/a_b "Title") and ![an image](assets/x.png) and <https://example.com>.',
    'Code `a * b` stays, \\*escaped\\* too, &amp; entities, {placeholder}.',
    '# Heading\n\n1. one\n2. two\n\n> quoted\n\n- a\n- b\n',
    'snake_case_word and 2*3*4 and **unclosed',
    'Crossing *em [link* text](u) ends',
    'Before\n\n```yaml\nkey: value\nother: *x*\n```\n\nAfter',
    '| a | b |\n|---|---|\n| c | d |\n',
    'Title\n=====\n\nline  \nhard break',
  ];

  it.each(cases)('give the text back exactly: %j', (text) => {
    expect(joinParts(segment(text, true).parts)).toBe(unwrap(text));
  });

  it('pair emphasis and link brackets, nested as XML elements must be', () => {
    const roles = (text: string) => segment(text, true).parts.filter((part) => typeof part !== 'string').map((code) => (typeof code === 'string' ? '' : `${code.data}:${code.role}`));
    expect(roles('**a [b](u) c**')).toEqual(['**:open', '[:open', '](u):close', '**:close']);
    expect(roles('Crossing *em [link* text](u)')).toEqual(['*:open', '[:standalone', '*:close', '](u):standalone']);
    expect(roles('snake_case')).toEqual([]);
  });

  it('a soft wrap inside a paragraph is a space; a break before a list item is a code; fences, tables, underlines and hard breaks keep their lines', () => {
    expect(unwrap('one\ntwo\n\n- three\n- four')).toBe('one two\n\n- three\n- four');
    expect(unwrap('calms down.\n**Always say so.**\n_Really._\n#hashtag')).toBe('calms down. **Always say so.** _Really._ #hashtag');
    for (const kept of ['```\na\nb\n```', '| a |\n| b |', 'Title\n=====', 'Title\n---', 'a\n***', 'a  \nb', 'text\n    code', 'a\n# Heading', 'a\n* item', 'a\n2. item']) expect(unwrap(kept)).toBe(kept);
    expect(segment('Run\n\n```\nrm -rf *\n```', true).parts).toEqual(['Run', { id: 1, data: '\n\n', role: 'standalone' }, { id: 2, data: '```\nrm -rf *\n```', role: 'standalone' }]);
    expect(segment('one\ntwo\n- three', true).parts).toEqual(['one two', { id: 1, data: '\n- ', role: 'standalone' }, 'three']);
  });

  it('plain text protects only placeholders', () => {
    expect(segment('Page {n} of **{total}**', false).parts).toEqual(['Page ', { id: 1, data: '{n}', role: 'standalone' }, ' of **', { id: 2, data: '{total}', role: 'standalone' }, '**']);
  });

  it('a kept translation takes the new source\'s codes by their markup; markup the source lost stays as text', () => {
    const { codes } = segment('Read **every** [rule](u).', true);
    const parts = alignTarget('Lies **jede** [Regel](u) und *mehr*.', codes, true);
    expect(parts.map((part) => (typeof part === 'string' ? part : part.id))).toEqual(['Lies ', 1, 'jede', 2, ' ', 3, 'Regel', 4, ' und ', '*', 'mehr', '*', '.']);
  });
});

describe('the keys the blocks, character, certificate, cover, contact and policy formats added', () => {
  const FEATURES = `id: c
title: T
version: 1.0.0
language: en
description: D
theme: { brand-color: "#0b5394", logo: assets/logo.svg, font: "Inter, sans-serif" }
certificate:
  organisation: Org
  logo: assets/logo.svg
  signatory: { name: Signer, title: Signer title }
  show-score: true
cover: { image: assets/hero.svg, alt: Cover alt, text: Cover text }
contact: { name: Contact name, email: trainer@example.com, url: https://example.com/help }
min-time: PT10M
activity-id: https://example.com/courses/c
pages:
  - id: p
    type: content
    title: Page
    blocks:
      - { type: callout, style: policy, title: Callout title, text: Callout text, reference: Section 3 }
      - { type: image, image: assets/a.png, alt: Image alt, caption: Image caption }
      - { type: quote, text: Quoted, name: Quote name, role: Quote role }
      - { type: labelled-graphic, image: assets/a.png, alt: Graphic alt, hotspots: [{ x: 10, y: 20, title: Spot, text: Spot text }] }
      - { type: download, file: assets/policy.pdf, title: Download title, description: Download description }
      - { type: video, src: assets/v.webm, captions: assets/v.vtt, title: Video title, transcript: Video transcript }
      - { type: audio, src: assets/a.mp3, title: Audio title, transcript: Audio transcript }
  - id: s
    type: scenario
    title: Scenario
    character: { name: Character name, role: Character role, image: assets/maya.svg, alt: Portrait alt }
    start: one
    scenes:
      one: { text: Scene, choices: [{ text: Choice, next: two }] }
      two: { text: End, outcome: pass }
  - id: a
    type: attestation
    statement: I agree.
    policy: { title: Policy title, version: "2.1", effective-date: 2026-03-01, document: assets/policy.pdf }
`;

  it('export every learner-visible text and nothing a learner reads verbatim (paths, addresses, versions, dates, scene ids, colours)', () => {
    const texts = unitsOf(FEATURES).map(([, text]) => text);
    expect(texts).toEqual([
      'T', 'D', 'Org', 'Signer', 'Signer title', 'Cover alt', 'Cover text', 'Contact name',
      'Page', 'Callout title', 'Callout text', 'Section 3', 'Image alt', 'Image caption', 'Quoted', 'Quote name', 'Quote role',
      'Graphic alt', 'Spot', 'Spot text', 'Download title', 'Download description', 'Video title', 'Video transcript', 'Audio title', 'Audio transcript',
      'Scenario', 'Character name', 'Character role', 'Portrait alt', 'Scene', 'Choice', 'End',
      'I agree.', 'Policy title',
    ]);
  });

  it('a note names the mapping a text sits in, so the name of a contact and of a signatory differ', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'course.yaml'), FEATURES);
    const loaded = loadCourse(dir, new Report());
    const notes = new Map(sourceUnits(loaded!).map((unit) => [unit.id, unit.note.split('.')[0]]));
    expect(notes.get('certificate.signatory.name')).toBe('course › certificate › signatory › name');
    expect(notes.get('contact.name')).toBe('course › contact › name');
    expect(notes.get('pages.s.character.name')).toBe('course › scenario "s" › character › name');
    expect(notes.get('pages.p.blocks.4.hotspots.1.title')).toBe('course › content "p" › labelled-graphic 4 › hotspots 1 › title');
  });
});
