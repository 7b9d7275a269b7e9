// Every LMS profile's packages, for every target it takes: the manifest validates against the
// official schemas of that target (SCORM 1.2, 2004 3rd and 4th Edition, cmi5) with xmllint.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkCourse, renderPackage } from '../../../src/compile';
import { LMS_IDS, LMS_PROFILES } from '../../../src/standards/lms-profiles';
import type { Target } from '../../../src/standards/targets';
import { contentsOf } from '../../support/output-files';

const XSD = join(__dirname, '../../../../shared/xsd');
// tincan.xml has no official schema; test/unit/emit/xapi-manifests.test.ts checks it.
const SCHEMAS: Partial<Record<Target, { file: string; schema: string }>> = {
  scorm12: { file: 'imsmanifest.xml', schema: join(XSD, 'scorm12/validate.xsd') },
  scorm2004: { file: 'imsmanifest.xml', schema: join(XSD, 'scorm2004-4th/validate.xsd') },
  'scorm2004-3rd': { file: 'imsmanifest.xml', schema: join(XSD, 'scorm2004-3rd/validate.xsd') },
  cmi5: { file: 'cmi5.xml', schema: join(XSD, 'cmi5/CourseStructure.xsd') },
};

const { course } = checkCourse(join(__dirname, '../../fixtures/valid/basic'));
const cases = LMS_IDS.flatMap((lms) => LMS_PROFILES[lms].takes.filter((target) => SCHEMAS[target]).map((target) => [lms, target] as const));

function xmllint(schema: string, xml: Buffer): void {
  const dir = mkdtempSync(join(tmpdir(), 'lms-manifest-'));
  try {
    writeFileSync(join(dir, 'manifest.xml'), xml);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', schema, join(dir, 'manifest.xml')], { cwd: dirname(schema), stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.each(cases)('%s: the %s manifest is valid', (lms, target) => {
  const { file, schema } = SCHEMAS[target]!;
  const manifest = { contents: contentsOf(renderPackage(course!, target, { lms }).find((output) => output.path === file)) };
  expect(() => xmllint(schema, manifest.contents)).not.toThrow();
  if (target.startsWith('scorm2004')) expect(manifest.contents.toString().includes('<imsss:sequencing>')).toBe(LMS_PROFILES[lms].sequencing);
});
