import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, repoRoot, runCli, tempDir } from './run-cli';

const basic = join(repoRoot, 'test/fixtures/valid/basic');
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('coursepack CLI', () => {
  test('--help prints usage and exits 0', () => {
    const result = runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: coursepack <command>');
  });

  test('usage errors exit 2 and say how to fix them', () => {
    const none = runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('error No command given. [usage]');
    const target = runCli(['build', basic, '--target', 'scorm3000']);
    expect(target.code).toBe(2);
    expect(target.stderr).toContain('error Unknown target "scorm3000". Did you mean "scorm2004"? [usage]');
    expect(target.stderr).toContain('hint: Targets: scorm12, scorm2004, scorm2004-3rd, xapi, cmi5.');
    const option = runCli(['build', '--frobnicate']);
    expect(option.code).toBe(2);
    noStackTrace(option.stderr);
  });

  test('build writes one zip per target and says where', () => {
    const out = tempDir();
    const result = runCli(['build', basic, '--out', out]);
    // The fixture's <script> is named (a warning) and left out; warnings never stop a build.
    expect(result.stderr).toMatch(/^test\/fixtures\/valid\/basic\/course\.yaml:22:7 warning The <script> in "body" is removed from the page, with everything inside it\. \[html-removed\]\n/);
    expect(result.stderr.match(/ warning /g)).toHaveLength(1);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['basic-cmi5.zip', 'basic-scorm12.zip', 'basic-scorm2004.zip', 'basic-xapi.zip']);
    expect(result.stdout).toMatch(/^built .*basic-scorm12\.zip \(\d+\.\d KiB\)\nbuilt .*basic-scorm2004\.zip \(\d+\.\d KiB\)\nbuilt .*basic-xapi\.zip \(\d+\.\d KiB\)\nbuilt .*basic-cmi5\.zip \(\d+\.\d KiB\)\n$/);
  });

  test('--target picks targets; a course.yaml path works as well as its folder', () => {
    const out = tempDir();
    const result = runCli(['build', join(basic, 'course.yaml'), '--target', 'scorm2004', '--out', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toEqual(['basic-scorm2004.zip']);
  });

  test('--target xapi,cmi5 writes Tin Can and cmi5 packages with their manifests', () => {
    const out = tempDir();
    const result = runCli(['build', basic, '--target', 'xapi,cmi5', '--out', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['basic-cmi5.zip', 'basic-xapi.zip']);
    const list = (zip: string) => require('node:child_process').execFileSync('unzip', ['-Z1', join(out, zip)], { encoding: 'utf8' }).trim().split('\n');
    expect(list('basic-xapi.zip')).toEqual(expect.arrayContaining(['tincan.xml', 'index.html', 'coursepack.js']));
    expect(list('basic-cmi5.zip')).toEqual(expect.arrayContaining(['cmi5.xml', 'index.html', 'coursepack.js']));
    expect(list('basic-cmi5.zip')).not.toContain('imsmanifest.xml');
  });

  test('without arguments, build finds every course in ./courses and writes to ./build', () => {
    const project = tempDir();
    mkdirSync(join(project, 'courses'));
    const course = copyFixture('valid', 'basic');
    require('node:fs').cpSync(course, join(project, 'courses', 'basic'), { recursive: true });
    const result = runCli(['build'], project);
    expect(result.code).toBe(0);
    expect(readdirSync(join(project, 'build')).sort()).toEqual(['basic-cmi5.zip', 'basic-scorm12.zip', 'basic-scorm2004.zip', 'basic-xapi.zip']);
  });

  test('building twice gives identical bytes', () => {
    const [a, b] = [tempDir(), tempDir()];
    expect(runCli(['build', basic, '--out', a]).code).toBe(0);
    expect(runCli(['build', basic, '--out', b]).code).toBe(0);
    for (const file of readdirSync(a)) expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file)))).toBe(true);
  });

  test('matching targets are plain text in the alphabetical order of the course language, whatever the locale of the machine building it; ordering items are labelled in plain text', () => {
    const course = copyFixture('valid', 'question-types');
    const yaml = readFileSync(join(course, 'course.yaml'), 'utf8');
    const pairs = ['          - { source: A complaint, target: Support }', '          - { source: A press question, target: Communications }', '          - { source: A job application, target: Human Resources }'];
    const items = '        items: [Ask communications, Wait for the announcement, Share the official post]';
    expect([...pairs, items].every((line) => yaml.includes(line))).toBe(true);
    const [first, second, third] = pairs as [string, string, string];
    // Swedish sorts Ä after Z, English with A; the emphasis is Markdown, which an <option> cannot show.
    writeFileSync(join(course, 'course.yaml'), yaml.replace(first, '          - { source: A complaint, target: "Zendesk **support**" }').replace(second, '          - { source: A press question, target: Ärendehantering }').replace(third, '          - { source: A job application, target: "*Human* Resources" }').replace(items, '        items: ["Ask *communications*", Wait for the announcement, Share the official post]'));
    let labels: string[] = [];
    const options = (locale: string): string[] => {
      const out = tempDir();
      expect(runCli(['build', course, '--out', out, '--target', 'scorm12'], repoRoot, { LANG: locale, LC_ALL: locale }).code).toBe(0);
      const html = execFileSync('unzip', ['-p', join(out, 'question-types-scorm12.zip'), 'index.html'], { encoding: 'utf8' });
      labels = [...html.matchAll(/data-move="up" aria-label="([^"]*)"/g)].map((match) => match[1] as string);
      const select = /<select name="q-[^"]*"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
      return [...select.matchAll(/<option value="\d">([^<]*)<\/option>/g)].map((match) => match[1] as string);
    };
    expect(options('sv_SE.UTF-8')).toEqual(['Ärendehantering', 'Human Resources', 'Zendesk support']);
    expect(options('en_US.UTF-8')).toEqual(['Ärendehantering', 'Human Resources', 'Zendesk support']);
    expect(labels).toContain('Move up: Ask communications');
  });

  test('an invalid course exits 1 with a positioned, framed error and writes nothing', () => {
    const out = tempDir();
    const course = join(repoRoot, 'test/fixtures/invalid/unknown-key');
    const result = runCli(['build', course, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('test/fixtures/invalid/unknown-key/course.yaml:10:5 error Unknown key "titel" in page "intro". [unknown-key]');
    expect(result.stderr).toContain('  > 10 |     titel: Introduction');
    expect(result.stderr).toContain('hint: Did you mean "title"?');
    expect(result.stderr).toContain('1 error; nothing was written.');
    noStackTrace(result.stderr);
    expect(readdirSync(out)).toEqual([]);
  });

  test('a broken template override is shown in its own file, with a code frame', () => {
    const out = tempDir();
    const result = runCli(['build', join(repoRoot, 'test/fixtures/invalid/template-syntax'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('test/fixtures/invalid/template-syntax/templates/pages/content.hbs:3:6 error Handlebars syntax error: the block {{#if}} here is closed by {{/fi}}; the two names must match. [template-syntax]');
    expect(result.stderr).toContain('  > 3 |   {{#if body}}');
    noStackTrace(result.stderr);
    expect(readdirSync(out)).toEqual([]);
  });

  test('an include linked to a file outside the course is refused, and its content never shown', () => {
    const out = tempDir();
    const result = runCli(['build', join(repoRoot, 'test/fixtures/invalid/include-link-outside'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('test/fixtures/invalid/include-link-outside/course.yaml:8:14 error The path "pages/intro.yaml" is a symbolic link to a file outside the course folder. [path-outside-course]');
    expect(result.stderr).not.toMatch(/API_KEY|sk-live|hunter2/);
    expect(readdirSync(out)).toEqual([]);
  });

  test.each(readdirSync(join(repoRoot, 'test/fixtures/warning')))('a warning never blocks the build: %s', (name) => {
    const out = tempDir();
    const expected = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/warning', name, 'expected.json'), 'utf8'));
    const result = runCli(['build', join(repoRoot, 'test/fixtures/warning', name), '--target', 'scorm12', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning ${expected.message} [${expected.code}]`);
    expect(readdirSync(out)).toEqual(['fixture-scorm12.zip']);
  });

  test('two courses with one id: the second is refused, naming both files, and the first keeps its packages', () => {
    const out = tempDir();
    const twins = 'test/fixtures/invalid/duplicate-course-id';
    const message = `${twins}/second/course.yaml:1:5 error The course id "twins" is also the id of ${twins}/first/course.yaml; both would be written to the same packages (twins-scorm12.zip…). [duplicate-course-id]`;
    const result = runCli(['build', `${twins}/first`, `${twins}/second`, '--target', 'scorm12', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('hint: Give each course its own id');
    expect(readdirSync(out)).toEqual(['twins-scorm12.zip']);
    const html = require('node:child_process').execFileSync('unzip', ['-p', join(out, 'twins-scorm12.zip'), 'index.html'], { encoding: 'utf8' });
    expect(html).toContain('The first twin');
    const validated = runCli(['validate', `${twins}/first`, `${twins}/second`]);
    expect(validated.code).toBe(1);
    expect(validated.stderr).toContain(message);
    // The same course named twice is one course, built twice alike.
    expect(runCli(['build', `${twins}/first`, `${twins}/first/course.yaml`, '--target', 'scorm12', '--out', out]).code).toBe(0);
  });

  test('two courses in several languages with one id: the packages named are the ones they would both write', () => {
    const folder = tempDir();
    const sample = join(repoRoot, 'courses/social-media-policy');
    const [first, second] = [join(folder, 'first'), join(folder, 'second')];
    require('node:fs').cpSync(sample, first, { recursive: true });
    require('node:fs').cpSync(sample, second, { recursive: true });
    const result = runCli(['build', first, second, '--lang', 'de', '--target', 'xapi', '--out', join(folder, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('both would be written to the same packages (social-media-policy-en-scorm12.zip…)');
    expect(readdirSync(join(folder, 'out'))).toEqual(['social-media-policy-de-xapi.zip']);
  });

  test('an output folder that is a file is said once, before anything is built (exit 2)', () => {
    const folder = tempDir();
    const file = join(folder, 'build');
    writeFileSync(file, 'not a folder');
    for (const out of [file, join(file, 'lms')]) {
      const result = runCli(['build', basic, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`error The output folder ${out} cannot be made: ${file} is a file. [usage]`);
      expect(result.stderr).toContain('hint: Give --out a folder (made if missing), e.g. --out build/lms.');
      expect(result.stderr).not.toContain('Could not write');
    }
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  test("a templates/ folder the file system trips on is the course's error (exit 1), not an internal one", () => {
    const dangling = runCli(['build', join(repoRoot, 'test/fixtures/invalid/template-dangling-link'), '--out', tempDir()]);
    expect(dangling.code).toBe(1);
    expect(dangling.stderr).toContain('test/fixtures/invalid/template-dangling-link/templates/partials/header.hbs:1:1 error "templates/partials/header.hbs" is a symbolic link to "../../shared-templates/header.hbs", which does not exist. [file-not-found]');
    noStackTrace(dangling.stderr);
    const course = copyFixture('valid', 'basic');
    writeFileSync(join(course, 'templates'), '<header></header>');
    const file = runCli(['validate', course]);
    expect(file.code).toBe(1);
    expect(file.stderr).toMatch(/basic\/templates:1:1 error Could not read "templates": it is a file, not a folder of templates\. \[file-unreadable\]/);
  });

  test('--json reports diagnostics for editors and CI', () => {
    const result = runCli(['validate', join(repoRoot, 'test/fixtures/invalid/scene-not-found'), '--json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.ok).toBe(false);
    expect(json.courses[0].diagnostics[0]).toMatchObject({
      code: 'scene-not-found',
      severity: 'error',
      file: 'test/fixtures/invalid/scene-not-found/course.yaml',
      line: 16,
      column: 34,
      hint: 'Did you mean "second"?',
    });
  });

  test('validate checks without building', () => {
    const result = runCli(['validate', basic]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid (5 pages, 1 warning)');
    expect(runCli(['validate', join(repoRoot, 'test/fixtures/invalid/yaml-syntax')]).code).toBe(1);
  });

  test('a missing course is a clear error, not a crash', () => {
    const result = runCli(['build', 'no/such/course']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No course.yaml found at "no/such/course". [not-a-course]');
    noStackTrace(result.stderr);
  });

  test('a course.yaml that is a folder is said to be one, not "not found"', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'course', 'course.yaml'), { recursive: true });
    const result = runCli(['validate', 'course'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"course/course.yaml" is a folder, not the course\'s YAML file. [not-a-course]');
    noStackTrace(result.stderr);
  });

  test('a huge YAML file is refused with its position', () => {
    const course = copyFixture('valid', 'basic');
    writeFileSync(join(course, 'pools/check.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
    const result = runCli(['build', course, '--out', tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/course\.yaml:\d+:\d+ error "[^"]*pools\/check\.yaml" is 1\.0 MiB, more than the 1\.0 MiB allowed\. \[file-too-large\]/);
  });

  test('an unwritable output folder fails cleanly and leaves no partial zip', () => {
    const out = tempDir();
    if (process.getuid?.() === 0) {
      // root ignores permissions: a folder (not empty) where the package must go, which the
      // package cannot be renamed onto.
      mkdirSync(join(out, 'basic-scorm12.zip', 'kept'), { recursive: true });
      const result = runCli(['build', basic, '--target', 'scorm12', '--out', out]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('[build-failed]');
      noStackTrace(result.stderr);
      expect(readdirSync(out)).toEqual(['basic-scorm12.zip']);
      expect(readdirSync(join(out, 'basic-scorm12.zip'))).toEqual(['kept']);
      return;
    }
    chmodSync(out, 0o500);
    const result = runCli(['build', basic, '--out', out]);
    expect(result.code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
  });
});
