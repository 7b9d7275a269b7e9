// `coursepack translate export/import` and building with translations/, as a user runs them:
// exported files valid against the OASIS schemas and read by the `xliff` library to the same
// units; a re-export after a source edit marks exactly the changed units; every problem of a
// translation reported at its place in the .xlf file; texts left untranslated fall back to the
// source with a warning.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import extract from 'extract-zip';
import { xliff12ToJs, xliff2js } from 'xliff';
import { fillTargets, tagged } from '../translate/fill';
import { copyFixture, runCli, tempDir } from './run-cli';

const XSD = join(__dirname, '../../../shared/xsd');

function exported(course: string, args: string[] = []): string {
  const out = join(tempDir(), 'de.xlf');
  const result = runCli(['translate', 'export', course, '--lang', 'de', '-o', out, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return out;
}

function xmllint(version: 'xliff20' | 'xliff12', file: string): number | null {
  return spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(XSD, version, 'validate.xsd'), file], { encoding: 'utf8' }).status;
}

/** The ids of the units, in order, as the file names them. */
const unitIds = (xliff: string) => [...xliff.matchAll(/<(?:unit|trans-unit) id="([^"]+)"/g)].map((match) => match[1]);

/** The words of a source the `xliff` library read (codes as their contents, markup dropped). */
function words(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(words).join('');
  const element = Object.values(value as Record<string, { contents?: unknown }>)[0];
  return element?.contents === undefined ? '' : words(element.contents);
}

const EXPECTED_IDS = [
  'title',
  'description',
  'keywords.1',
  'keywords.2',
  'strings.finish',
  'pages.welcome.title',
  'pages.welcome.body',
  'pages.welcome.media.1.alt',
  'pages.welcome.media.1.caption',
  'pages.decide.title',
  'pages.decide.scenes.wobble.text',
  'pages.decide.scenes.wobble.choices.stop.text',
  'pages.decide.scenes.wobble.choices.climb.text',
  'pages.decide.scenes.safe.text',
  'pages.decide.scenes.fall.text',
  'pages.quiz.title',
  'pages.quiz.questions.contact.prompt',
  'pages.quiz.questions.contact.choices.three.text',
  'pages.quiz.questions.contact.choices.one.text',
  'pages.quiz.questions.contact.feedback.correct',
  'pages.quiz.questions.contact.feedback.incorrect',
  'pages.quiz.questions.name.prompt',
  'pages.quiz.questions.name.accept.1',
];

describe('translate export', () => {
  const course = copyFixture('valid', 'translated');

  it('writes XLIFF 2.0 that validates against the OASIS schema and reads back through the xliff library to the same units', async () => {
    const file = exported(course);
    expect(xmllint('xliff20', file)).toBe(0);
    const text = readFileSync(file, 'utf8');
    // Every text, nothing else: no ids, paths (image), versions, scene references or numbers.
    expect(unitIds(text)).toEqual(EXPECTED_IDS);
    const read = await xliff2js(text);
    expect([read.sourceLanguage, read.targetLanguage]).toEqual(['en', 'de']);
    const units = read.resources.translated as Record<string, { source: unknown; note?: string }>;
    expect(Object.keys(units)).toEqual(EXPECTED_IDS);
    expect(units.title?.source).toBe('Working Safely');
    expect(words(units['pages.welcome.body']?.source)).toBe('Read every step and follow the safety rules at all times.Check the ladder.Ask for help.');
    // Emphasis and the link are paired codes around their words; their markup is in <originalData>.
    expect(text).toContain('Read <pc id="1" dataRefStart="d1" dataRefEnd="d2" canOverlap="no">every</pc> step and follow <pc id="3" dataRefStart="d3" dataRefEnd="d4" canOverlap="no">the safety rules</pc> at all times.<ph id="5" dataRef="d5"/>');
    expect(text).toContain('<data id="d4">](https://example.com/rules)</data>');
    // The title's note gives the manifest limit, and the size restriction says it to the CAT tool.
    expect(text).toContain('<unit id="title" name="title" slr:sizeRestriction="200">');
    expect(text).toMatch(/<note category="length">At most 200 characters: the manifest's &lt;title&gt;/);
    expect(units['pages.welcome.media.1.alt']?.note).toContain('content "welcome" › media 1 › alt');
  });

  it('writes XLIFF 1.2 that validates against the strict OASIS schema and reads back to the same units', async () => {
    const file = exported(course, ['--format', 'xliff12']);
    expect(xmllint('xliff12', file)).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(unitIds(text)).toEqual(EXPECTED_IDS);
    const read = await xliff12ToJs(text);
    const units = read.resources['course.yaml'] as Record<string, { source: unknown }>;
    expect(Object.keys(units)).toEqual(EXPECTED_IDS);
    expect(text).toContain('Read <ph id="1" ctype="x-open">**</ph>every<ph id="2" ctype="x-close">**</ph> step');
    expect(text).toContain('<trans-unit id="title" resname="title" maxwidth="200" size-unit="char" xml:space="preserve">');
  });

  it.each([
    ['xliff2', 'initial'],
    ['xliff12', 'needs-review-translation'],
  ])('%s: after a source edit exactly the changed units are marked for review with the old source, the others keep their translation, new texts are added', (format, marked) => {
    const dir = copyFixture('valid', 'translated');
    const file = join(dir, 'translations/de.xlf');
    mkdirSync(join(dir, 'translations'));
    writeFileSync(file, fillTargets(readFileSync(exported(dir, ['--format', format]), 'utf8'), tagged));
    const yaml = readFileSync(join(dir, 'course.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'course.yaml'),
      yaml.replace('title: A wobbly ladder', 'title: A shaky ladder').replace('text: You fall.', 'text: You fall and hurt your **back**.').replace('  - id: results', '  - id: extra\n    type: content\n    title: One more thing\n    body: Wear gloves.\n  - id: results'),
    );
    const result = runCli(['translate', 'export', dir, '--lang', 'de']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('25 units, 21 translated, 2 changed since (marked for review), 2 to translate');
    const text = readFileSync(file, 'utf8');
    expect(xmllint(format === 'xliff2' ? 'xliff20' : 'xliff12', file)).toBe(0);
    const units = new Map(text.split(/(?=<unit |<trans-unit )/).slice(1).map((chunk) => [/id="([^"]+)"/.exec(chunk)?.[1], chunk]));
    const isMarked = (chunk = '') => chunk.includes(`state="${marked}"`) && chunk.includes('previous-source');
    expect([...units].filter(([, chunk]) => isMarked(chunk)).map(([id]) => id)).toEqual(['pages.decide.title', 'pages.decide.scenes.fall.text']);
    const changed = units.get('pages.decide.scenes.fall.text') ?? '';
    expect(changed).toContain('You fall.</note>');
    expect(changed).toContain('[de] You fall.</target>');
    expect(units.get('pages.welcome.title')).toContain('[de] Welcome</target>');
    expect(units.get('pages.welcome.title')).not.toContain('previous-source');
    expect([...units].filter(([, chunk]) => !chunk.includes('<target')).map(([id]) => id)).toEqual(['pages.extra.title', 'pages.extra.body']);
    // Exported again without a change, the marks stay until a translator reviews them.
    runCli(['translate', 'export', dir, '--lang', 'de']);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('building with translations/de.xlf', () => {
  it('writes a package per language and target, the German one with the translated texts, title and lang', async () => {
    const dir = copyFixture('valid', 'translated');
    mkdirSync(join(dir, 'translations'));
    writeFileSync(join(dir, 'translations/de.xlf'), fillTargets(readFileSync(exported(dir), 'utf8'), tagged));
    const out = tempDir();
    const result = runCli(['build', dir, '--target', 'scorm2004,xapi', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const name of ['translated-en-scorm2004', 'translated-de-scorm2004', 'translated-en-xapi', 'translated-de-xapi']) expect(result.stdout).toContain(`${name}.zip`);
    const folder = join(out, 'de');
    await extract(join(out, 'translated-de-scorm2004.zip'), { dir: folder });
    const manifest = readFileSync(join(folder, 'imsmanifest.xml'), 'utf8');
    expect(manifest).toContain('<title>[de] Working Safely</title>');
    expect(manifest).toContain('<lom:language>de</lom:language>');
    expect(manifest).toContain('<lom:description><lom:string language="de">[de] A short course in two languages.</lom:string></lom:description>');
    const page = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(page).toContain('lang="de"');
    const picked = runCli(['build', dir, '--target', 'cmi5', '--lang', 'de', '--out', out]);
    expect(picked.stdout).toContain('translated-de-cmi5.zip');
    expect(picked.stdout).not.toContain('translated-en-cmi5.zip');
  });

  it('falls back to the source for texts without a translation, with a warning that lists them', () => {
    const dir = copyFixture('valid', 'translated');
    mkdirSync(join(dir, 'translations'));
    const filled = fillTargets(readFileSync(exported(dir), 'utf8'), (words, id) => (id.startsWith('pages.quiz') ? words : tagged(words)));
    // The quiz's units left as exported: no target.
    const partial = filled.replace(/(<unit id="pages\.quiz[^]*?<\/source>)\n\s*<target[^]*?<\/target>/g, '$1');
    writeFileSync(join(dir, 'translations/de.xlf'), partial);
    const result = runCli(['build', dir, '--target', 'scorm12', '--out', tempDir()]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/translations\/de\.xlf:2:1 warning 8 texts are not translated into "de" and are shown in the source language: pages\.quiz\.title, pages\.quiz\.questions\.contact\.prompt, .* and 2 more\. \[translation-incomplete\]/);
  });
});

describe('the sample course', () => {
  it('ships in English and German: translations/de.xlf is valid, complete and current (no warning), and both packages are built', () => {
    const course = join(__dirname, '../../courses/social-media-policy');
    expect(xmllint('xliff20', join(course, 'translations/de.xlf'))).toBe(0);
    const out = tempDir();
    const result = runCli(['build', course, '--target', 'scorm12', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('social-media-policy-en-scorm12.zip');
    expect(result.stdout).toContain('social-media-policy-de-scorm12.zip');
    // Exporting again changes nothing: every unit is translated and none is out of date.
    copyFileSync(join(course, 'translations/de.xlf'), join(out, 'de.xlf'));
    const again = runCli(['translate', 'export', course, '--lang', 'de', '-o', join(out, 'de.xlf')]);
    expect(again.stdout).toContain('0 changed since (marked for review), 0 to translate');
  });
});

describe('translate import', () => {
  /** A filled export, broken by `edit`, imported: the diagnostics as printed. */
  function importBroken(edit: (xliff: string) => string): { stderr: string; code: number | null; file: string; lines: string[] } {
    const dir = copyFixture('valid', 'translated');
    const file = join(tempDir(), 'vendor.xlf');
    const text = edit(fillTargets(readFileSync(exported(dir), 'utf8'), tagged));
    writeFileSync(file, text);
    const result = runCli(['translate', 'import', file, dir]);
    return { ...result, file, lines: text.split('\n') };
  }
  const lineOf = (lines: string[], needle: string) => lines.findIndex((line) => line.includes(needle)) + 1;

  it('checks a good file and puts it in translations/<its language>.xlf', () => {
    const dir = copyFixture('valid', 'translated');
    const file = join(tempDir(), 'from-vendor.xlf');
    writeFileSync(file, fillTargets(readFileSync(exported(dir), 'utf8'), tagged));
    const result = runCli(['translate', 'import', file, dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'translations/de.xlf'), 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('reports an unknown unit, a removed inline code, an empty required text and a text over its limit where they are', () => {
    const { stderr, code, file, lines } = importBroken((xliff) =>
      xliff
        .replace('<unit id="pages.decide.title"', '<unit id="pages.decide.titel"')
        .replace('[de] Read <pc id="1" dataRefStart="d1" dataRefEnd="d2" canOverlap="no">[de] every</pc>', '[de] Read [de] every')
        .replace('<target xml:space="preserve">[de] You fall.</target>', '<target xml:space="preserve"> </target>')
        .replace('<target xml:space="preserve">[de] Working Safely</target>', `<target xml:space="preserve">${'Sicher arbeiten '.repeat(13)}</target>`),
    );
    expect(code).toBe(1);
    const at = (needle: string, column = 1) => `${file.replace(/^.*\/(?=[^/]+\/vendor)/, '')}`.length > 0 && new RegExp(`vendor\\.xlf:${lineOf(lines, needle)}:${column} error`);
    expect(stderr).toMatch(at('<unit id="pages.decide.titel"', 5) as RegExp);
    expect(stderr).toContain('The unit "pages.decide.titel" is not a text of the course. [xliff-unknown-unit]');
    expect(stderr).toContain('hint: Did you mean "pages.decide.title"?');
    expect(stderr).toMatch(/vendor\.xlf:\d+:\d+ error Unit "pages\.welcome\.body": The inline code 1 \("\*\*"\) was removed from the translation\. \[xliff-inline-code\]/);
    expect(stderr).toMatch(at('<target xml:space="preserve"> </target>', 9) as RegExp);
    expect(stderr).toContain('Unit "pages.decide.scenes.fall.text" has an empty translation, but the text is required. [xliff-empty-target]');
    expect(stderr).toContain('Unit "title" is 208 characters long; the manifest\'s <title>, the name the LMS lists the course by (SCORM 1.2) keeps at most 200. [xliff-too-long]');
    expect(stderr).toContain('The file has no unit for the text of the course: pages.decide.title. [xliff-missing-unit]');
    expect(stderr).not.toContain('    at ');
  });

  it('reports an altered inline code and a file for another language', () => {
    const altered = importBroken((xliff) => xliff.replace('<target xml:space="preserve">[de] The ladder <pc id="1"', '<target xml:space="preserve">[de] The ladder <pc id="9"'));
    expect(altered.stderr).toContain('The inline code <pc id="9"> is not one of the source\'s.');
    const french = importBroken((xliff) => xliff.replace('trgLang="de"', 'trgLang="fr"'));
    expect(french.code).toBe(1);
    expect(french.stderr).toMatch(/vendor\.xlf:2:1 error The file translates into "fr", which is not one of the course's languages \(en, de\)\./);
    expect(french.stderr).toContain('[language-not-in-course]');
  });

  it('reports XML that is not well-formed with its position, never a stack trace', () => {
    const { stderr, code } = importBroken((xliff) => xliff.replace('</source>', '</sourc>'));
    expect(code).toBe(1);
    expect(stderr).toMatch(/vendor\.xlf:\d+:\d+ error This is not well-formed XML: .* \[xliff-syntax\]/);
  });
});

describe('validate and schema', () => {
  it('validate checks each language\'s translation like build does', () => {
    const dir = copyFixture('valid', 'translated');
    mkdirSync(join(dir, 'translations'));
    writeFileSync(join(dir, 'translations/de.xlf'), fillTargets(readFileSync(exported(dir), 'utf8'), tagged).replace('<unit id="pages.quiz.title"', '<unit id="pages.quiz.titel"'));
    const result = runCli(['validate', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/translations\/de\.xlf:\d+:5 error The unit "pages\.quiz\.titel" is not a text of the course\. \[xliff-unknown-unit\]/);
  });

  it('the JSON Schema of course.yaml has languages: a list of language tags', () => {
    const schema = JSON.parse(runCli(['schema']).stdout);
    expect(schema.properties.languages).toMatchObject({ type: 'array', minItems: 1, items: { type: 'string' } });
    expect(new RegExp(schema.properties.languages.items.pattern).test('pt-BR')).toBe(true);
  });
});

describe('a wrong target language in translations/', () => {
  it('is an error at the file\'s language', () => {
    const dir = copyFixture('valid', 'translated');
    mkdirSync(join(dir, 'translations'));
    writeFileSync(join(dir, 'translations/de.xlf'), fillTargets(readFileSync(exported(dir), 'utf8'), tagged).replace('trgLang="de"', 'trgLang="fr"'));
    const result = runCli(['build', dir, '--target', 'scorm12', '--out', tempDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('translations/de.xlf:2:1 error The file\'s target language is "fr", but translations/');
    expect(result.stderr).toContain('[xliff-wrong-language]');
  });
});

describe('a problem the validator finds in a translated text', () => {
  it('is reported at the unit\'s target in the .xlf file, not at the English YAML', () => {
    const dir = copyFixture('valid', 'translated');
    mkdirSync(join(dir, 'translations'));
    // Typed by a translator as text: it reaches the Markdown as a tag the sanitiser removes.
    const xliff = fillTargets(readFileSync(exported(dir), 'utf8'), (words, id) => (id === 'pages.welcome.body' && words === 'Ask for help.' ? '[de] Hilfe holen. <iframe src="x"></iframe>' : tagged(words)));
    writeFileSync(join(dir, 'translations/de.xlf'), xliff.replace('Hilfe holen. <iframe src="x"></iframe>', 'Hilfe holen. &lt;iframe src="x"&gt;&lt;/iframe&gt;'));
    const lines = readFileSync(join(dir, 'translations/de.xlf'), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('&lt;iframe')) + 1;
    const column = lines[line - 1]!.indexOf('<target') + 1;
    const result = runCli(['validate', dir]);
    expect(result.stderr).toContain(`translations/de.xlf:${line}:${column} warning The tag <iframe> in "body" is removed from the page`);
    expect(result.stderr).not.toContain('course.yaml');
  });
});

describe('--lang for a course without languages:', () => {
  it('is an error at its language:, not ignored, also when its packages are current', () => {
    const dir = copyFixture('valid', 'basic');
    const out = tempDir();
    expect(runCli(['build', dir, '--target', 'scorm12', '--out', out]).code).toBe(0);
    const line = readFileSync(join(dir, 'course.yaml'), 'utf8').split('\n').findIndex((text) => text.startsWith('language:')) + 1;
    for (const command of [['build', dir, '--target', 'scorm12', '--out', out, '--lang', 'de'], ['validate', dir, '--lang', 'de']]) {
      const result = runCli(command);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`course.yaml:${line}:11 error --lang names "de", but the course is only in "en": it has no languages: list. [language-not-in-course]`);
      expect(result.stderr).toContain('hint: Add languages: [en, de] to course.yaml and translate it (coursepack translate export --lang de), or leave out --lang.');
      expect(result.stdout).not.toContain('basic-scorm12.zip');
    }
    // Its own language is what it is built in: no error.
    expect(runCli(['validate', dir, '--lang', 'en']).code).toBe(0);
  });
});

describe('<sc>/<ec> from a CAT tool', () => {
  const BOLD = '<pc id="1" dataRefStart="d1" dataRefEnd="d2" canOverlap="no">[de] every</pc>';

  it('a start and end marker pair stands for the <pc> it replaces: imported and built with its markup', async () => {
    const dir = copyFixture('valid', 'translated');
    const file = join(tempDir(), 'cat.xlf');
    const filled = fillTargets(readFileSync(exported(dir), 'utf8'), tagged);
    expect(filled).toContain(BOLD);
    // The tool rewrote the source's pair too: the unit is no less current for it.
    const source = '<pc id="1" dataRefStart="d1" dataRefEnd="d2" canOverlap="no">every</pc>';
    expect(filled).toContain(source);
    writeFileSync(file, filled.replace(BOLD, '<sc id="1" dataRef="d1"/>[de] every<ec startRef="1" dataRef="d2"/>').replace(source, '<sc id="1" dataRef="d1"/>every<ec startRef="1" dataRef="d2"/>'));
    const result = runCli(['translate', 'import', file, dir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = tempDir();
    expect(runCli(['build', dir, '--target', 'scorm12', '--lang', 'de', '--out', out]).code).toBe(0);
    await extract(join(out, 'translated-de-scorm12.zip'), { dir: join(out, 'de') });
    expect(readFileSync(join(out, 'de', 'index.html'), 'utf8')).toContain('<strong>[de] every</strong>');
  });

  it('a marker without its partner is refused where it is', () => {
    for (const broken of ['<sc id="1" dataRef="d1"/>[de] every', '[de] every<ec startRef="1" dataRef="d2"/>']) {
      const dir = copyFixture('valid', 'translated');
      const file = join(tempDir(), 'cat.xlf');
      writeFileSync(file, fillTargets(readFileSync(exported(dir), 'utf8'), tagged).replace(BOLD, broken));
      const result = runCli(['translate', 'import', file, dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/cat\.xlf:\d+:\d+ error Unit "pages\.welcome\.body": The inline code <(sc id="1"|ec startRef="1")> has no partner in the same element: an <sc> and its <ec startRef> together stand for the source's <pc id="1">\. \[xliff-inline-code\]/);
    }
  });
});
