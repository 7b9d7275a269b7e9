// Writes the units as XLIFF 2.0 (OASIS Standard, 2014) or 1.2 (OASIS Standard, 2008), the two
// versions CAT tools read. Both validate against the OASIS schemas (2.0 core with the size
// restriction module; 1.2 strict).
import type { Code, Part } from './inline';
import type { SourceUnit } from './units';

export type XliffVersion = '2.0' | '1.2';
export const XLIFF_FORMATS = { xliff2: '2.0', xliff12: '1.2' } as const satisfies Record<string, XliffVersion>;

/** Where a unit's translation stands. */
export type UnitState = 'new' | 'translated' | 'changed';

export interface ExportUnit {
  source: SourceUnit;
  parts: Part[];
  codes: Map<number, Code>;
  /** The translation, in parts whose codes are the source's. */
  target?: Part[];
  state: UnitState;
  /** The source the translation was made for, when the source has changed since. */
  previousSource?: string;
}

export interface ExportDocument {
  version: XliffVersion;
  sourceLanguage: string;
  targetLanguage: string;
  /** The course's id, version and file, named in the file's header. */
  course: { id: string; version: string; file: string };
  units: ExportUnit[];
}

export const PREVIOUS_SOURCE = 'previous-source';

export function writeXliff(doc: ExportDocument): string {
  return doc.version === '2.0' ? writeXliff2(doc) : writeXliff12(doc);
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

function writeXliff2(doc: ExportDocument): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0" version="2.0" srcLang="${escapeAttr(doc.sourceLanguage)}" trgLang="${escapeAttr(doc.targetLanguage)}">`,
    `  <file id="${escapeAttr(doc.course.id)}" original="${escapeAttr(doc.course.file)}">`,
    // Length limits count characters (code points), as the limits of src/standards/limits.ts do.
    '    <slr:profiles generalProfile="xliff:codepoints"/>',
    '    <notes>',
    `      <note category="course">${escapeText(`${doc.course.id} ${doc.course.version}`)}</note>`,
    '    </notes>',
  ];
  for (const unit of doc.units) lines.push(...unit2(unit));
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

function unit2(unit: ExportUnit): string[] {
  const limit = unit.source.limit ? ` slr:sizeRestriction="${unit.source.limit.max}"` : '';
  const lines = [`    <unit id="${escapeAttr(unit.source.id)}" name="${escapeAttr(unit.source.path)}"${limit}>`, '      <notes>', `        <note category="location">${escapeText(unit.source.note)}</note>`];
  if (unit.source.limit) lines.push(`        <note category="length">${escapeText(limitNote(unit.source.limit))}</note>`);
  if (unit.previousSource !== undefined) lines.push(`        <note category="${PREVIOUS_SOURCE}">${escapeText(unit.previousSource)}</note>`);
  lines.push('      </notes>');
  if (unit.codes.size > 0) {
    lines.push('      <originalData>');
    for (const code of unit.codes.values()) lines.push(`        <data id="d${code.id}">${escapeText(code.data)}</data>`);
    lines.push('      </originalData>');
  }
  // 2.0 §4.3.1.28: initial is untranslated or to be reviewed; translated keeps the translator's work.
  const state = unit.state === 'translated' ? 'translated' : 'initial';
  lines.push(`      <segment state="${state}">`, `        <source xml:space="preserve">${inline2(unit.parts)}</source>`);
  if (unit.target) lines.push(`        <target xml:space="preserve">${inline2(unit.target)}</target>`);
  lines.push('      </segment>', '    </unit>');
  return lines;
}

/** 2.0 inline codes: a pair as <pc> around its content, any other code as <ph>, data by reference. */
function inline2(parts: readonly Part[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += escapeText(part);
    else if (part.role === 'open') out += `<pc id="${part.id}" dataRefStart="d${part.id}" dataRefEnd="d${part.pair}" canOverlap="no">`;
    else if (part.role === 'close') out += '</pc>';
    else out += `<ph id="${part.id}" dataRef="d${part.id}"/>`;
  }
  return out;
}

function writeXliff12(doc: ExportDocument): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">',
    `  <file original="${escapeAttr(doc.course.file)}" source-language="${escapeAttr(doc.sourceLanguage)}" target-language="${escapeAttr(doc.targetLanguage)}" datatype="x-markdown" product-name="${escapeAttr(doc.course.id)}" product-version="${escapeAttr(doc.course.version)}">`,
    '    <body>',
  ];
  for (const unit of doc.units) lines.push(...unit12(unit));
  lines.push('    </body>', '  </file>', '</xliff>', '');
  return lines.join('\n');
}

function unit12(unit: ExportUnit): string[] {
  const limit = unit.source.limit ? ` maxwidth="${unit.source.limit.max}" size-unit="char"` : '';
  const lines = [`      <trans-unit id="${escapeAttr(unit.source.id)}" resname="${escapeAttr(unit.source.path)}"${limit} xml:space="preserve">`, `        <source>${inline12(unit.parts)}</source>`];
  // 1.2 §2.5 state values: needs-translation, needs-review-translation, translated.
  if (unit.target) lines.push(`        <target state="${unit.state === 'changed' ? 'needs-review-translation' : 'translated'}">${inline12(unit.target)}</target>`);
  lines.push(`        <note from="coursepack" annotates="source">${escapeText(unit.source.note)}</note>`);
  if (unit.source.limit) lines.push(`        <note from="coursepack" annotates="target">${escapeText(limitNote(unit.source.limit))}</note>`);
  if (unit.previousSource !== undefined) lines.push(`        <note from="${PREVIOUS_SOURCE}" annotates="source">${escapeText(unit.previousSource)}</note>`);
  lines.push('      </trans-unit>');
  return lines;
}

/** 1.2 inline codes: every code a <ph> holding its markup, so the file alone gives the source back. */
function inline12(parts: readonly Part[]): string {
  return parts.map((part) => (typeof part === 'string' ? escapeText(part) : `<ph id="${part.id}"${part.role === 'standalone' ? '' : ` ctype="x-${part.role}"`}>${escapeText(part.data)}</ph>`)).join('');
}

function limitNote(limit: NonNullable<SourceUnit['limit']>): string {
  return `At most ${limit.max} characters: ${limit.field}.`;
}
