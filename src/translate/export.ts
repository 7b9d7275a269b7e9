// `coursepack translate export`: the course's texts for one language as XLIFF, keeping what an
// earlier export of the same file already holds (translation memory hand-off): unchanged units
// keep their translation, changed ones keep it marked for review with the old source, new ones
// are added.
import type { LoadedCourse } from '../load';
import { alignTarget, markupOf } from './codes';
import { joinParts, segment } from './inline';
import { sourceUnits, type SourceUnit } from './units';
import type { ReadUnit, ReadXliff } from './xliff-read';
import { type ExportDocument, type ExportUnit, writeXliff, type XliffVersion } from './xliff-write';

export interface ExportRequest {
  loaded: LoadedCourse;
  sourceLanguage: string;
  targetLanguage: string;
  version: XliffVersion;
  /** The file this export replaces, read back. */
  previous?: ReadXliff;
}

export function exportDocument(request: ExportRequest): ExportDocument {
  const previous = new Map((request.previous?.units ?? []).map((unit) => [unit.id, unit]));
  const main = request.loaded.main.doc;
  return {
    version: request.version,
    sourceLanguage: request.sourceLanguage,
    targetLanguage: request.targetLanguage,
    course: { id: String(main.get('id') ?? ''), version: String(main.get('version') ?? ''), file: 'course.yaml' },
    units: sourceUnits(request.loaded).map((unit) => exportUnit(unit, previous.get(unit.id))),
  };
}

export function exportXliff(request: ExportRequest): string {
  return writeXliff(exportDocument(request));
}

function exportUnit(unit: SourceUnit, previous: ReadUnit | undefined): ExportUnit {
  const { parts, codes } = segment(unit.text, unit.markdown);
  if (!previous?.target || !hasTranslation(previous)) return { source: unit, parts, codes, state: 'new' };
  const oldSource = markupOf(previous.source, previous.data);
  const target = alignTarget(markupOf(previous.target, previous.data), codes, unit.markdown);
  if (oldSource === joinParts(parts)) {
    // Still to be reviewed from an earlier change: the mark and the old source stay.
    const pending = previous.previousSource !== undefined && isUnreviewed(previous.state);
    return { source: unit, parts, codes, target, state: pending ? 'changed' : 'translated', previousSource: pending ? previous.previousSource : undefined };
  }
  return { source: unit, parts, codes, target, state: 'changed', previousSource: oldSource };
}

/** A target a translator wrote: 1.2 needs-translation and 2.0 initial without text are none. */
function hasTranslation(unit: ReadUnit): boolean {
  return unit.state !== 'needs-translation' && markupOf(unit.target ?? [], unit.data).trim() !== '';
}

function isUnreviewed(state: string | undefined): boolean {
  return state === 'initial' || state === 'needs-review-translation';
}
