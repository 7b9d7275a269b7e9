// The `blocks:` of a content page. Every key is read from the format (src/format/blocks.ts) by
// its value kind, so each gets the same positioned errors and did-you-mean as the rest of the
// course; then the files a block names are checked and packaged like images.
import { readFileSync, statSync } from 'node:fs';
import type { Node as YamlNode } from 'yaml';
import { messages } from '../diagnostics';
import { BLOCKS, keysOf, keysOfAnyType, type MappingFormat, typesOf, type ValueFormat } from '../format';
import { displayPath } from '../load/paths';
import type { Asset, Block, BlockType } from '../model';
import { type FileKind, IMAGE_TYPES, readCourseFile, readImage } from './assets';
import type { PageInput } from './context';
import { describe, type Fields } from './reader';
import { webVttProblem } from './webvtt';

export const BLOCK_TYPES: readonly BlockType[] = typesOf(BLOCKS);

const MEDIA_BYTES = 200 * 1024 * 1024;

// The signatures players and viewers recognise a file by: ISO BMFF (MP4, M4A) has "ftyp" at
// byte 4, Matroska/WebM the EBML magic 1A 45 DF A3, Ogg "OggS", WAVE "RIFF….WAVE", MP3 an ID3
// tag or an MPEG frame sync, PDF "%PDF-", Office Open XML and OpenDocument files are zips.
const starts = (magic: string | readonly number[]) => {
  const bytes = typeof magic === 'string' ? Buffer.from(magic, 'latin1') : Buffer.from(magic);
  return (head: Buffer) => head.subarray(0, bytes.length).equals(bytes);
};
const mp4 = (head: Buffer) => head.subarray(4, 8).toString('latin1') === 'ftyp';
const webm = starts([0x1a, 0x45, 0xdf, 0xa3]);
const ogg = starts('OggS');
const zip = starts('PK\u0003\u0004');
const VIDEO: FileKind = { what: 'video', extensions: ['.mp4', '.webm'], maxBytes: MEDIA_BYTES, signatures: { '.mp4': mp4, '.webm': webm } };
const AUDIO: FileKind = {
  what: 'audio',
  extensions: ['.mp3', '.m4a', '.ogg', '.oga', '.opus', '.wav', '.webm'],
  maxBytes: MEDIA_BYTES,
  signatures: {
    '.mp3': (head) => starts('ID3')(head) || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0),
    '.m4a': mp4,
    '.ogg': ogg,
    '.oga': ogg,
    '.opus': ogg,
    '.wav': (head) => starts('RIFF')(head) && head.subarray(8, 12).toString('latin1') === 'WAVE',
    '.webm': webm,
  },
};
const CAPTIONS: FileKind = { what: 'captions file', extensions: ['.vtt'] };
const DOWNLOAD: FileKind = {
  what: 'download',
  extensions: ['.pdf', '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp', '.txt', '.md', '.csv', '.zip'],
  maxBytes: MEDIA_BYTES,
  signatures: { '.pdf': starts('%PDF-'), '.docx': zip, '.xlsx': zip, '.pptx': zip, '.odt': zip, '.ods': zip, '.odp': zip, '.zip': zip },
};

/** The blocks of a content page: [] without `blocks:`, undefined when one of them is invalid (reported). */
export function readBlocks(fields: Fields, input: PageInput): Block[] | undefined {
  const items = fields.list('blocks', { nonEmpty: true });
  if (!items) return fields.has('blocks') ? undefined : [];
  const blocks = items.map((item, index) => readBlock(fields, item, index, input));
  return blocks.every((block): block is Block => block !== undefined) ? blocks : undefined;
}

function readBlock(page: Fields, node: unknown, index: number, input: PageInput): Block | undefined {
  const { reader } = page;
  const what = `block ${index + 1} of ${page.where}`;
  const type = reader.variant(node, what, BLOCK_TYPES, keysOfAnyType(BLOCKS));
  if (!type) return undefined;
  const mapping = BLOCKS.variants[type];
  const fields = reader.object(node, `${what} (${type})`, keysOf(mapping));
  const values = fields && readMapping(fields, mapping);
  if (!fields || !values) return undefined;
  const files = readFiles(fields, type, values, input);
  if (!files) return undefined;
  return { ...values, ...files, type, span: fields.span } as Block;
}

/** The keys of a mapping by the format's value kinds; defaults filled in; undefined when any is invalid. */
function readMapping(fields: Fields, mapping: MappingFormat): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {};
  let ok = true;
  for (const [key, format] of Object.entries(mapping.keys)) {
    if (format.value.kind === 'type-tag') continue;
    if (!fields.has(key)) {
      if (format.default !== undefined) values[key] = format.default;
      continue;
    }
    const value = readValue(fields, key, format.value);
    if (value === undefined) ok = false;
    else values[key] = value;
  }
  return ok ? values : undefined;
}

function readValue(fields: Fields, key: string, format: ValueFormat): unknown {
  switch (format.kind) {
    case 'text':
      return fields.string(key, { allowEmpty: format.allowEmpty });
    case 'pattern':
      return fields.matching(key, format.pattern, format.expected);
    case 'enum':
      return fields.oneOf(key, format.values);
    case 'number':
      return fields.number(key, format);
    case 'boolean':
      return fields.boolean(key);
    case 'list':
      return readList(fields, key, format);
    default:
      // The block format uses no other kinds; a new one must be read here first.
      throw new Error(`coursepack: blocks cannot read a ${format.kind} value ("${key}")`);
  }
}

function readList(fields: Fields, key: string, format: Extract<ValueFormat, { kind: 'list' }>): unknown[] | undefined {
  const items = fields.list(key);
  if (!items) return undefined;
  if (items.length < (format.min ?? 0) || items.length > (format.max ?? Infinity)) {
    fields.reader.report.add(messages.tooFewItems(fields.spanOf(key), `"${key}" in ${fields.where}`, items.length, format.min ?? 0, format.max));
    return undefined;
  }
  if (format.items.kind !== 'mapping') {
    const texts = fields.strings(key);
    return texts && texts.length === items.length && texts.every((text) => text.trim() !== '') ? texts : invalidItems(fields, key);
  }
  const mapping = format.items.mapping;
  const read = items.map((item, index) => {
    const sub = fields.reader.object(item, `item ${index + 1} of "${key}" in ${fields.where}`, keysOf(mapping));
    return sub && readMapping(sub, mapping);
  });
  return read.every(Boolean) ? read : undefined;
}

/** A list of texts with an empty item (the others are reported by Fields.strings). */
function invalidItems(fields: Fields, key: string): undefined {
  const node = fields.raw(key);
  const items = node && 'items' in node && Array.isArray(node.items) ? (node.items as unknown[]) : [];
  const empty = items.find((item) => describe(item) === 'empty' || describe(item) === 'empty text');
  if (empty !== undefined) fields.reader.report.add(messages.wrongType(fields.reader.span(empty as YamlNode), `each item of "${key}" in ${fields.where}`, 'non-empty text', describe(empty)));
  return undefined;
}

/**
 * The files a block names, resolved (and packaged), or undefined when one is missing or wrong.
 * A key whose absence has its own code is not reported missing when a key was misspelt: that
 * one's "did you mean" already says it.
 */
function readFiles(fields: Fields, type: BlockType, values: Record<string, unknown>, input: PageInput): Record<string, unknown> | undefined {
  const file = (key: string, kind: FileKind | 'image'): Asset | undefined => {
    const path = values[key] as string;
    const asset = kind === 'image' ? readImage(fields.reader, path, fields.spanOf(key)) : readCourseFile(fields.reader, path, fields.spanOf(key), kind);
    if (asset) input.context.assets.push(asset);
    return asset;
  };
  switch (type) {
    case 'image':
    case 'image-text':
    case 'labelled-graphic': {
      if (!fields.has('alt') && !fields.hasUnknownKeys) fields.reader.report.add(messages.imageWithoutAlt(fields.spanOf('image'), values.image as string));
      const image = file('image', 'image');
      return image && fields.has('alt') ? { image } : undefined;
    }
    case 'download': {
      const asset = file('file', DOWNLOAD);
      return asset && { file: { ...asset, bytes: statSync(asset.absolutePath).size } };
    }
    case 'video': {
      if (!fields.has('captions') && !fields.hasUnknownKeys) fields.reader.report.add(messages.captionsMissing(fields.spanOf('src'), values.src as string));
      const src = file('src', VIDEO);
      const captions = fields.has('captions') ? file('captions', CAPTIONS) : undefined;
      return src && captions && checkCaptions(fields, captions) ? { src, captions } : undefined;
    }
    case 'audio': {
      if (!fields.has('transcript') && !fields.hasUnknownKeys) fields.reader.report.add(messages.transcriptMissing(fields.spanOf('src'), values.src as string));
      const src = file('src', AUDIO);
      return src && fields.has('transcript') ? { src } : undefined;
    }
    default:
      return {};
  }
}

/** The captions must be WebVTT a browser shows; a problem is reported where it is in the .vtt file. */
function checkCaptions(fields: Fields, captions: Asset): boolean {
  let text: string;
  try {
    text = readFileSync(captions.absolutePath, 'utf8');
  } catch (cause) {
    fields.reader.report.add(messages.fileUnreadable(captions.span, captions.path, cause));
    return false;
  }
  const problem = webVttProblem(text, displayPath(captions.absolutePath));
  if (problem) fields.reader.report.add(problem);
  return !problem;
}
