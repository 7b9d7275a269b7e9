// Texts longer than a manifest field keeps: warned about once, at the text, with the limit and
// the standards that keep no more.
import { checkYaml, PAGE, positions } from './temp-course';

const head = (extra: string) => `id: fixture\ntitle: Fine\nlanguage: en\ndescription: A test course.\ncompletion: { require: [all-pages] }\n${extra}`;

test('a version over 20 characters: only SCORM 1.2 leaves it out of the manifest', () => {
  const { course, report } = checkYaml(head(`version: 2024.10.01-release-candidate\n${PAGE}`));
  expect(course).toBeDefined();
  expect(positions(report, 'warning')).toEqual([['text-too-long', 6, 10]]);
  expect(report.warnings[0]?.message).toBe("The version is 28 characters long; SCORM 1.2 LMSs may keep only the first 20 (the manifest's version attribute).");
});

test('each keyword is measured on its own, and the warning points at it', () => {
  const { report } = checkYaml(head(`version: 1.0.0\nkeywords:\n  - short\n  - ${'k'.repeat(1001)}\n${PAGE}`));
  expect(positions(report, 'warning')).toEqual([['text-too-long', 9, 5]]);
  expect(report.warnings[0]?.message).toContain('A keyword is 1001 characters long; SCORM 1.2 and SCORM 2004 LMSs may keep only the first 1000');
});

test('texts within every limit give no warning; characters are counted, not UTF-16 units', () => {
  const { report } = checkYaml(head(`version: 1.0.0\n${PAGE}`).replace('title: Fine', `title: ${'😀'.repeat(200)}`));
  expect(report.diagnostics).toEqual([]);
});
