import { messages } from '../diagnostics';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ANSWER_REVIEWS, DATE, DURATION, durationSeconds, keysOf, keysOfAnyType, MEDIA, PAGES, POLICY, POLICY_VERSION, typesOf } from '../format';
import type { Asset, AttestationPage, ContentPage, Media, Page, PageType, Policy, ResultsPage } from '../model';
import { readImage } from './assets';
import { readBlocks } from './blocks';
import { courseFile } from './markdown';
import type { PageInput, ValidationContext } from './context';
import { readQuiz } from './quiz';
import { type Fields, labelOf } from './reader';
import { readScenario } from './scenario';

export const PAGE_TYPES: readonly PageType[] = typesOf(PAGES);

export function readPage(input: PageInput): Page | undefined {
  const { reader, node } = input;
  const type = reader.variant(node, `page "${labelOf(node)}"`, PAGE_TYPES, keysOfAnyType(PAGES));
  if (!type) return undefined;
  const fields = reader.object(node, `page "${labelOf(node)}"`, keysOf(PAGES.variants[type]));
  if (!fields) return undefined;
  const id = fields.id('id');
  if (id) input.context.ids.claim(id, fields.spanOf('id'));
  const page = readPageOfType(type, id, fields, input);
  const minTime = fields.has('min-time') ? fields.matching('min-time', DURATION.pattern, DURATION.expected) : undefined;
  if (!page || (fields.has('min-time') && minTime === undefined)) return undefined;
  return minTime === undefined ? page : { ...page, minTime: durationSeconds(minTime) };
}

function readPageOfType(type: PageType, id: string | undefined, fields: Fields, input: PageInput): Page | undefined {
  switch (type) {
    case 'content':
      return complete(id, readContent(fields, input));
    case 'scenario':
      return complete(id, readScenario(fields, input.context));
    case 'quiz':
      return complete(id, readQuiz(fields, input.context));
    case 'attestation':
      return complete(id, readAttestation(fields, input.context));
    case 'results':
      return complete(id, readResults(fields, input.context.strings));
  }
}

/** Builds the page only when every part of it was valid; problems are already reported. */
function complete<T extends Omit<Page, 'id'>>(id: string | undefined, page: Partial<T> | undefined): (T & { id: string }) | undefined {
  if (!id || !page) return undefined;
  return { ...(page as T), id };
}

/** `strings`: a page without a title of its own is headed in the course's language. */
function readResults(fields: Fields, strings: ValidationContext['strings']): Omit<ResultsPage, 'id'> | undefined {
  const review = fields.has('review') ? fields.oneOf('review', ANSWER_REVIEWS) : 'answers';
  const certificate = fields.has('certificate') ? fields.boolean('certificate') : true;
  if (review === undefined || certificate === undefined) return undefined;
  return { type: 'results', title: fields.string('title') ?? strings.resultsTitle ?? '', body: fields.string('body'), review, certificate, span: fields.span };
}

function readContent(fields: Fields, input: PageInput): Omit<ContentPage, 'id'> | undefined {
  const title = fields.string('title');
  const body = fields.string('body');
  const media = readMedia(fields, input);
  const blocks = readBlocks(fields, input);
  // A page of blocks needs no body; a page with neither would be empty. A misspelt key (reported
  // with its "did you mean") may be the body: a second message would add nothing.
  if (!fields.has('body') && !fields.has('blocks')) {
    if (!fields.hasUnknownKeys) fields.reader.report.add(messages.missingKey(fields.span, 'body', fields.where, `Add "body: |" with the text of the page, or "blocks:" with its content blocks.`));
    return undefined;
  }
  if (title === undefined || (fields.has('body') && body === undefined) || media === undefined || blocks === undefined) return undefined;
  return { type: 'content', title, ...(body !== undefined && { body }), media, blocks, span: fields.span };
}

function readMedia(fields: Fields, input: PageInput): Media[] | undefined {
  const items = fields.list('media');
  if (!items) return fields.has('media') ? undefined : [];
  const media: Media[] = [];
  let ok = true;
  for (const item of items) {
    const sub = fields.reader.object(item, 'a media item', keysOf(MEDIA));
    const read = sub && readImageWithAlt(sub, input.context);
    if (!sub || !read) {
      ok = false;
      continue;
    }
    media.push({ ...read, caption: sub.string('caption'), span: sub.span });
  }
  return ok ? media : undefined;
}

/** `image` and its `alt` text (required, "" for a decorative image), the image packaged with the course. */
export function readImageWithAlt(fields: Fields, context: ValidationContext): { image: Asset; alt: string } | undefined {
  const path = fields.string('image');
  if (path === undefined) return undefined;
  if (!fields.has('alt')) fields.reader.report.add(messages.imageWithoutAlt(fields.spanOf('image'), path));
  const alt = fields.has('alt') ? fields.string('alt', { allowEmpty: true }) : undefined;
  const image = readImage(fields.reader, path, fields.spanOf('image'));
  if (!image || alt === undefined) return undefined;
  context.assets.push(image);
  return { image, alt };
}

function readAttestation(fields: Fields, context: ValidationContext): Omit<AttestationPage, 'id'> | undefined {
  const statement = fields.string('statement');
  const policy = fields.has('policy') ? readPolicy(fields, context) : undefined;
  if (statement === undefined || (fields.has('policy') && !policy)) return undefined;
  const title = fields.string('title') ?? context.strings.attestationTitle ?? '';
  return { type: 'attestation', title, body: fields.string('body'), statement, ...(policy && { policy }), span: fields.span };
}

/** The policy and its document, packaged like any linked file; its hash is taken here, at build time. */
function readPolicy(fields: Fields, context: ValidationContext): Policy | undefined {
  const sub = fields.reader.object(fields.raw('policy'), 'policy', keysOf(POLICY));
  if (!sub) return undefined;
  const title = sub.string('title');
  const version = sub.matching('version', POLICY_VERSION.pattern, POLICY_VERSION.expected);
  const effectiveDate = sub.has('effective-date') ? sub.matching('effective-date', DATE.pattern, DATE.expected) : undefined;
  const path = sub.string('document');
  const document = path === undefined ? undefined : courseFile(sub.reader, path, sub.spanOf('document'), 'linked file');
  if (title === undefined || version === undefined || !document || (sub.has('effective-date') && !effectiveDate)) return undefined;
  context.assets.push(document);
  const sha256 = createHash('sha256').update(readFileSync(document.absolutePath)).digest('hex');
  return { title, version, versionSpan: sub.spanOf('version'), ...(effectiveDate && { effectiveDate }), document, sha256 };
}
