import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Report } from '../../../src/diagnostics';
import { loadCourse } from '../../../src/load';
import { validateCourse } from '../../../src/validate';

// One folder per mistake; expected.json is the exact first diagnostic a designer sees.
const root = join(__dirname, '../../fixtures/invalid');
const cases = readdirSync(root).filter((name) => existsSync(join(root, name, 'course.yaml')));

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

function firstError(folder: string): Expected {
  const report = new Report();
  const loaded = loadCourse(folder, report);
  const course = loaded && validateCourse(loaded, report);
  expect(course).toBeUndefined();
  const [first] = report.sorted().filter((d) => d.severity === 'error');
  if (!first?.span) throw new Error(`no positioned error for ${folder}: ${JSON.stringify(report.diagnostics)}`);
  return {
    code: first.code,
    file: relative(folder, join(process.cwd(), first.span.file)).split('\\').join('/'),
    line: first.span.start.line,
    column: first.span.start.column,
    message: first.message,
    ...(first.hint ? { hint: first.hint } : {}),
  };
}

test('there are at least 15 kinds of mistakes', () => {
  expect(cases.length).toBeGreaterThanOrEqual(15);
  const codes = new Set(cases.map((name) => (JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected).code));
  expect(codes.size).toBeGreaterThanOrEqual(15);
});

test.each(cases)('%s', (name) => {
  const folder = join(root, name);
  const actual = firstError(folder);
  const file = join(folder, 'expected.json');
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
});
