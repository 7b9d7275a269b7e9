// The schema and the validator know the same keys: the validator's key lists are watched while
// it reads every course we have, and compared with every mapping of the generated schema. Also:
// every key has hover help, the docs name every key and word, and the defaults the format
// states are the ones the validator applies.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCourse } from '../../../src/compile';
import { COURSE, FAMILIES, INCLUDE, type MappingFormat, UI_STRINGS, type ValueFormat } from '../../../src/format';
import { initProject } from '../../../src/init';
import type { Page, Question } from '../../../src/model';
import { jsonSchema, type JsonSchema, SCHEMA_KINDS } from '../../../src/schema';
import { Reader } from '../../../src/validate/reader';
import { repoRoot, tempDir } from '../../cli/run-cli';

type Signature = string;
const signature = (allowed: readonly string[], required: readonly string[]): Signature => `{${[...allowed].sort().join(' ')}} required {${[...required].sort().join(' ')}}`;

/** Every closed mapping of a schema (its keys and no others), with where it is. */
function mappingsOf(schema: JsonSchema): Array<{ at: string; schema: JsonSchema }> {
  const found: Array<{ at: string; schema: JsonSchema }> = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${at}/${index}`));
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const object = node as JsonSchema;
    if (object.properties && object.additionalProperties === false) found.push({ at, schema: object });
    for (const [key, value] of Object.entries(object)) walk(value, `${at}/${key}`);
  };
  walk(schema, '#');
  return found;
}

/** A schema mapping's keys as the validator should list them. */
function schemaSignature({ at, schema }: { at: string; schema: JsonSchema }): Signature {
  const keys = Object.keys(schema.properties as object);
  let required = (schema.required as string[] | undefined) ?? [];
  // An image without alt text gets its own diagnostic (image-missing-alt), not missing-key.
  if (at.endsWith('/media/items')) required = required.filter((key) => key !== 'alt');
  // So do a block's keys whose absence has a code of its own (captions-missing, transcript-missing…).
  const block = /^#\/\$defs\/block-([a-z-]+)$/.exec(at)?.[1];
  const blockKeys = block === undefined ? undefined : FAMILIES.block.variants[block]?.keys;
  if (blockKeys) required = required.filter((key) => !blockKeys[key]?.missingReportedAs);
  // A survey question may not have points; the validator knows the key only to say why (likert-points).
  if (at === '#/$defs/question-likert') keys.push('points');
  return signature(keys, required);
}

/** The key lists the validator passes to Reader.object while it reads every course we have. */
function validatorSignatures(): Set<Signature> {
  const spy = jest.spyOn(Reader.prototype, 'object');
  const starter = tempDir();
  try {
    initProject(starter, 'starter');
    const folders = [
      join(repoRoot, 'courses/social-media-policy'),
      join(starter, 'courses/starter'),
      ...['valid', 'invalid'].flatMap((kind) => readdirSync(join(repoRoot, 'test/fixtures', kind)).map((name) => join(repoRoot, 'test/fixtures', kind, name))),
    ];
    for (const folder of folders) checkCourse(folder);
    return new Set(spy.mock.calls.map(([, , keys]) => signature([...keys.required, ...keys.optional], keys.required)));
  } finally {
    spy.mockRestore();
    rmSync(starter, { recursive: true, force: true });
  }
}

test('every mapping the validator reads is in the schema with the same keys, and every mapping of the schema is one the validator reads', () => {
  const schema = jsonSchema('course');
  const mappings = mappingsOf(schema);
  // The include item is recognised by the loader, not read as a mapping by the validator.
  const read = mappings.filter((mapping) => mapping.at !== '#/$defs/include');
  expect(mappings.length - read.length).toBe(1);
  const schemaSignatures = new Set(read.map(schemaSignature));
  const validator = validatorSignatures();
  expect([...validator].filter((known) => !schemaSignatures.has(known))).toEqual([]);
  expect([...schemaSignatures].filter((described) => !validator.has(described))).toEqual([]);
  // Course, completion, theme, certificate, signatory, cover, contact, 5 page types, media, scene,
  // scenario choice, character, policy, test-out, 8 question types (single- and multiple-choice
  // alike), feedback, choice, pair, strings; 15 block types (accordion and tabs alike), panel,
  // card, hotspot.
  expect(validator.size).toBe(46);
});

test.each(SCHEMA_KINDS)('every key of the %s schema has hover help, every mapping a description', (kind) => {
  const schema = jsonSchema(kind);
  for (const { at, schema: mapping } of mappingsOf(schema)) {
    expect(`${at}: ${typeof mapping.description}`).toBe(`${at}: string`);
    for (const [key, value] of Object.entries(mapping.properties as Record<string, JsonSchema>)) {
      expect(`${at}/${key}: ${String(value.description).length > 10}`).toBe(`${at}/${key}: true`);
    }
  }
  for (const [name, definition] of Object.entries(schema.$defs as Record<string, JsonSchema>)) expect(`${name}: ${typeof definition.description}`).toBe(`${name}: string`);
});

test('the page and question types are enums an editor completes', () => {
  const schema = jsonSchema('page');
  const defs = schema.$defs as Record<string, JsonSchema>;
  const tags = (family: 'page' | 'question') => Object.keys(FAMILIES[family].variants).map((type) => ((defs[`${family}-${type}`]!.properties as Record<string, JsonSchema>).type!.const));
  expect(tags('page')).toEqual(['content', 'scenario', 'quiz', 'attestation', 'results']);
  expect(tags('question')).toEqual(['single-choice', 'multiple-choice', 'true-false', 'fill-in', 'matching', 'ordering', 'numeric', 'likert']);
  expect((schema.oneOf as unknown[]).length).toBe(5);
});

/** Every mapping of the format, nested ones included. */
function allMappings(): MappingFormat[] {
  const found = new Set<MappingFormat>();
  const visitValue = (value: ValueFormat): void => {
    if (value.kind === 'mapping') visit(value.mapping);
    if (value.kind === 'dictionary') visit(value.values);
    if (value.kind === 'list') visitValue(value.items);
  };
  const visit = (mapping: MappingFormat): void => {
    if (found.has(mapping)) return;
    found.add(mapping);
    for (const key of Object.values(mapping.keys)) visitValue(key.value);
  };
  visit(COURSE);
  visit(INCLUDE);
  for (const family of Object.values(FAMILIES)) for (const mapping of Object.values(family.variants)) visit(mapping);
  return [...found];
}

test('docs/course-format.md names every key and every word a key takes', () => {
  const docs = readFileSync(join(repoRoot, 'docs/course-format.md'), 'utf8');
  const fenced = [...docs.matchAll(/^```.*\n([\s\S]*?)^```/gm)].map((block) => block[1]!);
  const inline = [...docs.replace(/^```[\s\S]*?^```/gm, '').matchAll(/`([^`\n]+)`/g)].map((span) => span[1]!);
  const words = new Set([...fenced, ...inline].flatMap((code) => code.match(/[a-z0-9][a-z0-9-]*/g) ?? []));
  const missing: string[] = [];
  for (const mapping of allMappings()) {
    // The keys of `strings:` are those of templates/strings/en.json, which the docs point to.
    if (mapping === UI_STRINGS) continue;
    for (const [key, format] of Object.entries(mapping.keys)) {
      if (!words.has(key)) missing.push(`${mapping.name}.${key}`);
      const values = format.value.kind === 'enum' ? format.value.values : format.value.kind === 'list' && format.value.items.kind === 'enum' ? format.value.items.values : [];
      for (const value of values) if (!words.has(value)) missing.push(`${mapping.name}.${key}: ${value}`);
    }
  }
  for (const family of Object.values(FAMILIES)) for (const type of Object.keys(family.variants)) if (!words.has(type)) missing.push(`type: ${type}`);
  expect(missing).toEqual([]);
});

const MINIMAL = `id: defaults
title: Defaults
version: 1.0.0
language: en
description: Every optional key left out.
pages:
  - { id: text, type: content, title: Text, body: Words. }
  - id: story
    type: scenario
    title: Story
    start: first
    scenes:
      first: { text: Choose., choices: [{ text: Go, next: end }] }
      end: { text: Done., outcome: pass }
  - id: quiz
    type: quiz
    title: Quiz
    questions:
      - { id: pick, type: single-choice, prompt: Pick., choices: [{ text: A, correct: true }, { text: B }] }
      - { id: type-it, type: fill-in, prompt: Type., accept: [a] }
      - { id: count, type: numeric, prompt: Count., answer: 2 }
  - { id: sign, type: attestation, statement: I agree. }
  - { id: results, type: results }
`;

test('the defaults the format states are the ones the validator applies', () => {
  const folder = tempDir();
  writeFileSync(join(folder, 'course.yaml'), MINIMAL);
  const { course, report } = checkCourse(folder);
  rmSync(folder, { recursive: true, force: true });
  expect(report.errors).toEqual([]);
  if (!course) throw new Error('not valid');
  const page = <T extends Page['type']>(type: T) => course.pages.find((p) => p.type === type) as Extract<Page, { type: T }>;
  const question = <T extends Question['type']>(type: T) => page('quiz').questions.find((q) => q.type === type) as Extract<Question, { type: T }>;
  const scenario = page('scenario');
  const decision = scenario.scenes.find((scene) => scene.kind === 'decision');
  const read: Array<[MappingFormat, object | undefined]> = [
    [COURSE, course],
    [COURSE.keys.completion!.value.kind === 'mapping' ? COURSE.keys.completion!.value.mapping : COURSE, course.completion],
    [COURSE.keys.theme!.value.kind === 'mapping' ? COURSE.keys.theme!.value.mapping : COURSE, course.theme],
    ...(['scenario', 'quiz', 'attestation', 'results'] as const).map((type): [MappingFormat, object] => [FAMILIES.page.variants[type]!, page(type)]),
    ...(['single-choice', 'fill-in', 'numeric'] as const).map((type): [MappingFormat, object] => [FAMILIES.question.variants[type]!, question(type)]),
    [choiceFormat(), decision?.kind === 'decision' ? decision.choices[0] : undefined],
    [questionChoiceFormat(), question('single-choice').choices[1]],
  ];
  const checked: string[] = [];
  for (const [mapping, model] of read) {
    for (const [key, format] of Object.entries(mapping.keys)) {
      if (format.default === undefined || format.refusedAs) continue;
      const field = key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
      expect(`${mapping.name}.${key} = ${JSON.stringify((model as Record<string, unknown>)[field])}`).toBe(`${mapping.name}.${key} = ${JSON.stringify(format.default)}`);
      checked.push(`${mapping.name}.${key}`);
    }
  }
  expect(checked.length).toBeGreaterThanOrEqual(18);
});

function choiceFormat(): MappingFormat {
  const scenes = FAMILIES.page.variants.scenario!.keys.scenes!.value;
  if (scenes.kind !== 'dictionary') throw new Error('scenes');
  const choices = scenes.values.keys.choices!.value;
  if (choices.kind !== 'list' || choices.items.kind !== 'mapping') throw new Error('choices');
  return choices.items.mapping;
}

function questionChoiceFormat(): MappingFormat {
  const choices = FAMILIES.question.variants['single-choice']!.keys.choices!.value;
  if (choices.kind !== 'list' || choices.items.kind !== 'mapping') throw new Error('choices');
  return choices.items.mapping;
}
