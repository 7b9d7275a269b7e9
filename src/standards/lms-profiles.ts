// What is known of the LMSs companies run, as data: which packages each takes, what it keeps and
// what it shows. validate/lms-profile.ts turns a profile into build warnings, compile.ts into the
// targets, the manifest options and the runtime's generic tracking options; nothing else reads
// an LMS's name. Every fact has its public source in docs/lms-profiles.md (one table).
import { isScormTarget, type ScormTarget, SUSPEND_DATA_LIMITS } from './limits';
import { type Target, TARGET_STANDARD } from './targets';

export const LMS_IDS = ['cornerstone', 'successfactors', 'workday', 'docebo', 'totara', 'talentlms', 'moodle', 'canvas', 'blackboard', 'absorb', 'scorm-cloud'] as const;
export type LmsId = (typeof LMS_IDS)[number];

export interface LmsProfile {
  /** How people call it, in warnings. */
  name: string;
  /** The packages it takes, the ones built for it first; --target may still pick any of these. */
  takes: readonly Target[];
  /** Built for it when nothing else picks targets. */
  builds: readonly Target[];
  /** false: it ignores SCORM 2004 sequencing, so the manifest leaves <imsss:sequencing> out. */
  sequencing: boolean;
  /** Minutes between keep-alive calls while the course is open; its session ends otherwise. */
  keepAliveMinutes?: number;
  /** Suspend data it keeps, where less than or other than the standard's. */
  suspendData?: Partial<Record<ScormTarget, number>>;
  /** Packages in which a failed course is not shown as failed (the learner stays "In Progress"). */
  failedNotShown?: readonly Target[];
  /** Packages that complete cleanly there only with a score. */
  completesWithScore?: readonly Target[];
  /** File extensions (lower case) that make it refuse the zip. */
  refusedFiles?: readonly string[];
}

export const LMS_PROFILES: Record<LmsId, LmsProfile> = {
  cornerstone: {
    name: 'Cornerstone',
    takes: ['scorm12', 'scorm2004-3rd', 'xapi'],
    builds: ['scorm2004-3rd'],
    sequencing: true,
    failedNotShown: ['scorm12'],
  },
  successfactors: {
    name: 'SAP SuccessFactors',
    takes: ['scorm12', 'scorm2004', 'scorm2004-3rd'],
    builds: ['scorm2004'],
    sequencing: true,
    // The HXM session times out after 30 idle minutes (SAP KBA 2978409): a call every 10 leaves margin.
    keepAliveMinutes: 10,
  },
  workday: {
    name: 'Workday Learning',
    takes: ['scorm12', 'scorm2004', 'scorm2004-3rd'],
    builds: ['scorm12'],
    sequencing: true,
    completesWithScore: ['scorm2004', 'scorm2004-3rd'],
  },
  docebo: {
    name: 'Docebo',
    takes: ['scorm12', 'scorm2004-3rd', 'xapi'],
    builds: ['scorm2004-3rd'],
    sequencing: false,
    suspendData: { scorm12: 4096, 'scorm2004-3rd': 64000 },
    // Docebo's list, as its help article gives it (".ph3" included).
    refusedFiles: ['htaccess', 'phps', 'php5', 'php4', 'ph3', 'php', 'cgi', 'sh', 'shtml', 'asp', 'aspx', 'jsp', 'py', 'rb', 'pl'],
  },
  totara: {
    name: 'Totara',
    takes: ['scorm12', 'scorm2004', 'scorm2004-3rd'],
    builds: ['scorm12'],
    sequencing: false,
  },
  talentlms: {
    name: 'TalentLMS',
    takes: ['scorm12', 'xapi', 'cmi5'],
    builds: ['scorm12', 'cmi5'],
    sequencing: true,
  },
  moodle: {
    name: 'Moodle',
    takes: ['scorm12', 'scorm2004', 'scorm2004-3rd'],
    builds: ['scorm12'],
    sequencing: false,
  },
  canvas: {
    name: 'Canvas',
    takes: ['scorm12', 'scorm2004', 'scorm2004-3rd'],
    builds: ['scorm12'],
    sequencing: true,
  },
  blackboard: {
    name: 'Blackboard Learn',
    takes: ['scorm12', 'scorm2004', 'scorm2004-3rd', 'xapi'],
    builds: ['scorm2004'],
    sequencing: true,
  },
  absorb: {
    name: 'Absorb LMS',
    takes: ['scorm12', 'scorm2004', 'scorm2004-3rd', 'xapi'],
    builds: ['scorm2004'],
    sequencing: true,
  },
  'scorm-cloud': {
    name: 'SCORM Cloud',
    takes: ['scorm12', 'scorm2004', 'scorm2004-3rd', 'xapi', 'cmi5'],
    builds: ['scorm2004', 'cmi5'],
    sequencing: true,
  },
};

export const isLmsId = (name: string): name is LmsId => (LMS_IDS as readonly string[]).includes(name);

/** What a package for one target carries of a profile: manifest options and the runtime's generic options. */
export interface PackageSettings {
  sequencing: boolean;
  tracking: { suspendDataLimit?: number; keepAliveMinutes?: number };
}

/** The suspend data the target's LMSs keep: the profile's figure, else the edition's (none for xAPI and cmi5). */
export function suspendDataLimit(target: Target, lms: LmsId | undefined): number | undefined {
  if (!isScormTarget(target)) return undefined;
  return (lms ? LMS_PROFILES[lms].suspendData?.[target] : undefined) ?? SUSPEND_DATA_LIMITS[target];
}

/**
 * The settings of a target's package, for an LMS or none. The suspend-data limit is written only
 * where it differs from what the runtime assumes of its standard (the API it speaks): the 3rd
 * Edition's 4000 where the 2004 API would assume 64000, or the LMS's own figure.
 */
export function packageSettings(target: Target, lms: LmsId | undefined): PackageSettings {
  const profile = lms ? LMS_PROFILES[lms] : undefined;
  const limit = suspendDataLimit(target, lms);
  const standard = TARGET_STANDARD[target];
  const runtimeDefault = isScormTarget(standard) ? SUSPEND_DATA_LIMITS[standard] : undefined;
  return {
    sequencing: profile?.sequencing ?? true,
    tracking: {
      ...(limit !== undefined && limit !== runtimeDefault ? { suspendDataLimit: limit } : {}),
      ...(profile?.keepAliveMinutes ? { keepAliveMinutes: profile.keepAliveMinutes } : {}),
    },
  };
}
