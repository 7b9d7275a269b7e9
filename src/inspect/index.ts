// `coursepack inspect`: for LMS admins and support. A package zip → what it is and what it asks
// of the LMS; a learner's suspend data (text, a file, or - for stdin) → pages done, answers,
// attempts and score, decoded against the package (--package) as the course would decode it.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { CourseData } from '../runtime/course-data';
import { courseDataOf, inspectPackage, type PackageReport } from './package';
import { inspectSuspendData, type SuspendDataReport } from './suspend-data';
import { NotAZip, readZipFile } from './zip';

export { inspectPackage } from './package';
export { inspectSuspendData } from './suspend-data';

export interface InspectRequest {
  /** A zip, a file of suspend data, the suspend data itself, or "-" for stdin. */
  input: string;
  /** The package the suspend data belongs to. */
  packagePath?: string;
  json: boolean;
}

/** A problem with what was given: said in plain words, with what to do. */
export class InspectProblem extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

/** A zip's first four bytes (a local header's signature), read without reading the rest. */
function isZip(path: string): boolean {
  const head = Buffer.alloc(4);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    closeSync(fd);
  }
}

function readPackage(path: string): { kept: Map<string, Buffer>; count: number } {
  if (!existsSync(path) || !statSync(path).isFile()) throw new InspectProblem(`There is no package "${path}".`, 'Give the path of a zip coursepack built, e.g. build/my-course-scorm12.zip.');
  try {
    return readZipFile(path);
  } catch (cause) {
    if (cause instanceof NotAZip || cause instanceof RangeError) throw new InspectProblem(`"${path}" is not a zip coursepack can read: ${(cause as Error).message}.`, 'Give the package zip as the LMS received it.');
    throw cause;
  }
}

function readSuspendData(input: string, stdin: () => string): string {
  if (input === '-') return stdin();
  return existsSync(input) && statSync(input).isFile() ? readFileSync(input, 'utf8') : input;
}

/** The report as text, or as JSON with --json. */
export function inspect(request: InspectRequest, stdin: () => string = () => readFileSync(0, 'utf8')): string {
  const looksLikeZip = request.input.toLowerCase().endsWith('.zip') || (existsSync(request.input) && statSync(request.input).isFile() && isZip(request.input));
  if (looksLikeZip) {
    if (request.packagePath) throw new InspectProblem('--package goes with suspend data, not with a package.', 'Run coursepack inspect <zip>, or coursepack inspect <suspend data> --package <zip>.');
    const { kept, count } = readPackage(request.input);
    const report = inspectPackage(kept, count);
    return request.json ? JSON.stringify(report, null, 2) : formatPackage(request.input, report);
  }
  const data: CourseData | undefined = request.packagePath ? courseDataOf(readPackage(request.packagePath).kept) : undefined;
  if (request.packagePath && !data) throw new InspectProblem(`"${request.packagePath}" is not a coursepack package (its index.html holds no course data).`, 'Give the zip coursepack built for this course.');
  const report = inspectSuspendData(readSuspendData(request.input, stdin), data);
  return request.json ? JSON.stringify(report, null, 2) : formatSuspendData(report, Boolean(data));
}

const row = (label: string, value: string) => `  ${label.padEnd(15)}${value}`;

/** What each `report` choice sends (README, "Status reporting"): SCORM 1.2; 2004 completion / success. */
const STATUSES: Record<string, string> = {
  'passed-failed': 'met → passed (2004: completed / passed); failed → failed (2004: incomplete / failed)',
  'passed-incomplete': 'met → passed (2004: completed / passed); failed → incomplete (2004: incomplete / unknown)',
  'completed-incomplete': 'met → completed (2004: completed / unknown); failed → incomplete (2004: incomplete / unknown)',
  'completed-failed': 'met → completed (2004: completed / unknown); failed → failed (2004: incomplete / failed)',
};

function formatPackage(path: string, report: PackageReport): string {
  const lines = [`Package ${path}`, row('standard', report.standard), row('files', String(report.files))];
  const course = report.course;
  if (course) {
    const pages = Object.entries(course.pages).map(([type, n]) => `${n} ${type}`).join(', ');
    lines.push(row('course', `${course.id} "${course.title}" (${course.language}), revision ${course.revision}; pages: ${pages}; ${course.questions} questions`));
  } else lines.push(row('course', 'not a coursepack package: only the manifest is read'));
  lines.push(row('ids', Object.entries(report.ids).map(([kind, id]) => `${kind} ${id}`).join(', ') || '—'));
  const { manifest, course: own } = report.passingScore;
  lines.push(row('passing score', [manifest === undefined ? 'none in the manifest' : `${manifest} % in the manifest`, own === undefined ? '' : `${own} % in the course`].filter(Boolean).join(', ')));
  if (course) {
    lines.push(row('completion', `requires ${course.require.join(', ')}; navigation ${course.navigation}`));
    lines.push(row('reporting', `${course.report}: ${STATUSES[course.report] ?? ''}`));
  }
  if (report.sequencing !== undefined) lines.push(row('sequencing', report.sequencing ? 'yes (satisfied by measure when the score is required)' : 'none in the manifest'));
  const tracking = course?.tracking ?? {};
  const options = [tracking.keepAliveMinutes ? `keep-alive every ${tracking.keepAliveMinutes} min` : '', tracking.suspendDataLimit ? `suspend data up to ${tracking.suspendDataLimit} characters` : ''].filter(Boolean);
  if (course) lines.push(row('LMS options', options.join('; ') || 'none'));
  for (const [i, risk] of report.risks.entries()) lines.push(row(i === 0 ? 'limits' : '', risk));
  return lines.join('\n');
}

/** Seconds as "12 min 30 s", "4 min", "45 s". */
function duration(seconds: number): string {
  const [minutes, rest] = [Math.floor(seconds / 60), Math.floor(seconds % 60)];
  return [minutes ? `${minutes} min` : '', rest || !minutes ? `${rest} s` : ''].filter(Boolean).join(' ');
}

function formatSuspendData(report: SuspendDataReport, withPackage: boolean): string {
  const { revision } = report;
  const against = revision.matches === undefined ? '' : revision.matches ? ', the package’s' : `; the package is revision ${revision.package}`;
  const lines = [`Suspend data: ${report.characters} characters (revision ${String(revision.saved ?? '—')}${against})`];
  const decoded = report.decoded;
  if (decoded) {
    lines.push(row('pages done', `${decoded.pages.filter((page) => page.done).length} of ${decoded.pages.length}`));
    for (const page of decoded.pages) lines.push(`    ${page.done ? '✓' : '·'} ${page.id} (${page.type})`);
    for (const scenario of decoded.scenarios) lines.push(row(`scenario`, `${scenario.page}: ${scenario.choices.join(' → ') || 'no decision yet'}; at "${scenario.at}"${scenario.ended ? ' (ended)' : ''}`));
    for (const quiz of decoded.quizzes) {
      lines.push(row('quiz', `${quiz.page}: ${quiz.state}${quiz.attempt ? `, attempt ${quiz.attempt} of ${quiz.attempts}` : ''}`));
      for (const answer of quiz.answers) lines.push(`    ${answer.question}: ${answer.response} (${answer.result})`);
    }
    lines.push(row('attested', decoded.attested.join(', ') || 'nothing'));
    for (const page of decoded.opened) lines.push(row('opened', `${page.page}: ${page.opened} of ${page.parts} parts of its required blocks`));
    const seat = decoded.seatTime;
    if (seat) {
      lines.push(row('seat time', `${duration(seat.seconds)}${seat.min === undefined ? ' (no minimum for the course)' : ` of ${duration(seat.min)}`}`));
      for (const page of seat.pages) lines.push(`    ${page.page}: ${duration(page.seconds)} of ${duration(page.min)}`);
    }
    if (decoded.certificate) lines.push(row('certificate', decoded.certificate.earned ? `earned on ${decoded.certificate.earned}` : 'not earned yet'));
    const { score, status } = decoded;
    lines.push(row('score', `${score.raw} of ${score.max} points (${score.percent} %)${score.final ? `, final, ${score.passed ? 'passed' : 'below the passing score'}` : ', not final yet'}`));
    lines.push(row('status', `${status.completion} / ${status.success} (SCORM 2004 completion / success, with the course's own passing score)`));
  } else if (!withPackage) lines.push('  Give the package (--package <zip>) to read the pages, answers and score.');
  for (const [key, value] of Object.entries(report.other)) lines.push(row(`field ${key}`, JSON.stringify(value)));
  for (const note of report.notes) lines.push(row('note', note));
  return lines.join('\n');
}
