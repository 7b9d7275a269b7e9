// A translation's inline codes against its source's: the same codes, each once, unaltered, pairs
// in order. What a CAT tool wrote back is turned into the course text with the source's markup.
import type { SourceSpan } from '../diagnostics';
import { type Code, type Part, segment } from './inline';
import { plain, type ReadCode, type ReadInline } from './xliff-read';
import type { XliffVersion } from './xliff-write';

export interface CodeProblem {
  at: SourceSpan;
  message: string;
}

/** Elements that only mark text (annotations, segment markers) and carry no markup of ours. */
const TRANSPARENT = new Set(['mrk', 'sm', 'em']);

/** The text of a source or target with each code's markup, read from the file alone. */
export function markupOf(parts: readonly ReadInline[], data: ReadonlyMap<string, string>): string {
  return pairMarkers(parts)
    .map((part) => {
      if (typeof part === 'string') return part;
      const { element, attributes } = part;
      if (element === 'ph' && attributes.dataRef !== undefined) return data.get(attributes.dataRef) ?? '';
      if (element === 'pc') return `${data.get(attributes.dataRefStart ?? '') ?? ''}${markupOf(part.content, data)}${data.get(attributes.dataRefEnd ?? '') ?? ''}`;
      return element === 'ph' ? plain(part.content) : markupOf(part.content, data);
    })
    .join('');
}

/**
 * XLIFF 2.0 §4.1.3.3–4: a CAT tool may write a spanning code as a start marker and an end marker,
 * <sc id="1"/>…<ec startRef="1"/>, where the file had <pc id="1">…</pc> (Okapi and others do,
 * e.g. after joining or splitting segments). A pair within one element that nests like a <pc>
 * is read as that <pc>; any other <sc> or <ec> stays as written, for targetParts to refuse.
 */
export function pairMarkers(parts: readonly ReadInline[]): ReadInline[] {
  const out: ReadInline[] = [];
  const open: number[] = [];
  for (const part of parts) {
    const start = open.length > 0 ? (out[open.at(-1)!] as ReadCode) : undefined;
    if (typeof part !== 'string' && part.element === 'ec' && part.attributes.startRef !== undefined && part.attributes.startRef === start?.attributes.id) {
      const index = open.pop()!;
      const content = out.splice(index + 1);
      out[index] = { element: 'pc', attributes: { id: start.attributes.id, dataRefStart: start.attributes.dataRef ?? '', dataRefEnd: part.attributes.dataRef ?? '' }, content, at: start.at };
      continue;
    }
    const item = typeof part === 'string' ? part : { ...part, content: pairMarkers(part.content) };
    if (typeof item !== 'string' && item.element === 'sc' && item.attributes.isolated !== 'yes') open.push(out.length);
    out.push(item);
  }
  return out;
}

/** A target as parts with the source's codes, and everything wrong with its codes. */
export function targetParts(target: readonly ReadInline[], codes: ReadonlyMap<number, Code>, version: XliffVersion, at: SourceSpan): { parts: Part[]; problems: CodeProblem[] } {
  const parts: Part[] = [];
  const problems: CodeProblem[] = [];
  const seen = new Map<number, number>();
  const walk = (inlines: readonly ReadInline[]) => {
    for (const inline of inlines) {
      if (typeof inline === 'string') parts.push(inline);
      else if (TRANSPARENT.has(inline.element)) walk(inline.content);
      else readCode(inline);
    }
  };
  const readCode = (inline: ReadCode) => {
    if (inline.element === 'sc' || inline.element === 'ec') {
      const name = inline.element === 'sc' ? `sc id="${inline.attributes.id ?? ''}"` : `ec startRef="${inline.attributes.startRef ?? inline.attributes.id ?? ''}"`;
      const id = inline.attributes.id ?? inline.attributes.startRef ?? '';
      problems.push({ at: inline.at, message: `The inline code <${name}> has no partner in the same element: an <sc> and its <ec startRef> together stand for the source's <pc id="${id}">.` });
      return;
    }
    const code = codes.get(Number(inline.attributes.id));
    const expected = version === '2.0' ? (code?.role === 'open' ? 'pc' : 'ph') : 'ph';
    if (!code || inline.element !== expected || (code.role === 'close' && version === '2.0')) {
      problems.push({ at: inline.at, message: `The inline code <${inline.element} id="${inline.attributes.id ?? ''}"> is not one of the source's${code ? ` (it is a <${expected}> there)` : ''}.` });
      return;
    }
    seen.set(code.id, parts.length);
    if (version === '1.2' && plain(inline.content) !== code.data) problems.push({ at: inline.at, message: `The inline code ${code.id} was altered: it stands for "${code.data}" and must stay exactly that.` });
    parts.push(code);
    if (inline.element === 'pc') {
      walk(inline.content);
      const close = codes.get(code.pair ?? -1);
      if (close) parts.push(close), seen.set(close.id, parts.length);
    }
  };
  walk(version === '2.0' ? pairMarkers(target) : target);
  for (const code of codes.values()) {
    if (!seen.has(code.id)) problems.push({ at, message: `The inline code ${code.id} ("${code.data}") was removed from the translation.` });
    else if (code.role === 'close' && (seen.get(code.id) ?? 0) < (seen.get(code.pair ?? -1) ?? 0)) problems.push({ at, message: `The inline code ${code.id} ("${code.data}") closes before ${code.pair} opens.` });
  }
  const counted = parts.filter((part): part is Code => typeof part !== 'string');
  const twice = counted.find((code, index) => counted.indexOf(code) !== index);
  if (twice) problems.push({ at, message: `The inline code ${twice.id} ("${twice.data}") is there twice.` });
  return { parts, problems };
}

/**
 * A translation kept across a source change: its markup matched to the new source's codes by
 * what they write (the first unused code of the same markup and role). Markup the new source no
 * longer has stays as text, for the reviewer to see.
 */
export function alignTarget(target: string, source: ReadonlyMap<number, Code>, markdown: boolean): Part[] {
  const used = new Set<number>();
  const mapped = new Map<number, Code>();
  const parts: Part[] = [];
  for (const part of segment(target, markdown).parts) {
    if (typeof part === 'string') {
      parts.push(part);
      continue;
    }
    const partner = part.role === 'close' ? mapped.get(part.pair ?? -1) : undefined;
    const match = partner ? source.get(partner.pair ?? -1) : [...source.values()].find((code) => !used.has(code.id) && code.data === part.data && code.role === part.role);
    if (match && match.data === part.data && !used.has(match.id)) {
      used.add(match.id);
      mapped.set(part.id, match);
      parts.push(match);
    } else {
      parts.push(part.data);
    }
  }
  return unpairOrphans(parts);
}

/** An opening code whose closing one did not survive (or the reverse) is written as text. */
function unpairOrphans(parts: Part[]): Part[] {
  const present = new Set(parts.filter((part): part is Code => typeof part !== 'string').map((code) => code.id));
  return parts.map((part) => (typeof part !== 'string' && part.role !== 'standalone' && !present.has(part.pair ?? -1) ? part.data : part));
}
