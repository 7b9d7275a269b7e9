// The emit phase: the manifest that tells the LMS what the package is and how to launch it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { builtInTemplate } from '../render/precompiled';
import type { Course } from '../model/course';
import type { BytesFile, OutputFile } from '../render/output-file';
import { cut, fieldLimit } from '../standards/limits';
import { toolRoot } from '../tool-root';

export type ManifestTarget = 'scorm12' | 'scorm2004' | 'scorm2004-3rd' | 'xapi' | 'cmi5';

/** Where each standard looks for the package's description. */
const MANIFEST_FILES: Record<ManifestTarget, string> = { scorm12: 'imsmanifest.xml', scorm2004: 'imsmanifest.xml', 'scorm2004-3rd': 'imsmanifest.xml', xapi: 'tincan.xml', cmi5: 'cmi5.xml' };

/**
 * The template of each target. Both SCORM 2004 editions share one: what coursepack writes is
 * valid in both schema sets (3rd: IMS CP 1.1.3, ADL CP 1.3 of 2006; 4th: IMS CP 1.1.4), and the
 * 4th-only markup (adlcp:completionThreshold's completedByMeasure, adlcp:data, adlseq:objectives)
 * is never written, so the template needs only the edition's schemaversion (CAM 4.1.1.1).
 */
const TEMPLATES: Record<ManifestTarget, string> = { scorm12: 'scorm12', scorm2004: 'scorm2004', 'scorm2004-3rd': 'scorm2004', xapi: 'xapi', cmi5: 'cmi5' };

/** CAM <schemaversion> per SCORM 2004 edition. */
const SCHEMA_VERSIONS: Partial<Record<ManifestTarget, string>> = { scorm2004: '2004 4th Edition', 'scorm2004-3rd': '2004 3rd Edition' };

/** What an LMS profile changes in the manifest (see standards/lms-profiles). */
export interface ManifestOptions {
  /** false: no <imsss:sequencing> for LMSs that ignore SCORM 2004 sequencing (the runtime reports success itself). */
  sequencing?: boolean;
  /** A multi-language package: every language's course, the source first (its title and description go in each). */
  editions?: readonly Course[];
}

/** cmi5 moveOn from the course's completion rules (the LMS may still override it). */
export type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed';

/** What the manifest templates see; everything is escaped by Handlebars on the way out. */
export interface ManifestView {
  id: string;
  title: string;
  /** The organization's and item's <title>: cut where the manifest's schema limits it (SCORM 1.2). */
  itemTitle: string;
  description: string;
  /**
   * Title and description in each language of the package (the source first): a multi-language
   * package names itself in all, where the manifest's standard takes a string per language.
   */
  texts: Array<{ language: string; title: string; description: string }>;
  version: string;
  /** The manifest's `version` attribute: absent when longer than IMS CP 1.1.2 allows (20). */
  manifestVersion?: string;
  language: string;
  keywords: string[];
  duration?: string;
  launch: string;
  /** 0–100, SCORM 1.2's adlcp:masteryscore. */
  masteryScore: number;
  /** 0–1, SCORM 2004's minNormalizedMeasure; absent when the course is not scored against it. */
  scaledPassingScore?: number;
  ids: { manifest: string; organization: string; item: string; resource: string; objective: string };
  /** xAPI/cmi5: the course's activity IRI, and the AU's (publisher) id below it. */
  activityId: string;
  auId: string;
  moveOn: MoveOn;
  /** SCORM 2004: the edition's <schemaversion>. */
  schemaVersion?: string;
  /** SCORM 2004: write the item's <imsss:sequencing> (the passing score as a satisfied-by-measure objective). */
  sequencing: boolean;
  /** Every file as a URI reference (percent-encoded per segment), sorted by path. */
  files: string[];
}

/** href is a URI: a space, `#`, `%` or `?` in a file name must be percent-encoded. */
export function fileHref(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

// xs:ID values must start with a letter; course ids may start with a digit.
function identifiers(courseId: string): ManifestView['ids'] {
  return { manifest: `cp-${courseId}`, organization: `org-${courseId}`, item: `item-${courseId}`, resource: `res-${courseId}`, objective: `${courseId}.passing` };
}

/**
 * What the manifest says. SCORM 1.2's schema limits <title> and manifest/@version (see
 * standards/limits): the title is cut and the version left out of that attribute, the metadata
 * keeps both whole; the build has warned about either.
 */
export function manifestView(course: Course, files: readonly OutputFile[], target: ManifestTarget, options: ManifestOptions = {}): ManifestView {
  const scored = course.completion.require.includes('passing-score');
  const titleLimit = target === 'scorm12' ? fieldLimit('title', target) : undefined;
  const versionLimit = target === 'scorm12' ? fieldLimit('version', target) : undefined;
  return {
    id: course.id,
    title: course.title,
    itemTitle: titleLimit ? cut(course.title, titleLimit) : course.title,
    description: course.description,
    texts: (options.editions ?? [course]).map((edition) => ({ language: edition.language, title: edition.title, description: edition.description })),
    version: course.version,
    ...(versionLimit === undefined || [...course.version].length <= versionLimit ? { manifestVersion: course.version } : {}),
    language: course.language,
    keywords: course.keywords,
    ...(course.duration ? { duration: course.duration } : {}),
    launch: 'index.html',
    masteryScore: course.completion.passingScore,
    ...(scored ? { scaledPassingScore: course.completion.passingScore / 100 } : {}),
    ids: identifiers(course.id),
    activityId: course.activityId,
    auId: `${course.activityId}/au`,
    moveOn: moveOnOf(course),
    ...(SCHEMA_VERSIONS[target] ? { schemaVersion: SCHEMA_VERSIONS[target] } : {}),
    sequencing: options.sequencing ?? true,
    files: files.map((file) => file.path).sort().map(fileHref),
  };
}

function moveOnOf(course: Course): MoveOn {
  const scored = course.completion.require.includes('passing-score');
  const others = course.completion.require.some((rule) => rule !== 'passing-score');
  return scored ? (others ? 'CompletedAndPassed' : 'Passed') : 'Completed';
}

const compiled = new Map<string, Handlebars.TemplateDelegate<ManifestView>>();

function template(target: ManifestTarget): Handlebars.TemplateDelegate<ManifestView> {
  const name = TEMPLATES[target];
  let found = compiled.get(name);
  if (!found) {
    const source = readFileSync(join(toolRoot(), 'templates', 'manifests', `${name}.xml.hbs`), 'utf8');
    // Strict: a name the view lacks is an error, not an empty attribute in the manifest.
    found = builtInTemplate<ManifestView>(Handlebars.create(), `manifest-${name}`, source, { strict: true });
    compiled.set(name, found);
  }
  return found;
}

export function emitManifest(target: ManifestTarget, course: Course, files: readonly OutputFile[], options: ManifestOptions = {}): BytesFile {
  const xml = template(target)(manifestView(course, files, target, options));
  return { path: MANIFEST_FILES[target], contents: Buffer.from(xml, 'utf8') };
}
