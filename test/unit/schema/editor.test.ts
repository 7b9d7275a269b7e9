// The schemas in the engine behind VS Code's YAML extension (redhat.vscode-yaml is a client of
// yaml-language-server): it completes the keys of the page or question type chosen, every value
// of `type` and of the other word lists, shows each key's meaning on hover, and finds the
// starter and sample courses free of problems.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server/lib/umd/languageservice/yamlLanguageService';
import { jsonSchema, SCHEMA_KINDS, type SchemaKind } from '../../../src/schema';
import { repoRoot } from '../../cli/run-cli';

const schemaUri = (kind: SchemaKind) => `file:///coursepack/schema/${kind}.schema.json`;
const service = getLanguageService({
  schemaRequestService: async (uri: string) => JSON.stringify(jsonSchema(SCHEMA_KINDS.find((kind) => schemaUri(kind) === uri) ?? 'course')),
  workspaceContext: { resolveRelativePath: (path: string) => path },
});
service.configure({ validate: true, completion: true, hover: true, schemas: SCHEMA_KINDS.map((kind) => ({ uri: schemaUri(kind), fileMatch: [`*.${kind}.yaml`] })) });

let documents = 0;
/** A document for the schema of `kind`. A new URI each time: the service caches by URI. */
function open(kind: SchemaKind, text: string): TextDocument {
  return TextDocument.create(`file:///project/file-${++documents}.${kind}.yaml`, 'yaml', 1, text);
}

/** The document and the position `|` marks in it. */
function openAt(kind: SchemaKind, text: string): { document: TextDocument; cursor: ReturnType<TextDocument['positionAt']> } {
  const document = open(kind, text.replace('|', ''));
  return { document, cursor: document.positionAt(text.indexOf('|')) };
}

async function completions(kind: SchemaKind, text: string): Promise<string[]> {
  const { document, cursor } = openAt(kind, text);
  const list = await service.doComplete(document, cursor, false);
  // Besides keys and values the list offers the whole mapping as a snippet, named by its title.
  return list.items.map((item) => item.label).filter((label) => !/ (page|question)$|^Include a file$|^coursepack /.test(label));
}

async function hover(kind: SchemaKind, text: string): Promise<string> {
  const { document, cursor } = openAt(kind, text);
  const found = await service.doHover(document, cursor);
  return found && typeof found.contents === 'object' && 'value' in found.contents ? found.contents.value : '';
}

async function problems(kind: SchemaKind, text: string): Promise<string[]> {
  return (await service.doValidation(open(kind, text), false)).map((problem) => `${problem.range.start.line + 1}: ${problem.message}`);
}

test('the keys offered are those of the chosen page type', async () => {
  expect(await completions('page', 'id: check\ntype: quiz\n|')).toEqual(['title', 'intro', 'shuffle', 'draw', 'attempts', 'mode', 'questions', 'test-out', 'min-time']);
  expect(await completions('page', 'id: intro\ntype: content\n|')).toEqual(['title', 'body', 'media', 'blocks', 'min-time']);
  expect(await completions('course', 'pages:\n  - id: end\n    type: results\n    |')).toEqual(['title', 'body', 'review', 'certificate']);
});

test('the keys offered are those of the chosen question type; a survey question has no points', async () => {
  expect(await completions('pool', '- id: count\n  type: numeric\n  |')).toEqual(['prompt', 'points', 'feedback', 'remediation', 'answer', 'tolerance']);
  expect(await completions('pool', '- id: opinion\n  type: likert\n  |')).toEqual(['prompt', 'feedback', 'scale', 'pinned']);
  expect(await completions('page', 'id: check\ntype: quiz\ntitle: Check\nquestions:\n  - id: sure\n    type: true-false\n    |')).toEqual(['prompt', 'points', 'feedback', 'remediation', 'answer']);
});

test('type and the other word lists complete every value', async () => {
  expect((await completions('page', 'id: p\ntype: |')).sort()).toEqual(['attestation', 'content', 'quiz', 'results', 'scenario']);
  expect((await completions('pool', '- id: q\n  type: |')).sort()).toEqual(['fill-in', 'likert', 'matching', 'multiple-choice', 'numeric', 'ordering', 'single-choice', 'true-false']);
  expect(await completions('course', 'navigation: |')).toEqual(['linear', 'free']);
  expect(await completions('course', 'completion:\n  report: |')).toEqual(['passed-incomplete', 'passed-failed', 'completed-incomplete', 'completed-failed']);
});

test('hovering a key shows what it means, with its default', async () => {
  expect(await hover('course', 'navi|gation: free')).toContain('linear: Next unlocks once the page is done. free: learners may open any page at any time. Default: linear.');
  expect(await hover('page', 'id: end\ntype: results\nrev|iew: none')).toContain('What the answer review shows');
  expect(await hover('course', 'pages:\n  - id: check\n    type: quiz\n    title: Check\n    questions:\n      - id: a\n        type: fill-in\n        prompt: P\n        acc|ept: [x]')).toContain('Every answer that counts as right');
});

test('the starter and the sample course have no problems; a misspelt key has one', async () => {
  const starter = join(repoRoot, 'templates/starter/course');
  const sample = join(repoRoot, 'courses/social-media-policy');
  const read = (path: string) => readFileSync(path, 'utf8').replaceAll('__ID__', 'my-course');
  expect(await problems('course', read(join(starter, 'course.yaml')))).toEqual([]);
  expect(await problems('page', read(join(starter, 'pages/scenario.yaml')))).toEqual([]);
  expect(await problems('pool', read(join(starter, 'pools/questions.yaml')))).toEqual([]);
  expect(await problems('course', read(join(sample, 'course.yaml')))).toEqual([]);
  expect(await problems('pool', read(join(sample, 'pools/knowledge-check.yaml')))).toEqual([]);
  expect(await problems('page', 'id: intro\ntype: content\ntitel: Intro\nbody: Hi\n')).toEqual(['1: Missing property "title".', '3: Property titel is not allowed.']);
});
