// `coursepack schema`: JSON Schema (draft 2020-12) for course.yaml, page files and question
// pools, generated from the format description the validator reads (src/format), so an editor
// completes and checks exactly the keys the validator knows.
//
// Editors implement draft 7 (VS Code's YAML extension runs yaml-language-server), so the schema
// keeps to keywords that mean the same in both (properties, required, additionalProperties,
// propertyNames, enum, const, pattern, minimum/maximum, items, minItems/maxItems, contains, oneOf,
// $ref to $defs). Only minContains/maxContains (exactly one correct choice) are newer: an editor
// ignores them and the validator still checks.
import { COURSE, FAMILIES, ID_PATTERN, INCLUDE, type FamilyFormat, type KeyFormat, type MappingFormat, type ValueFormat } from '../format';

export const SCHEMA_KINDS = ['course', 'page', 'pool'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
export type JsonSchema = { [keyword: string]: unknown };

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

const ROOTS: Record<SchemaKind, () => JsonSchema> = {
  course: () => ({ title: 'coursepack course (course.yaml)', ...mappingSchema(COURSE) }),
  page: () => ({
    title: 'coursepack page file',
    ...familySchema(FAMILIES.page, variantRefs(FAMILIES.page)),
    description: 'One page of a course in a file of its own, taken into the course by "- include: pages/file.yaml" in its pages.',
  }),
  pool: () => ({
    title: 'coursepack question pool',
    description: 'A pool: a list of questions (or "- include: file.yaml" items) in a file of its own, taken into a quiz by "- include: pools/file.yaml" in its questions.',
    oneOf: [{ type: 'array', items: ref('question-item') }, ref('question')],
  }),
};

/** The schema for one kind of file, with every page and question type under $defs. */
export function jsonSchema(kind: SchemaKind): JsonSchema {
  return { $schema: DRAFT, ...ROOTS[kind](), $defs: definitions() };
}

function definitions(): Record<string, JsonSchema> {
  const defs: Record<string, JsonSchema> = { include: { title: 'Include a file', ...mappingSchema(INCLUDE) } };
  for (const family of Object.values(FAMILIES)) {
    for (const [type, mapping] of Object.entries(family.variants)) {
      defs[`${family.name}-${type}`] = { title: `${type[0]?.toUpperCase()}${type.slice(1)} ${family.name}`, ...mappingSchema(mapping, type) };
    }
    defs[family.name] = familySchema(family, variantRefs(family));
    defs[`${family.name}-item`] = familySchema(family, [ref('include'), ...variantRefs(family)]);
  }
  return defs;
}

/**
 * One of the family's types (or an include). `type` is also listed with every value here, where
 * no alternative has been picked yet: an editor completes `type:` from it (picking the best
 * alternative first, it would offer only that one's value).
 */
function familySchema(family: FamilyFormat, alternatives: JsonSchema[]): JsonSchema {
  const typeKey = Object.values(family.variants)[0]?.keys.type;
  return {
    description: family.description,
    type: 'object',
    properties: { type: { description: typeKey?.description, enum: Object.keys(family.variants) } },
    oneOf: alternatives,
  };
}

function ref(name: string): JsonSchema {
  return { $ref: `#/$defs/${name}` };
}

function variantRefs(family: FamilyFormat): JsonSchema[] {
  return Object.keys(family.variants).map((type) => ref(`${family.name}-${type}`));
}

/** A closed mapping: its keys and nothing else. `tag` is the variant's own `type` value. */
function mappingSchema(mapping: MappingFormat, tag?: string): JsonSchema {
  const keys = Object.entries(mapping.keys).filter(([, key]) => !key.refusedAs);
  const schema: JsonSchema = {
    description: mapping.description,
    type: 'object',
    properties: Object.fromEntries(keys.map(([name, key]) => [name, keySchema(key, tag)])),
    additionalProperties: false,
  };
  const required = keys.filter(([, key]) => key.required).map(([name]) => name);
  if (required.length > 0) schema.required = required;
  if (mapping.exactlyOneOf) schema.oneOf = mapping.exactlyOneOf.map((name) => ({ required: [name] }));
  // if/then rather than dependentRequired: it means the same in draft-07 (editors) and 2020-12.
  const dependent = keys.filter(([, key]) => key.requiredWith).map(([name, key]) => ({ if: { required: [key.requiredWith] }, then: { required: [name] } }));
  if (dependent.length > 0) schema.allOf = dependent;
  if (mapping.atLeastOneOf) schema.anyOf = mapping.atLeastOneOf.map((name) => ({ required: [name] }));
  return schema;
}

function keySchema(key: KeyFormat, tag: string | undefined): JsonSchema {
  const schema = valueSchema(key.value, tag);
  const description = key.default === undefined ? key.description : `${key.description} Default: ${yamlText(key.default)}.`;
  // The key's own description first (and instead of a nested mapping's), where a reader looks.
  return Object.assign({ description }, schema, { description }, key.default === undefined ? {} : { default: key.default });
}

function valueSchema(value: ValueFormat, tag: string | undefined): JsonSchema {
  switch (value.kind) {
    case 'type-tag':
      if (tag === undefined) throw new Error('coursepack: a type key outside a page or question type');
      return { const: tag };
    case 'text':
      // A plain number or boolean is text as written (version: 1.0), as the validator reads it.
      return { type: ['string', 'number', 'boolean'], ...(value.allowEmpty ? {} : { pattern: String.raw`\S` }) };
    case 'id':
      // `id: 2024` is read as written, so a whole number is an id too.
      return { type: ['string', 'integer'], pattern: patternSource(ID_PATTERN), minimum: 0 };
    case 'pattern':
      return { type: 'string', pattern: patternSource(value.pattern) };
    case 'enum':
      return { type: 'string', enum: [...value.values] };
    case 'number':
      return { type: value.integer ? 'integer' : 'number', minimum: value.min, maximum: value.max };
    case 'boolean':
      return { type: 'boolean' };
    case 'list':
      return listSchema(value.items, value);
    case 'mapping':
      return mappingSchema(value.mapping);
    case 'dictionary':
      return { type: 'object', minProperties: value.min, propertyNames: { pattern: patternSource(ID_PATTERN) }, additionalProperties: mappingSchema(value.values) };
    case 'variant':
      return ref(value.includable ? `${value.family}-item` : value.family);
  }
}

function listSchema(items: ValueFormat, list: Extract<ValueFormat, { kind: 'list' }>): JsonSchema {
  const schema: JsonSchema = { type: 'array', items: valueSchema(items, undefined) };
  if (list.min !== undefined) schema.minItems = list.min;
  if (list.max !== undefined) schema.maxItems = list.max;
  if (list.flagged) {
    const { key, min, max } = list.flagged;
    schema.contains = { type: 'object', properties: { [key]: { const: true } }, required: [key] };
    schema.minContains = min;
    if (max !== undefined) schema.maxContains = max;
  }
  return schema;
}

/** JSON Schema patterns have no flags: the format's expressions must need none. */
function patternSource(pattern: RegExp): string {
  if (pattern.flags) throw new Error(`coursepack: the pattern ${pattern} has flags, which JSON Schema cannot express`);
  return pattern.source;
}

function yamlText(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(yamlText).join(', ')}]` : String(value);
}

