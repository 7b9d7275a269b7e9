import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, repoRoot, runCli, tempDir } from './run-cli';

/** A course, an output folder and a cache folder of its own, and a build of them. */
function setup(tool?: string) {
  const course = copyFixture('valid', 'basic');
  const out = tempDir();
  const env = { COURSEPACK_CACHE_DIR: tempDir() };
  const records = join(env.COURSEPACK_CACHE_DIR, 'builds');
  const build = (...extra: string[]) => {
    const result = runCli(['build', course, '--out', out, ...extra], repoRoot, env, tool);
    expect(result.stderr).not.toContain(' error ');
    expect(result.code).toBe(0);
    return result.stdout;
  };
  return { course, out, build, records };
}

/** Each target's line: "built" or "unchanged". */
function verdicts(stdout: string): Record<string, string> {
  return Object.fromEntries([...stdout.matchAll(/^(built|unchanged) \S*-(\w+)\.zip/gm)].map((m) => [m[2], m[1]]));
}
const ALL = (word: string) => ({ scorm12: word, scorm2004: word, xapi: word, cmi5: word });
const mtimes = (out: string) => readdirSync(out).map((file) => statSync(join(out, file)).mtimeMs);

describe('the build cache', () => {
  test('records no build has used for 30 days are removed (once a day); a record in use is kept', () => {
    const { build, records } = setup();
    expect(verdicts(build('--target', 'scorm12'))).toEqual({ scorm12: 'built' });
    const [own] = readdirSync(records).filter((name) => name.endsWith('.json'));
    // Records of builds into folders long gone (a CI's temporary folder, a deleted checkout).
    const old = (name: string, days: number) => {
      writeFileSync(join(records, name), '{}');
      const when = new Date(Date.now() - days * 86_400_000);
      utimesSync(join(records, name), when, when);
    };
    old('a'.repeat(40) + '.json', 45);
    old('b'.repeat(40) + '.json', 10);
    // The course's own record, unused as long: an unchanged build uses it, which keeps it.
    const longAgo = new Date(Date.now() - 45 * 86_400_000);
    utimesSync(join(records, own!), longAgo, longAgo);
    expect(verdicts(build('--target', 'scorm12'))).toEqual({ scorm12: 'unchanged' });
    expect(statSync(join(records, own!)).mtimeMs).toBeGreaterThan(Date.now() - 86_400_000);
    // The next build that records something, a day after the last prune (the first build's),
    // prunes: the 45-day-old record goes, the others stay.
    const yesterday = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(join(records, '.pruned'), yesterday, yesterday);
    expect(verdicts(build('--target', 'xapi'))).toEqual({ xapi: 'built' });
    expect(readdirSync(records).filter((name) => name.endsWith('.json')).sort()).toEqual(['b'.repeat(40) + '.json', own!].sort());
    // Once a day: a record that ages meanwhile waits for tomorrow's prune.
    old('c'.repeat(40) + '.json', 45);
    expect(verdicts(build('--target', 'cmi5'))).toEqual({ cmi5: 'built' });
    expect(readdirSync(records)).toContain('c'.repeat(40) + '.json');
  });

  test('an unchanged course is not rebuilt: its zips are left as they are; --force rebuilds', () => {
    const { out, build } = setup();
    expect(verdicts(build())).toEqual(ALL('built'));
    const before = mtimes(out);
    const again = build();
    expect(verdicts(again)).toEqual(ALL('unchanged'));
    expect(again).toMatch(/^unchanged \S*basic-scorm12\.zip \(\d+\.\d KiB\)$/m);
    expect(mtimes(out)).toEqual(before);
    expect(verdicts(build('--force'))).toEqual(ALL('built'));
    expect(verdicts(build())).toEqual(ALL('unchanged'));
  });

  test.each([
    ['course.yaml', (course: string) => appendFileSync(join(course, 'course.yaml'), '# a comment\n')],
    ['an included file', (course: string) => appendFileSync(join(course, 'pools/check.yaml'), '# a comment\n')],
    ['an asset', (course: string) => appendFileSync(join(course, 'assets/dot.svg'), '<!-- changed -->\n')],
    ['a new template override', (course: string) => {
      mkdirSync(join(course, 'templates/partials'), { recursive: true });
      writeFileSync(join(course, 'templates/partials/header.hbs'), '<header>Our own header</header>\n');
    }],
  ])('changing %s rebuilds every package', (_, change) => {
    const { course, build } = setup();
    build();
    change(course);
    expect(verdicts(build())).toEqual(ALL('built'));
    expect(verdicts(build())).toEqual(ALL('unchanged'));
  });

  test('a changed template override rebuilds', () => {
    const { course, build } = setup();
    mkdirSync(join(course, 'templates/partials'), { recursive: true });
    writeFileSync(join(course, 'templates/partials/header.hbs'), '<header>One</header>\n');
    build();
    writeFileSync(join(course, 'templates/partials/header.hbs'), '<header>Two</header>\n');
    expect(verdicts(build())).toEqual(ALL('built'));
  });

  test('a target not built before is built; a removed zip is built again', () => {
    const { out, build } = setup();
    expect(verdicts(build('--target', 'scorm12'))).toEqual({ scorm12: 'built' });
    expect(verdicts(build('--target', 'scorm12,xapi'))).toEqual({ scorm12: 'unchanged', xapi: 'built' });
    rmSync(join(out, 'basic-xapi.zip'));
    writeFileSync(join(out, 'basic-scorm12.zip'), 'not the package');
    expect(verdicts(build('--target', 'scorm12,xapi'))).toEqual({ scorm12: 'built', xapi: 'built' });
  });

  test("a change of the tool's runtime, theme or compiler rebuilds", () => {
    const tool = tempDir();
    for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(repoRoot, part), join(tool, part), { recursive: true });
    const { build } = setup(join(tool, 'bin/coursepack.js'));
    build();
    expect(verdicts(build())).toEqual(ALL('unchanged'));
    appendFileSync(join(tool, 'dist/runtime/xapi.js'), '\n// a new runtime\n');
    expect(verdicts(build())).toEqual(ALL('built'));
    appendFileSync(join(tool, 'templates/theme.css'), '\n/* a new theme */\n');
    expect(verdicts(build())).toEqual(ALL('built'));
    // The compiler: its hash comes from the CLI, which hashed the file for its code cache.
    appendFileSync(join(tool, 'dist/index.js'), '\n// a new compiler\n');
    expect(verdicts(build())).toEqual(ALL('built'));
    expect(verdicts(build())).toEqual(ALL('unchanged'));
  });
});

describe('the build cache and languages:', () => {
  /** Each package's line by language and target: "built" or "unchanged". */
  const byLanguage = (stdout: string) => Object.fromEntries([...stdout.matchAll(/^(built|unchanged) \S*translated-(\w+)-(\w+)\.zip/gm)].map((m) => [`${m[2]}-${m[3]}`, m[1]]));

  test('every language\'s package is cached; --lang asks only for its own; a translation file added or changed rebuilds', () => {
    const course = copyFixture('valid', 'translated');
    const out = tempDir();
    const env = { COURSEPACK_CACHE_DIR: tempDir() };
    const build = (...extra: string[]) => runCli(['build', course, '--out', out, '--target', 'scorm12,xapi', ...extra], repoRoot, env).stdout;
    expect(byLanguage(build())).toEqual({ 'en-scorm12': 'built', 'en-xapi': 'built', 'de-scorm12': 'built', 'de-xapi': 'built' });
    expect(byLanguage(build())).toEqual({ 'en-scorm12': 'unchanged', 'en-xapi': 'unchanged', 'de-scorm12': 'unchanged', 'de-xapi': 'unchanged' });
    expect(byLanguage(build('--lang', 'de'))).toEqual({ 'de-scorm12': 'unchanged', 'de-xapi': 'unchanged' });
    // translations/de.xlf did not exist: creating it changes the German packages.
    mkdirSync(join(course, 'translations'));
    expect(runCli(['translate', 'export', course, '--lang', 'de']).code).toBe(0);
    expect(byLanguage(build())).toEqual({ 'en-scorm12': 'built', 'en-xapi': 'built', 'de-scorm12': 'built', 'de-xapi': 'built' });
    expect(byLanguage(build())).toEqual({ 'en-scorm12': 'unchanged', 'en-xapi': 'unchanged', 'de-scorm12': 'unchanged', 'de-xapi': 'unchanged' });
    appendFileSync(join(course, 'translations/de.xlf'), '<!-- edited -->\n');
    expect(byLanguage(build())).toEqual({ 'en-scorm12': 'built', 'en-xapi': 'built', 'de-scorm12': 'built', 'de-xapi': 'built' });
    // A language the course does not have is still reported, not answered from the cache.
    const french = runCli(['build', course, '--out', out, '--target', 'scorm12', '--lang', 'fr'], repoRoot, env);
    expect(french.code).toBe(1);
    expect(french.stderr).toContain('[language-not-in-course]');
  });
  test("an image only a translation shows is an input of the course: changed, its language's packages are rebuilt", () => {
    const course = copyFixture('valid', 'translated');
    const out = tempDir();
    const env = { COURSEPACK_CACHE_DIR: tempDir() };
    mkdirSync(join(course, 'translations'));
    expect(runCli(['translate', 'export', course, '--lang', 'de']).code).toBe(0);
    // The German page shows a picture of its own, written into its translation.
    cpSync(join(course, 'assets/ladder.svg'), join(course, 'assets/leiter.svg'));
    const xlf = join(course, 'translations/de.xlf');
    const text = readFileSync(xlf, 'utf8');
    const unit = text.indexOf('<unit id="pages.welcome.body"');
    const source = /<source xml:space="preserve">(.*?)<\/source>/s.exec(text.slice(unit))!;
    const at = unit + source.index + source[0].length;
    writeFileSync(xlf, `${text.slice(0, at)}<target xml:space="preserve">${source[1]!.replace('Read ', 'Lies ![Leiter](assets/leiter.svg) ')}</target>${text.slice(at)}`);
    const build = () => runCli(['build', course, '--out', out, '--target', 'scorm12'], repoRoot, env);
    expect(byLanguage(build().stdout)).toEqual({ 'en-scorm12': 'built', 'de-scorm12': 'built' });
    expect(byLanguage(build().stdout)).toEqual({ 'en-scorm12': 'unchanged', 'de-scorm12': 'unchanged' });
    writeFileSync(join(course, 'assets/leiter.svg'), readFileSync(join(course, 'assets/leiter.svg'), 'utf8').replace('<svg', '<svg data-edited="yes"'));
    expect(byLanguage(build().stdout)).toEqual({ 'en-scorm12': 'built', 'de-scorm12': 'built' });
  });
});
