// The YAML files of a course with the role each plays, found by following its include items the
// way the loader does: an include in `pages` is a page file, one in `questions` (or in a pool)
// a pool file. The schema to check a file with follows from its role, whatever its folder.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'yaml';
import { jsonSchema, type SchemaKind } from '../../../src/schema';

export interface CourseFile {
  /** Relative to the course folder, with forward slashes. */
  path: string;
  kind: SchemaKind;
  data: unknown;
}

type Json = Record<string, unknown>;

const isInclude = (item: unknown): item is { include: string } =>
  typeof item === 'object' && item !== null && !Array.isArray(item) && Object.keys(item).length === 1 && typeof (item as Json).include === 'string';

export function courseFiles(folder: string): CourseFile[] {
  const files: CourseFile[] = [];
  const seen = new Set<string>();
  const visit = (absolute: string, kind: SchemaKind): void => {
    // A file the loader refuses to read (a link out of the course) is no course file.
    if (seen.has(absolute) || !existsSync(absolute) || !realpathSync(absolute).startsWith(realpathSync(folder))) return;
    seen.add(absolute);
    const data: unknown = parse(readFileSync(absolute, 'utf8'));
    files.push({ path: relative(folder, absolute).split('\\').join('/'), kind, data });
    const here = (item: { include: string }) => join(dirname(absolute), item.include);
    const pages = kind === 'course' ? asList((data as Json)?.pages) : kind === 'page' ? [data] : [];
    for (const page of pages) {
      if (isInclude(page)) visit(here(page), 'page');
      else for (const question of asList((page as Json)?.questions)) if (isInclude(question)) visit(here(question), 'pool');
    }
    if (kind === 'pool') for (const item of asList(data)) if (isInclude(item)) visit(here(item), 'pool');
  };
  visit(join(folder, 'course.yaml'), 'course');
  return files;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

const validators = new Map<SchemaKind, ValidateFunction>();

/**
 * A real JSON Schema 2020-12 validator: Ajv in strict mode (unknown keywords, keywords that do
 * not fit the type are errors), except strictRequired, which would refuse a scene's
 * `oneOf: [{ required: [choices] }, { required: [outcome] }]` for naming keys its enclosing
 * mapping defines.
 */
export function newAjv(): Ajv2020 {
  return new Ajv2020({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
}

export function schemaErrors(kind: SchemaKind, data: unknown): ErrorObject[] {
  let validate = validators.get(kind);
  if (!validate) {
    validate = newAjv().compile(jsonSchema(kind));
    validators.set(kind, validate);
  }
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

export function describeErrors(errors: ErrorObject[]): string {
  return errors.map((error) => `${error.instancePath || '/'} ${error.keyword} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n');
}
