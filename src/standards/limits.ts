// What the standards require an LMS to keep: the one table of limits that validation (warnings),
// rendering (the suspend-data budget, interaction descriptions) and emit (manifests) read.
// An SPM ("smallest permitted maximum") is what every conforming LMS keeps; many keep no more.

/** The standards whose LMSs cut texts; xAPI and cmi5 set no such limits. */
export type LimitedStandard = 'scorm12' | 'scorm2004';

export const STANDARD_NAMES: Record<LimitedStandard, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004' };

/** The SCORM packages: the targets whose LMSs keep suspend data within a limit. */
export type ScormTarget = 'scorm12' | 'scorm2004' | 'scorm2004-3rd';

/**
 * cmi.suspend_data: SCORM 1.2 RTE 3.4.2 (CMIString4096); SCORM 2004 3rd ed. RTE 4.2.23
 * (characterstring, SPM 4000); 4th ed. RTE 4.2.23 (SPM 64000).
 */
export const SUSPEND_DATA_LIMITS: Record<ScormTarget, number> = { scorm12: 4096, scorm2004: 64000, 'scorm2004-3rd': 4000 };

export const isScormTarget = (target: string): target is ScormTarget => target in SUSPEND_DATA_LIMITS;

/** cmi.interactions.n.description: SCORM 2004 4th ed. RTE (localized_string_type, SPM 250). */
export const INTERACTION_DESCRIPTION_LIMIT = 250;

/**
 * The SCORM interaction id of an attestation naming a policy. SCORM 1.2 RTE 3.4.2
 * (cmi.interactions.n.id, CMIIdentifier): at most 255 characters, no spaces; 2004
 * long_identifier_type: 4000. A page id (64), a policy version (32, POLICY_VERSION in
 * src/format/values.ts) and a SHA-256 in hex (64) make at most 170, no spaces.
 */
export function policyInteractionId(pageId: string, version: string, sha256: string): string {
  return `${pageId}.v${version}.sha256-${sha256}`;
}

/** A course.yaml text that goes into a manifest field an LMS may cut. */
export interface FieldLimit {
  key: 'title' | 'description' | 'keywords' | 'version';
  /** The field, in words, for the warning. */
  field: string;
  /** Characters kept, by standard. */
  max: Partial<Record<LimitedStandard, number>>;
  /** What the course author can do instead. */
  advice: string;
}

/** Per key, the strictest limit first: a text is warned about once, by the first limit it passes. */
export const FIELD_LIMITS: readonly FieldLimit[] = [
  // SCORM 1.2: imscp_rootv1p1p2.xsd, titleType maxLength 200 (a schema error, so emit cuts it);
  // SCORM 2004 4th ed. CAM 3.4.1 (organization and item <title>): characterstring, SPM 200.
  { key: 'title', field: "the manifest's <title>, the name the LMS lists the course by", max: { scorm12: 200, scorm2004: 200 }, advice: 'the description or the first page can say the rest' },
  // SCORM 1.2: imscp_rootv1p1p2.xsd, manifest/@version maxLength 20 (emit leaves it out when longer).
  { key: 'version', field: "the manifest's version attribute", max: { scorm12: 20 }, advice: 'e.g. "2.1.0"' },
  // IEEE LOM 1484.12.1 (IMS LRM 1.2.1 for SCORM 1.2): 2.1 version SPM 50, 1.5 description SPM
  // 2000, 1.6 keyword SPM 1000.
  { key: 'version', field: 'the metadata version', max: { scorm12: 50, scorm2004: 50 }, advice: 'e.g. "2.1.0"' },
  { key: 'description', field: 'the metadata description, shown in the LMS catalogue', max: { scorm12: 2000, scorm2004: 2000 }, advice: 'the first page can say the rest' },
  { key: 'keywords', field: 'each metadata keyword', max: { scorm12: 1000, scorm2004: 1000 }, advice: 'keywords are words or short phrases' },
];

/** The limit of a field in one standard's manifest, if it has one. */
export function fieldLimit(key: FieldLimit['key'], standard: LimitedStandard): number | undefined {
  const limits = FIELD_LIMITS.filter((limit) => limit.key === key).map((limit) => limit.max[standard]);
  return limits.find((max) => max !== undefined);
}

/** Cuts a text to `limit` characters (code points), marking the cut with an ellipsis. */
export function cut(text: string, limit: number): string {
  const characters = [...text];
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join('')}…`;
}
