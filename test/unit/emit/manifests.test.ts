// Manifests: golden files (reviewable diffs; UPDATE_GOLDEN=1 rewrites) and the official schemas.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkCourse } from '../../../src/compile';
import { emitManifest } from '../../../src/emit';

type ManifestTarget = 'scorm12' | 'scorm2004' | 'scorm2004-3rd';
import type { Course } from '../../../src/model/course';
import type { OutputFile } from '../../../src/render/output-file';

const FIXTURE = join(__dirname, '../../fixtures/valid/basic');
const SCHEMAS: Record<ManifestTarget, string> = {
  scorm12: join(__dirname, '../../../../shared/xsd/scorm12/validate.xsd'),
  scorm2004: join(__dirname, '../../../../shared/xsd/scorm2004-4th/validate.xsd'),
  'scorm2004-3rd': join(__dirname, '../../../../shared/xsd/scorm2004-3rd/validate.xsd'),
};
const SCHEMA_FOLDERS: Record<ManifestTarget, string> = { scorm12: 'scorm12', scorm2004: 'scorm2004-4th', 'scorm2004-3rd': 'scorm2004-3rd' };
const SHARED_XSD = process.env.COURSEPACK_XSD_DIR;
const schemaFor = (target: ManifestTarget) => (SHARED_XSD ? join(SHARED_XSD, SCHEMA_FOLDERS[target], 'validate.xsd') : SCHEMAS[target]);

function fixtureCourse(): Course {
  const { course, report } = checkCourse(FIXTURE);
  if (!course || report.hasErrors) throw new Error('the basic fixture must be valid');
  return course;
}

// The phases before emit, reduced to what the manifest needs: the package's file list.
const files: OutputFile[] = ['index.html', 'theme.css', 'coursepack.js', 'assets/logo.svg', 'assets/dot.svg'].map((path) => ({ path, contents: Buffer.from(path) }));

function xmllint(target: ManifestTarget, xml: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  try {
    writeFileSync(join(dir, 'imsmanifest.xml'), xml);
    return execFileSync('xmllint', ['--noout', '--nonet', '--schema', schemaFor(target), join(dir, 'imsmanifest.xml')], { cwd: dirname(schemaFor(target)), encoding: 'utf8', stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each<ManifestTarget>(['scorm12', 'scorm2004', 'scorm2004-3rd'])('%s manifest', (target) => {
  const course = fixtureCourse();
  const manifest = emitManifest(target, course, files);
  const xml = manifest.contents.toString('utf8');

  it('matches the golden file', () => {
    const golden = join(FIXTURE, 'expected', target, 'imsmanifest.xml');
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(dirname(golden), { recursive: true });
      writeFileSync(golden, manifest.contents);
    }
    expect(manifest.path).toBe('imsmanifest.xml');
    expect(xml).toBe(readFileSync(golden, 'utf8'));
  });

  it('validates against the official schemas with xmllint', () => {
    expect(() => xmllint(target, manifest.contents)).not.toThrow();
  });

  it('lists every file of the package', () => {
    for (const file of files) expect(xml).toContain(`<file href="${file.path}"/>`);
  });

  it('carries the passing score where the LMS looks for it', () => {
    if (target === 'scorm12') expect(xml).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
    else expect(xml).toMatch(/satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0.7<\/imsss:minNormalizedMeasure>/);
  });

  it('escapes course text and still validates', () => {
    const tricky = { ...course, title: 'Q&A <draft> "1"', description: "It's <b>bold</b> & more" };
    const escaped = emitManifest(target, tricky, files).contents;
    expect(escaped.toString()).toContain('Q&amp;A &lt;draft&gt; &quot;1&quot;');
    expect(() => xmllint(target, escaped)).not.toThrow();
  });

  it('fails the schema when broken, so the check itself can fail', () => {
    const broken = Buffer.from(xml.replace(/<organizations default="[^"]*">/, '<organizations default="org-basic"><bogus/>'));
    expect(() => xmllint(target, broken)).toThrow();
  });
});

test('a title longer than SCORM 1.2 allows is cut in its <title>s, so the manifest stays valid; SCORM 2004 keeps it whole', () => {
  const title = `${'Long title '.repeat(30)}end`;
  const course = { ...fixtureCourse(), title };
  const scorm12 = emitManifest('scorm12', course, files).contents;
  expect(() => xmllint('scorm12', scorm12)).not.toThrow();
  expect(scorm12.toString('utf8')).toContain(`<title>${title.slice(0, 199)}…</title>`);
  expect(scorm12.toString('utf8')).toContain(`<imsmd:langstring xml:lang="en">${title}</imsmd:langstring>`);
  expect(emitManifest('scorm2004', course, files).contents.toString('utf8')).toContain(`<title>${title}</title>`);
});

describe('SCORM 2004 editions', () => {
  const course = fixtureCourse();
  const third = emitManifest('scorm2004-3rd', course, files).contents.toString('utf8');
  const fourth = emitManifest('scorm2004', course, files).contents.toString('utf8');

  test('each names its edition in <schemaversion> (CAM 4.1.1.1)', () => {
    expect(third).toContain('<schemaversion>2004 3rd Edition</schemaversion>');
    expect(fourth).toContain('<schemaversion>2004 4th Edition</schemaversion>');
  });

  // What the 4th Edition added to ADL CP (completionThreshold's attributes, adlcp:data) is not in
  // the 3rd's schema: the check refuses it, so a manifest that validates there has none of it.
  test.each([
    ['completedByMeasure', '<adlcp:completionThreshold completedByMeasure="true" minProgressMeasure="1"/>'],
    ['adlcp:data', '<adlcp:data><adlcp:map targetID="x" readSharedData="true"/></adlcp:data>'],
  ])('4th-only markup (%s) fails the 3rd Edition schema and passes the 4th', (_name, markup) => {
    const inject = (xml: string) => Buffer.from(xml.replace(/(<item [^>]*>\s*<title>[^<]*<\/title>)/, `$1\n        ${markup}`));
    expect(() => xmllint('scorm2004', inject(fourth))).not.toThrow();
    expect(() => xmllint('scorm2004-3rd', inject(third))).toThrow();
    expect(third).not.toMatch(/completedByMeasure|adlcp:data|adlseq:objectives/);
  });

  test('without sequencing (an LMS that ignores it) the item has no <imsss:sequencing> and still validates', () => {
    const plain = emitManifest('scorm2004-3rd', course, files, { sequencing: false }).contents;
    expect(plain.toString()).not.toContain('imsss:sequencing');
    expect(() => xmllint('scorm2004-3rd', plain)).not.toThrow();
  });
});
