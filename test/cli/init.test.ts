// `coursepack init` as a designer runs it: the starter course validates without a warning and
// shows, briefly, the features a designer would otherwise not discover (issue 10 and 12): a
// cover, the menu, a certificate with the organisation, a trainer contact, a scenario character.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli, tempDir } from './run-cli';

let project: string;
let html: string;

beforeAll(() => {
  project = tempDir('init-');
  expect(runCli(['init'], project).code).toBe(0);
  const build = runCli(['build', '--target', 'scorm2004'], project);
  expect([build.code, build.stderr]).toEqual([0, '']);
  html = execFileSync('unzip', ['-p', join(project, 'build/my-course-scorm2004.zip'), 'index.html'], { encoding: 'utf8' });
}, 60_000);

test('the starter course validates with no warning', () => {
  const { code, stdout, stderr } = runCli(['validate'], project);
  expect([code, stderr, stdout]).toEqual([0, '', 'courses/my-course: valid (5 pages)\n']);
});

test('it shows a cover, the menu, a certificate with the organisation, a trainer contact and a scenario character', () => {
  expect(html).toContain('id="cp-cover"');
  expect(html).toContain('id="cp-menu"');
  expect(html).toMatch(/<p class="certificate-organisation">[^<]*Your organisation/);
  expect(html).toMatch(/<p class="contact">[^<]*<a href="mailto:training@example.com">/);
  expect(html).toMatch(/<figure class="character">[\s\S]*?<span class="character-name">Alex Rivera<\/span> <span class="character-role">Front desk colleague<\/span>/);
});

test('each of them is introduced by a comment in course.yaml or the scenario file', () => {
  const course = execFileSync('cat', [join(project, 'courses/my-course/course.yaml'), join(project, 'courses/my-course/pages/scenario.yaml')], { encoding: 'utf8' });
  for (const key of ['cover:', 'menu: true', 'certificate:', 'contact:', 'character:']) {
    const at = course.split('\n').findIndex((line) => line.trimStart().startsWith(key));
    expect([key, at >= 1 && course.split('\n')[at - 1]!.trimStart().startsWith('#')]).toEqual([key, true]);
  }
});
