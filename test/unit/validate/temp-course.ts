// A course written to a temporary folder and checked, for tests of one rule at a time.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Report } from '../../../src/diagnostics';
import { loadCourse } from '../../../src/load';
import { validateCourse } from '../../../src/validate';

export const HEAD = 'id: fixture\nversion: 1.0.0\nlanguage: en\ndescription: A test course.\ncompletion: { require: [all-pages] }\n';
export const PAGE = 'pages:\n  - { id: intro, type: content, title: Introduction, body: Welcome. }\n';

/** Validates course.yaml (and files under templates/); sources are the texts by display path. */
export function checkYaml(yaml: string, templates: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'coursepack-check-'));
  writeFileSync(join(root, 'course.yaml'), yaml);
  for (const [path, text] of Object.entries(templates)) {
    mkdirSync(join(root, 'templates', path, '..'), { recursive: true });
    writeFileSync(join(root, 'templates', path), text);
  }
  const report = new Report();
  const loaded = loadCourse(root, report);
  const course = loaded && validateCourse(loaded, report);
  const sources = new Map([...(loaded?.files ?? []), ...(loaded?.templates ?? [])].map((file) => [file.displayPath, file.text]));
  return { course, report, sources };
}

/** Code, line and column of each diagnostic of a severity. */
export function positions(report: Report, severity: 'error' | 'warning' = 'error') {
  return report.diagnostics.filter((d) => d.severity === severity).map((d) => [d.code, d.span?.start.line, d.span?.start.column]);
}
