// Manifest edge cases the fixture does not hit (golden files and the basics: manifests.test.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCourse } from '../../../src/compile';
import { emitManifest, fileHref } from '../../../src/emit';

type ManifestTarget = 'scorm12' | 'scorm2004' | 'scorm2004-3rd';
import type { Course } from '../../../src/model/course';

const SCHEMA: Record<ManifestTarget, string> = {
  scorm12: join(__dirname, '../../../../shared/xsd/scorm12/validate.xsd'),
  scorm2004: join(__dirname, '../../../../shared/xsd/scorm2004-4th/validate.xsd'),
  'scorm2004-3rd': join(__dirname, '../../../../shared/xsd/scorm2004-3rd/validate.xsd'),
};

function validate(target: ManifestTarget, xml: Buffer): void {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-edge-'));
  try {
    writeFileSync(join(dir, 'imsmanifest.xml'), xml);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA[target], join(dir, 'imsmanifest.xml')], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function edgeCourse(): Course {
  const { course } = checkCourse(join(__dirname, '../../fixtures/valid/basic'));
  if (!course) throw new Error('the basic fixture must be valid');
  const { duration: _duration, ...rest } = course;
  return {
    ...rest,
    id: '9lives',
    version: '2024.11.25-release-candidate-7',
    keywords: [],
    completion: { ...course.completion, passingScore: 57, require: ['all-pages'] },
  };
}

const files = ['index.html', 'assets/a b#1%.png', 'assets/Résumé?.svg'].map((path) => ({ path, contents: Buffer.from(path) }));

describe.each<ManifestTarget>(['scorm12', 'scorm2004', 'scorm2004-3rd'])('%s', (target) => {
  const course = edgeCourse();
  const manifest = emitManifest(target, course, files);
  const xml = manifest.contents.toString('utf8');

  test('an id starting with a digit, a long version, no keywords or duration: still valid', () => {
    expect(() => validate(target, manifest.contents)).not.toThrow();
    expect(xml).toContain('identifier="org-9lives"');
  });

  test('file names that are not URI-safe are percent-encoded and still listed in path order', () => {
    const hrefs = [...xml.matchAll(/<file href="([^"]*)"\/>/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['assets/R%C3%A9sum%C3%A9%3F.svg', 'assets/a%20b%231%25.png', 'index.html']);
  });

  test('the same input gives the same bytes', () => {
    expect(emitManifest(target, course, [...files].reverse()).contents.equals(manifest.contents)).toBe(true);
  });
});

test('SCORM 1.2 keeps the full version in LOM but leaves the 20-character attribute out', () => {
  const xml = emitManifest('scorm12', edgeCourse(), files).contents.toString();
  expect(xml).toMatch(/<manifest identifier="cp-9lives"\n/);
  expect(xml).toContain('>2024.11.25-release-candidate-7</imsmd:langstring>');
  expect(xml).toContain('<adlcp:masteryscore>57</adlcp:masteryscore>');
});

test('SCORM 2004 sets no satisfied-by-measure objective when the passing score is not required', () => {
  const xml = emitManifest('scorm2004', edgeCourse(), files).contents.toString();
  expect(xml).not.toContain('minNormalizedMeasure');
  expect(xml).toContain('version="2024.11.25-release-candidate-7"');
});

test('fileHref keeps slashes and plain names', () => {
  expect(fileHref('assets/img-1_a.b~c.png')).toBe('assets/img-1_a.b~c.png');
  expect(fileHref("it's (x).png")).toBe('it%27s%20%28x%29.png');
});

// multi-language: true: one package holds every language; the manifest names it in each where
// the standard takes a string per language (LOM's langstrings), and in the source's in SCORM 1.2.
describe.each<ManifestTarget>(['scorm12', 'scorm2004', 'scorm2004-3rd'])('%s, a multi-language package', (target) => {
  const course = edgeCourse();
  const german = { ...course, language: 'de', title: 'Grundkurs & Freunde', description: 'Ein Kurs für alle.' };
  const manifest = emitManifest(target, course, files, { editions: [course, german] });
  const xml = manifest.contents.toString('utf8');

  test('validates, titled and described in each language where the standard allows', () => {
    expect(() => validate(target, manifest.contents)).not.toThrow();
    if (target === 'scorm12') {
      expect(xml).not.toContain('Grundkurs');
    } else {
      expect(xml).toContain(`<lom:title><lom:string language="en">${course.title.replace(/&/g, '&amp;')}</lom:string><lom:string language="de">Grundkurs &amp; Freunde</lom:string></lom:title>`);
      expect(xml).toContain('<lom:string language="de">Ein Kurs für alle.</lom:string>');
    }
  });
});
