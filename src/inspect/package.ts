// A package zip summarised for an LMS admin: what it is (standard, edition), its ids, its passing
// score and reporting rules, what it asks of the LMS, and the limits it could run into.
import type { CourseData } from '../runtime/course-data';
import { worstCaseSuspendData } from '../render/suspend-budget';
import { SUSPEND_DATA_LIMITS } from '../standards/limits';
import { isScormTarget } from '../standards/limits';
import { type Target, TARGET_NAMES, TARGET_STANDARD } from '../standards/targets';

export interface PackageReport {
  /** The package kind, from its manifest; undefined when none is recognised. */
  target?: Target;
  standard: string;
  files: number;
  ids: Record<string, string>;
  title?: string;
  /** Passing score as the manifest gives it to the LMS (percent), and as the course holds it. */
  passingScore: { manifest?: number; course?: number };
  /** SCORM 2004: whether the item has <imsss:sequencing>. */
  sequencing?: boolean;
  /** Absent when the package is not coursepack's (no course data in index.html). */
  course?: {
    id: string;
    title: string;
    language: string;
    /** Suspend data of another revision is not resumed. */
    revision: string;
    pages: Record<string, number>;
    questions: number;
    require: string[];
    report: string;
    navigation: string;
    tracking: { suspendDataLimit?: number; keepAliveMinutes?: number };
  };
  risks: string[];
}

const attribute = (xml: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];
const text = (xml: string, element: string) => new RegExp(`<${element}\\b[^>]*>([^<]*)</${element}>`).exec(xml)?.[1];

/** The course data the runtime reads, from index.html; undefined for another tool's package. */
export function courseDataOf(files: ReadonlyMap<string, Buffer>): CourseData | undefined {
  const html = files.get('index.html')?.toString('utf8');
  const json = html && /<script type="application\/json" id="cp-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!json) return undefined;
  try {
    return JSON.parse(json) as CourseData;
  } catch {
    return undefined;
  }
}

function scormReport(xml: string): Pick<PackageReport, 'target' | 'ids' | 'title' | 'passingScore' | 'sequencing'> {
  const version = text(xml, 'schemaversion') ?? '';
  const target: Target = version === '1.2' ? 'scorm12' : version.includes('3rd') ? 'scorm2004-3rd' : 'scorm2004';
  const ids = { manifest: attribute(xml, 'manifest', 'identifier'), organization: attribute(xml, 'organization', 'identifier'), item: attribute(xml, 'item', 'identifier'), resource: attribute(xml, 'resource', 'identifier'), objective: attribute(xml, 'imsss:primaryObjective', 'objectiveID') };
  const mastery = target === 'scorm12' ? text(xml, 'adlcp:masteryscore') : text(xml, 'imsss:minNormalizedMeasure');
  const manifest = mastery === undefined ? undefined : Number(mastery) * (target === 'scorm12' ? 1 : 100);
  return {
    target,
    ids: Object.fromEntries(Object.entries(ids).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    title: text(xml, 'title'),
    passingScore: manifest === undefined ? {} : { manifest },
    ...(target === 'scorm12' ? {} : { sequencing: xml.includes('<imsss:sequencing') }),
  };
}

function xapiReport(files: ReadonlyMap<string, Buffer>): Pick<PackageReport, 'target' | 'ids' | 'passingScore'> | undefined {
  const cmi5 = files.get('cmi5.xml')?.toString('utf8');
  if (cmi5) {
    const mastery = attribute(cmi5, 'au', 'masteryScore');
    const ids = { course: attribute(cmi5, 'course', 'id') ?? '', au: attribute(cmi5, 'au', 'id') ?? '', moveOn: attribute(cmi5, 'au', 'moveOn') ?? '' };
    return { target: 'cmi5', ids, passingScore: mastery === undefined ? {} : { manifest: Number(mastery) * 100 } };
  }
  const tincan = files.get('tincan.xml')?.toString('utf8');
  return tincan ? { target: 'xapi', ids: { activity: attribute(tincan, 'activity', 'id') ?? '' }, passingScore: {} } : undefined;
}

function courseSummary(data: CourseData): NonNullable<PackageReport['course']> {
  const pages: Record<string, number> = {};
  for (const page of data.pages) pages[page.type] = (pages[page.type] ?? 0) + 1;
  const questions = data.pages.reduce((sum, page) => sum + (page.type === 'quiz' ? page.questions.length : 0), 0);
  return { id: data.id, title: data.title, language: data.language, revision: data.revision, pages, questions, require: data.require, report: data.report, navigation: data.navigation, tracking: data.tracking ?? {} };
}

/** What could go wrong in an LMS: saved progress beyond the limit, ids and texts LMSs may cut. */
function risks(target: Target | undefined, data: CourseData | undefined): string[] {
  if (!data || !target) return [];
  const found: string[] = [];
  const standard = TARGET_STANDARD[target];
  if (isScormTarget(standard)) {
    // What the runtime lets itself write: the package's own limit, else its API's (runtime/tracking).
    const limit = data.tracking?.suspendDataLimit ?? SUSPEND_DATA_LIMITS[standard];
    const worst = worstCaseSuspendData(data);
    const share = Math.round((worst / limit) * 100);
    found.push(`${worst > limit ? 'RISK' : 'ok'}: saved progress at most ${worst} characters, ${share} % of the ${limit} this package may write`);
    // SCORM 1.2 cmi.interactions.n.id is a CMIIdentifier of at most 255 characters (RTE 3.4.2).
    const ids = data.pages.flatMap((page) => (page.type === 'quiz' ? page.questions.map((q) => `${page.id}.${q.id}`) : []));
    const long = ids.filter((id) => target === 'scorm12' && id.length > 255);
    if (long.length > 0) found.push(`RISK: ${long.length} interaction ids longer than SCORM 1.2's 255 characters`);
  }
  if ([...data.title].length > 200) found.push(`RISK: the title has ${[...data.title].length} characters; LMSs keep 200 of a manifest <title>`);
  return found;
}

/** `count`: the zip's files, those not kept (a large video) too. */
export function inspectPackage(files: ReadonlyMap<string, Buffer>, count = files.size): PackageReport {
  const manifest = files.get('imsmanifest.xml')?.toString('utf8');
  const found = manifest ? scormReport(manifest) : (xapiReport(files) ?? { ids: {}, passingScore: {} });
  const data = courseDataOf(files);
  return {
    ...found,
    standard: found.target ? TARGET_NAMES[found.target] : 'unknown (no imsmanifest.xml, cmi5.xml or tincan.xml)',
    files: count,
    passingScore: { ...found.passingScore, ...(data ? { course: data.passingScore } : {}) },
    ...(data ? { course: courseSummary(data) } : {}),
    risks: risks(found.target, data),
  };
}
