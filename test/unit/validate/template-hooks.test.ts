// A results.hbs override written before the certificate had an id and a score keeps working:
// those two hooks are optional; the certificate's others are not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkYaml, HEAD, PAGE, positions } from './temp-course';

const BUILT_IN = readFileSync(join(__dirname, '../../../templates/pages/results.hbs'), 'utf8');
const COURSE = `${HEAD}title: T\n${PAGE}  - { id: results, type: results }\n`;

test('an override of results.hbs without the certificate id and score is valid', () => {
  const older = BUILT_IN.replace(/<p class="certificate-id">.*<\/p>\n/, '').replace(/\{\{#if @root\.course\.certificate\.showScore\}\}.*\n/, '');
  expect(older).not.toMatch(/data-certificate-(id|score)/);
  const { course, report } = checkYaml(COURSE, { 'pages/results.hbs': older });
  expect(report.diagnostics).toEqual([]);
  expect(course).toBeDefined();
});

test('one without the learner name of the certificate is refused', () => {
  const { report } = checkYaml(COURSE, { 'pages/results.hbs': BUILT_IN.replace(' data-certificate-name', '') });
  expect(positions(report)).toEqual([['template-missing-hook', 1, 1]]);
});
