// The shapes of the course format's description: what each mapping's keys are, what values they
// take and what they mean. The validator takes its key lists, enums, patterns and ranges from
// one such description (src/format/*.ts) and `coursepack schema` turns the same one into JSON
// Schema, so the two can never disagree about which keys exist.

/** Text; Markdown where `markdown` says so. A plain number or boolean is kept as written. */
export interface TextFormat {
  kind: 'text';
  /** Empty text is allowed (an image's `alt: ""` marks it decorative). */
  allowEmpty?: boolean;
  markdown?: boolean;
  /**
   * Not wording but a name the course refers to (a file path, a version, the id of a scene
   * written as text): `translate export` leaves it out, so it is never translated.
   */
  verbatim?: boolean;
}

/** A stable id: lower-case letters, digits and hyphens (ID_PATTERN). */
export interface IdFormat {
  kind: 'id';
}

/** Text in a fixed form (a language tag, a duration, a colour…). */
export interface PatternFormat {
  kind: 'pattern';
  /** No flags: JSON Schema patterns have none, so the validator tests the same expression. */
  pattern: RegExp;
  /** How the form is named in messages: 'a language tag such as "en" or "en-GB"'. */
  expected: string;
}

/** One of a list of words. */
export interface EnumFormat<T extends string = string> {
  kind: 'enum';
  values: readonly T[];
}

export interface NumberFormat {
  kind: 'number';
  min: number;
  max: number;
  integer?: boolean;
}

export interface BooleanFormat {
  kind: 'boolean';
}

export interface ListFormat {
  kind: 'list';
  items: ValueFormat;
  /** Fewest and most items; absent means any number. */
  min?: number;
  max?: number;
  /** How many items must have `key: true` (the correct choices of a question). */
  flagged?: { key: string; min: number; max?: number };
}

/** A mapping with known keys, nested in place. */
export interface MappingValueFormat {
  kind: 'mapping';
  mapping: MappingFormat;
}

/** A mapping from ids the author picks to mappings of one kind (a scenario's scenes). */
export interface DictionaryFormat {
  kind: 'dictionary';
  values: MappingFormat;
  /** Fewest entries. */
  min: number;
}

/** One of the variants of a family (a page of any type, a question of any type), or an include item. */
export interface VariantFormat {
  kind: 'variant';
  family: FamilyName;
  /** An item may be `include: file.yaml` instead. */
  includable: boolean;
}

/** A variant's `type` key: the name of the variant it is (`type: quiz`). */
export interface TypeTagFormat {
  kind: 'type-tag';
}

export type ValueFormat = TypeTagFormat | TextFormat | IdFormat | PatternFormat | EnumFormat | NumberFormat | BooleanFormat | ListFormat | MappingValueFormat | DictionaryFormat | VariantFormat;

export interface KeyFormat {
  value: ValueFormat;
  /** What the key means, in the words of a designer reading it on hover. */
  description: string;
  required?: boolean;
  /**
   * The diagnostic that reports this required key missing, when it is not `missing-key` (an
   * image without `alt` is `image-missing-alt`): the validator then reads the key as optional
   * and checks its absence itself.
   */
  missingReportedAs?: string;
  /** Required only when this other key is there (a cover's `alt` goes with its `image`). */
  requiredWith?: string;
  /**
   * The key is never valid here; the validator knows it only to say why (a survey question's
   * `points` is `likert-points`). The schema leaves it out.
   */
  refusedAs?: string;
  /** The value used when the key is absent, as it would be written in YAML. */
  default?: unknown;
}

export interface MappingFormat {
  /** Names the mapping in the schema ($defs) and in tests. */
  name: string;
  description: string;
  /** In the order the validator lists them in messages ("Allowed keys: …"). */
  keys: Readonly<Record<string, KeyFormat>>;
  /** Exactly one of these keys is present (a scene has choices or an outcome). */
  exactlyOneOf?: readonly string[];
  /** At least one of these keys is present (a content page has a body, blocks, or both). */
  atLeastOneOf?: readonly string[];
}

/** Mappings told apart by their `type` key. */
export interface FamilyFormat<T extends string = string> {
  name: FamilyName;
  description: string;
  /** In the order messages list the types. */
  variants: Readonly<Record<T, MappingFormat>>;
}

export type FamilyName = 'page' | 'question' | 'block';

/** The key lists the validator's Reader.object takes. */
export interface KeyLists {
  required: readonly string[];
  optional: readonly string[];
}
