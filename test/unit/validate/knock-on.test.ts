import { join } from 'node:path';
import { Report } from '../../../src/diagnostics';
import { loadCourse } from '../../../src/load';
import { validateCourse } from '../../../src/validate';

const invalid = join(__dirname, '../../fixtures/invalid');

/** Every diagnostic of a fixture as the designer reads them: sorted, as code and line. */
function diagnostics(name: string): string[] {
  const report = new Report();
  const loaded = loadCourse(join(invalid, name), report);
  if (loaded) validateCourse(loaded, report);
  return report.sorted().map((d) => `${d.code} ${d.span?.file.split('/').pop()}:${d.span?.start.line}`);
}

// A mistake's consequences are not mistakes of their own: they come after it or not at all.
test('a misspelt "correct" is the only error, not also "no correct answer" above it', () => {
  expect(diagnostics('misspelt-correct')).toEqual(['unknown-key course.yaml:17']);
});

test('a page whose image is missing is not also called a page that does not exist', () => {
  expect(diagnostics('missing-image-remediation')).toEqual(['file-not-found course.yaml:13']);
});

test('a mistake in a file included twice is reported once', () => {
  expect(diagnostics('pool-included-twice')).toEqual(['yaml-syntax shared.yaml:3']);
});
