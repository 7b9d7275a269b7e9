// The translatable texts of a loaded course, found from the course format alone: every value
// whose format is text (Markdown or plain) and not verbatim (paths, versions, references), in
// whichever mapping, list or page type it sits. A key another part of the format adds later is
// translated without a change here.
import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import type { SourceFile } from '../diagnostics';
import { COURSE, FAMILIES, type KeyFormat, type MappingFormat, type ValueFormat } from '../format';
import type { LoadedCourse } from '../load';
import { FIELD_LIMITS, STANDARD_NAMES, type LimitedStandard } from '../standards/limits';

/** One text of the course a translator translates. */
export interface SourceUnit {
  /** Stable, from the YAML ids along the way: pages.reasons.body (an XLIFF 2.0 NMTOKEN). */
  id: string;
  /** The same path with slashes, as a reader names it: pages/reasons/body. */
  path: string;
  text: string;
  markdown: boolean;
  /** An empty translation is allowed (a decorative image's alt text). */
  allowEmpty: boolean;
  /** Where the text appears and what it is, for the translator. */
  note: string;
  /** The most characters a field keeps in some LMS (src/standards/limits.ts). */
  limit?: { max: number; field: string };
  /** The YAML scalar holding the text: a translation is put in its place. */
  node: Scalar;
  file: SourceFile;
}

interface Place {
  file: SourceFile;
  /** Path segments: YAML ids, keys, and 1-based positions where a list item has no id. */
  path: string[];
  /** Where a learner meets the text, in words: 'content "welcome" › media 1'. */
  where: string[];
  /** The position of a text in a list of texts (keywords, fill-in answers). */
  item?: string;
}

/** Every translatable text of the course, in document order (included files where included). */
export function sourceUnits(loaded: LoadedCourse): SourceUnit[] {
  const units: SourceUnit[] = [];
  walkMapping(COURSE, loaded.main.doc.contents, { file: loaded.main, path: [], where: [] }, loaded, units);
  return units;
}

function walkMapping(format: MappingFormat, node: unknown, place: Place, loaded: LoadedCourse, units: SourceUnit[]): void {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const keyFormat = format.keys[key];
    if (keyFormat) walkValue(keyFormat.value, pair.value, { ...place, path: [...place.path, key] }, { key, keyFormat, loaded, units });
  }
}

interface Visit {
  key: string;
  keyFormat: KeyFormat;
  loaded: LoadedCourse;
  units: SourceUnit[];
}

function walkValue(format: ValueFormat, node: unknown, place: Place, visit: Visit): void {
  switch (format.kind) {
    case 'text':
      if (!format.verbatim && isScalar(node) && node.value !== null && String(node.value).trim() !== '') visit.units.push(unitOf(node as Scalar, format.markdown === true, format.allowEmpty === true, place, visit));
      return;
    case 'mapping':
      // A mapping under a key is named by it (certificate › signatory › name): a translator
      // tells a contact's name from a signatory's. A list item is already named by walkList.
      return walkMapping(format.mapping, node, { ...place, where: [...place.where, visit.key] }, visit.loaded, visit.units);
    case 'dictionary':
      if (!isMap(node)) return;
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : '';
        walkMapping(format.values, pair.value, { ...place, path: [...place.path, name], where: [...place.where, `${format.values.name} "${name}"`] }, visit.loaded, visit.units);
      }
      return;
    case 'variant': {
      const variant = isMap(node) ? FAMILIES[format.family].variants[typeOf(node)] : undefined;
      if (variant) walkMapping(variant, node, place, visit.loaded, visit.units);
      return;
    }
    case 'list':
      return walkList(format.items, node, place, visit);
    default:
      // Ids, patterns, numbers, enums, booleans, type tags: never translated.
      return;
  }
}

/** List items are named by their `id` where they have one, else by their position from 1. */
function walkList(items: ValueFormat, node: unknown, place: Place, visit: Visit): void {
  if (!isSeq(node)) return;
  let position = 0;
  for (const item of node.items) {
    for (const [file, member] of expandInclude(item, place.file, visit.loaded)) {
      position += 1;
      const name = idOf(member) ?? String(position);
      const where = isMap(member) ? [...place.where, `${typeOf(member) || visit.key} ${idOf(member) ? `"${name}"` : name}`] : place.where;
      const itemPlace = { file, path: [...place.path, name], where, item: isMap(member) ? undefined : name };
      if (items.kind === 'mapping') walkMapping(items.mapping, member, itemPlace, visit.loaded, visit.units);
      else walkValue(items, member, itemPlace, visit);
    }
  }
}

/** An `include:` item stands for its file's content: one page, or the questions of a pool. */
function expandInclude(item: unknown, file: SourceFile, loaded: LoadedCourse): Array<[SourceFile, unknown]> {
  const included = isMap(item) ? loaded.includes.get(item as YAMLMap) : undefined;
  if (!included) return [[file, item]];
  const content = included.doc.contents;
  return isSeq(content) ? content.items.map((member): [SourceFile, unknown] => [included, member]) : [[included, content]];
}

function typeOf(node: YAMLMap): string {
  const type = node.get('type');
  return typeof type === 'string' ? type : '';
}

function idOf(node: unknown): string | undefined {
  if (!isMap(node)) return undefined;
  const id = node.get('id');
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function unitOf(node: Scalar, markdown: boolean, allowEmpty: boolean, place: Place, visit: Visit): SourceUnit {
  const limit = place.path.length <= 2 ? fieldLimitOf(place.path[0] ?? '') : undefined;
  const where = ['course', ...place.where, visit.key].join(' › ') + (place.item ? `, item ${place.item}` : '');
  const note = `${where}${markdown ? ' (Markdown)' : ''}. ${visit.keyFormat.description}`;
  return { id: place.path.join('.'), path: place.path.join('/'), text: String(node.value), markdown, allowEmpty, note, limit, node, file: place.file };
}

/** The strictest manifest limit of a course.yaml key (title, description, keywords), if any. */
function fieldLimitOf(key: string): SourceUnit['limit'] {
  let found: SourceUnit['limit'];
  for (const limit of FIELD_LIMITS) {
    if (limit.key !== key) continue;
    for (const [standard, max] of Object.entries(limit.max) as Array<[LimitedStandard, number]>) {
      if (!found || max < found.max) found = { max, field: `${limit.field} (${STANDARD_NAMES[standard]})` };
    }
  }
  return found;
}

