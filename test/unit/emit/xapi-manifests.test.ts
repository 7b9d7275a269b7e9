// tincan.xml and cmi5.xml: golden files, the cmi5 CourseStructure schema, and what a Tin Can
// LMS reads from tincan.xml (there is no official schema file for it at hand).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkCourse } from '../../../src/compile';
import { emitManifest } from '../../../src/emit';
import type { Course } from '../../../src/model/course';

const FIXTURE = join(__dirname, '../../fixtures/valid/basic');
const CMI5_XSD = join(__dirname, '../../../../shared/xsd/cmi5/CourseStructure.xsd');
const files = ['index.html', 'coursepack.js'].map((path) => ({ path, contents: Buffer.from(path) }));

function fixture(): Course {
  const { course } = checkCourse(FIXTURE);
  if (!course) throw new Error('the basic fixture must be valid');
  return course;
}

function golden(target: 'xapi' | 'cmi5', name: string, xml: Buffer): string {
  const file = join(FIXTURE, 'expected', target, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, xml);
  }
  return readFileSync(file, 'utf8');
}

function cmi5Schema(xml: Buffer): void {
  const dir = mkdtempSync(join(tmpdir(), 'cmi5-'));
  try {
    writeFileSync(join(dir, 'cmi5.xml'), xml);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', CMI5_XSD, join(dir, 'cmi5.xml')], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('cmi5.xml', () => {
  const course = fixture();
  const manifest = emitManifest('cmi5', course, files);

  it('matches the golden file and the cmi5 CourseStructure schema', () => {
    expect(manifest.path).toBe('cmi5.xml');
    expect(manifest.contents.toString()).toBe(golden('cmi5', 'cmi5.xml', manifest.contents));
    expect(() => cmi5Schema(manifest.contents)).not.toThrow();
  });

  it('derives moveOn and masteryScore from the completion rules', () => {
    const xml = manifest.contents.toString();
    expect(xml).toContain('moveOn="CompletedAndPassed" masteryScore="0.7"');
    const completedOnly = emitManifest('cmi5', { ...course, completion: { ...course.completion, require: ['all-pages'] } }, files).contents;
    expect(completedOnly.toString()).toMatch(/moveOn="Completed" launchMethod/);
    const passedOnly = emitManifest('cmi5', { ...course, completion: { ...course.completion, require: ['passing-score'] } }, files).contents;
    expect(passedOnly.toString()).toContain('moveOn="Passed" masteryScore="0.7"');
    expect(() => cmi5Schema(completedOnly)).not.toThrow();
  });

  it('fails the schema when broken, so the check itself can fail', () => {
    expect(() => cmi5Schema(Buffer.from(manifest.contents.toString().replace('moveOn="CompletedAndPassed"', 'moveOn="Whenever"')))).toThrow();
  });
});

describe('tincan.xml', () => {
  const course = fixture();
  const manifest = emitManifest('xapi', course, files);
  const xml = manifest.contents.toString();

  it('matches the golden file', () => {
    expect(manifest.path).toBe('tincan.xml');
    expect(xml).toBe(golden('xapi', 'tincan.xml', manifest.contents));
  });

  it('describes one course activity with name, description and launch in the course language', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tincan xmlns="http:\/\/projecttincan.com\/tincan.xsd">/);
    const activities = xml.match(/<activity /g) ?? [];
    expect(activities).toHaveLength(1);
    expect(xml).toContain(`<activity id="${course.activityId}" type="http://adlnet.gov/expapi/activities/course">`);
    expect(xml).toContain('<name lang="en">Basic course &amp; friends</name>');
    expect(xml).toContain('<launch lang="en">index.html</launch>');
  });
});

describe('a multi-language package (multi-language: true)', () => {
  const course = fixture();
  const editions = [course, { ...course, language: 'de', title: 'Grundkurs', description: 'Ein Kurs für alle.' }];

  it('cmi5.xml: the course and its AU titled and described in each language, valid against CourseStructure.xsd', () => {
    const manifest = emitManifest('cmi5', course, files, { editions });
    const xml = manifest.contents.toString();
    expect(() => cmi5Schema(manifest.contents)).not.toThrow();
    expect(xml.match(/<langstring lang="de">Grundkurs<\/langstring>/g)).toHaveLength(2);
    expect(xml.match(/<langstring lang="de">Ein Kurs für alle.<\/langstring>/g)).toHaveLength(2);
  });

  it('tincan.xml: a name and description per language, one launch', () => {
    const xml = emitManifest('xapi', course, files, { editions }).contents.toString();
    expect(xml).toContain('<name lang="en">Basic course &amp; friends</name><name lang="de">Grundkurs</name>');
    expect(xml).toContain('<description lang="de">Ein Kurs für alle.</description>');
    expect(xml.match(/<launch /g)).toHaveLength(1);
  });
});
