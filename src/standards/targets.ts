// The packages coursepack writes, and the runtime standard (LMS API) each one speaks.
import type { Standard } from '../runtime/course-data';

/** Every package kind `--target` can name. */
export const TARGETS = ['scorm12', 'scorm2004', 'scorm2004-3rd', 'xapi', 'cmi5'] as const;
export type Target = (typeof TARGETS)[number];

/**
 * Built when nothing picks targets (no --target, --lms, `targets:` or `lms:`): one package per
 * standard. SCORM 2004 3rd Edition is for LMSs that refuse the 4th (an LMS profile picks it).
 */
export const DEFAULT_TARGETS: readonly Target[] = ['scorm12', 'scorm2004', 'xapi', 'cmi5'];

/** Both SCORM 2004 editions speak the same API (API_1484_11); they differ in manifest and limits. */
export const TARGET_STANDARD: Record<Target, Exclude<Standard, 'standalone'>> = {
  scorm12: 'scorm12',
  scorm2004: 'scorm2004',
  'scorm2004-3rd': 'scorm2004',
  xapi: 'xapi',
  cmi5: 'cmi5',
};

/** How targets are named to people (warnings, docs, inspect). */
export const TARGET_NAMES: Record<Target, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 4th Edition',
  'scorm2004-3rd': 'SCORM 2004 3rd Edition',
  xapi: 'xAPI',
  cmi5: 'cmi5',
};

export const isTarget = (name: string): name is Target => (TARGETS as readonly string[]).includes(name);
