// `coursepack schema` as a user runs it, and the schema files the build of the tool writes for
// editors (the starter project's VS Code settings point at node_modules/coursepack/schema/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchema, SCHEMA_KINDS } from '../../src/schema';
import { repoRoot, runCli, tempDir } from './run-cli';

test('coursepack schema prints the course.yaml schema; --for page and --for pool the others', () => {
  const plain = runCli(['schema'], tempDir());
  expect(plain.stderr).toBe('');
  expect(plain.code).toBe(0);
  expect(JSON.parse(plain.stdout)).toEqual(jsonSchema('course'));
  expect(plain.stdout.endsWith('}\n')).toBe(true);
  for (const kind of SCHEMA_KINDS) {
    const result = runCli(['schema', '--for', kind]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(jsonSchema(kind));
  }
});

test('coursepack schema refuses an unknown kind or extra arguments with a usage error', () => {
  const unknown = runCli(['schema', '--for', 'quiz']);
  expect(unknown.code).toBe(2);
  expect(unknown.stdout).toBe('');
  expect(unknown.stderr).toContain('error There is no schema "quiz". [usage]');
  expect(unknown.stderr).toContain('hint: Use --for course, --for page or --for pool.');
  const extra = runCli(['schema', 'courses/x']);
  expect(extra.code).toBe(2);
  expect(extra.stderr).toContain('error schema takes no course. [usage]');
});

test('--help explains the schema command', () => {
  const help = runCli(['--help']);
  expect(help.stdout).toMatch(/^ {2}schema {2,}.*JSON Schema/m);
  expect(help.stdout).toMatch(/--for <kind> +schema: course \(default\), page or pool/);
});

test('the build of the tool wrote schema/<kind>.schema.json, the same as the command prints', () => {
  for (const kind of SCHEMA_KINDS) {
    const file = readFileSync(join(repoRoot, 'schema', `${kind}.schema.json`), 'utf8');
    expect(JSON.parse(file)).toEqual(jsonSchema(kind));
    expect(file).toBe(runCli(['schema', '--for', kind]).stdout);
  }
});
