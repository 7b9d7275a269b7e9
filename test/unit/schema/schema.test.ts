// The JSON Schemas of `coursepack schema`, checked with a real JSON Schema 2020-12 validator
// (Ajv) against the sample course, every valid fixture, the starter course and the invalid
// fixtures whose mistake a schema can express.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCourse } from '../../../src/compile';
import { initProject } from '../../../src/init';
import { jsonSchema, SCHEMA_KINDS } from '../../../src/schema';
import { repoRoot, tempDir } from '../../cli/run-cli';
import { courseFiles, describeErrors, newAjv, schemaErrors } from './course-files';

const valid = join(repoRoot, 'test/fixtures/valid');
const invalid = join(repoRoot, 'test/fixtures/invalid');

/** The keyword a schema fails on for each mistake it can express. */
const SCHEMA_LEVEL: Record<string, readonly string[]> = {
  'unknown-key': ['additionalProperties'],
  'likert-points': ['additionalProperties'],
  'missing-key': ['required'],
  'image-missing-alt': ['required'],
  'wrong-type': ['type'],
  'invalid-value': ['enum', 'const'],
  'invalid-format': ['pattern'],
  'invalid-font': ['pattern'],
  'invalid-id': ['pattern'],
  'out-of-range': ['minimum', 'maximum'],
  'empty-list': ['minItems', 'minProperties'],
  'list-length': ['minItems', 'maxItems'],
  'empty-answer': ['pattern', 'minItems'],
  'quiz-no-correct-answer': ['contains'],
  'single-choice-several-correct': ['contains'],
  'scene-incomplete': ['oneOf'],
  'ending-with-choices': ['oneOf'],
};
/** Mistakes about the course as a whole (graphs, other files, colours): each file alone is well formed. */
const BEYOND_SCHEMA = new Set([
  'duplicate-id',
  'scene-not-found',
  'scene-unreachable',
  'scenario-loop',
  'draw-exceeds-pool',
  'attestation-page-missing',
  'nothing-scored',
  'page-not-found',
  'file-not-found',
  'path-outside-course',
  'unsupported-asset',
  'low-contrast',
  'unknown-template',
  'template-syntax',
  'template-missing-hook',
  'unknown-partial',
  'unknown-helper',
]);

const fixtures = readdirSync(invalid)
  .filter((name) => existsSync(join(invalid, name, 'expected.json')))
  .map((name) => ({ name, ...(JSON.parse(readFileSync(join(invalid, name, 'expected.json'), 'utf8')) as { code: string; file: string }) }));

function expectAccepted(folder: string): void {
  const files = courseFiles(folder);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expect(`${file.path}: ${describeErrors(schemaErrors(file.kind, file.data))}`).toBe(`${file.path}: `);
}

test.each(SCHEMA_KINDS)('the %s schema is a valid JSON Schema 2020-12 (Ajv compiles it in strict mode)', (kind) => {
  const schema = jsonSchema(kind);
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(() => newAjv().compile(schema)).not.toThrow();
});

test('the sample course is accepted: course.yaml, its page files and its pool', () => {
  const files = courseFiles(join(repoRoot, 'courses/social-media-policy'));
  expect(files.map((file) => `${file.kind} ${file.path}`).sort()).toEqual(['course course.yaml', 'page pages/angry-customer.yaml', 'page pages/launch-post.yaml', 'pool pools/knowledge-check.yaml']);
  expectAccepted(join(repoRoot, 'courses/social-media-policy'));
});

test.each(readdirSync(valid))('the valid fixture %s is accepted', (name) => expectAccepted(join(valid, name)));

test('the starter course of coursepack init is accepted', () => {
  const folder = tempDir();
  try {
    initProject(folder, 'my-course');
    expect(courseFiles(join(folder, 'courses/my-course')).map((file) => file.kind).sort()).toEqual(['course', 'page', 'pool']);
    expectAccepted(join(folder, 'courses/my-course'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

const schemaLevel = fixtures.filter((fixture) => fixture.code in SCHEMA_LEVEL);
test('the schema-level mistakes are the ones the issue names, and more', () => {
  const codes = new Set(schemaLevel.map((fixture) => fixture.code));
  for (const code of ['unknown-key', 'missing-key', 'wrong-type', 'invalid-value', 'invalid-format', 'out-of-range', 'invalid-id', 'empty-list']) expect(codes).toContain(code);
});

test.each(schemaLevel.map((fixture) => [fixture.name, fixture] as const))('the invalid fixture %s is rejected where the validator points', (_name, fixture) => {
  const files = courseFiles(join(invalid, fixture.name));
  const wrong = files.find((file) => file.path === fixture.file);
  if (!wrong) throw new Error(`${fixture.file} is not a file of ${fixture.name}`);
  const errors = schemaErrors(wrong.kind, wrong.data);
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.map((error) => error.keyword).some((keyword) => SCHEMA_LEVEL[fixture.code]?.includes(keyword))).toBe(true);
  // The schema is no stricter than the validator: the fixture's other files are fine.
  for (const other of files.filter((file) => file !== wrong)) expect(schemaErrors(other.kind, other.data)).toEqual([]);
});

test.each(fixtures.filter((fixture) => BEYOND_SCHEMA.has(fixture.code)).map((fixture) => [fixture.name, fixture.code]))(
  'the invalid fixture %s (%s, beyond a schema) is well formed file by file',
  (name) => expectAccepted(join(invalid, name)),
);

test('a pool file may hold one question, or include other pools, for the schema as for the validator', () => {
  const folder = tempDir();
  try {
    mkdirSync(join(folder, 'pools'));
    writeFileSync(
      join(folder, 'course.yaml'),
      'id: pools\ntitle: Pools\nversion: 1\nlanguage: en\ndescription: Pools.\npages:\n  - id: quiz\n    type: quiz\n    title: Quiz\n    questions:\n      - include: pools/one.yaml\n      - include: pools/list.yaml\n',
    );
    writeFileSync(join(folder, 'pools/one.yaml'), 'id: one\ntype: true-false\nprompt: One?\nanswer: true\n');
    writeFileSync(join(folder, 'pools/list.yaml'), '- include: two.yaml\n- { id: three, type: numeric, prompt: Three?, answer: 3 }\n');
    writeFileSync(join(folder, 'pools/two.yaml'), '- { id: two, type: fill-in, prompt: Two?, accept: [two] }\n');
    expect(checkCourse(folder).report.errors).toEqual([]);
    expect(courseFiles(folder).map((file) => `${file.kind} ${file.path}`)).toEqual(['course course.yaml', 'pool pools/one.yaml', 'pool pools/list.yaml', 'pool pools/two.yaml']);
    expectAccepted(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
