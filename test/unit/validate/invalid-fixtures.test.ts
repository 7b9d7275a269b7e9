import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Diagnostic, Report } from '../../../src/diagnostics';
import { loadCourse } from '../../../src/load';
import { validateCourse } from '../../../src/validate';

// One folder per mistake; expected.json is the exact first diagnostic a designer sees:
// under invalid/ the first error (and the course is refused), under warning/ the first
// warning of a course that is still built.
const fixtures = join(__dirname, '../../fixtures');
const casesIn = (kind: string) => readdirSync(join(fixtures, kind)).filter((name) => existsSync(join(fixtures, kind, name, 'course.yaml')));
const cases = casesIn('invalid');

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

function first(folder: string, severity: Diagnostic['severity']): Expected {
  const report = new Report();
  const loaded = loadCourse(folder, report);
  const course = loaded && validateCourse(loaded, report);
  if (severity === 'error') expect(course).toBeUndefined();
  else expect(report.errors).toEqual([]);
  const [found] = report.sorted().filter((d) => d.severity === severity);
  if (!found?.span) throw new Error(`no positioned ${severity} for ${folder}: ${JSON.stringify(report.diagnostics)}`);
  return {
    code: found.code,
    file: relative(folder, join(process.cwd(), found.span.file)).split('\\').join('/'),
    line: found.span.start.line,
    column: found.span.start.column,
    message: found.message,
    ...(found.hint ? { hint: found.hint } : {}),
  };
}

function compare(folder: string, actual: Expected): void {
  const file = join(folder, 'expected.json');
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

test('there are at least 15 kinds of mistakes', () => {
  expect(cases.length).toBeGreaterThanOrEqual(15);
  const codes = new Set(cases.map((name) => (JSON.parse(readFileSync(join(fixtures, 'invalid', name, 'expected.json'), 'utf8')) as Expected).code));
  expect(codes.size).toBeGreaterThanOrEqual(15);
});

test.each(cases)('%s', (name) => {
  const folder = join(fixtures, 'invalid', name);
  compare(folder, first(folder, 'error'));
});

test.each(casesIn('warning'))('warning: %s', (name) => {
  const folder = join(fixtures, 'warning', name);
  compare(folder, first(folder, 'warning'));
});
