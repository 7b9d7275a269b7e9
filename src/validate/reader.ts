import { isMap, isScalar, isSeq, type Node as YamlNode, type Scalar, type YAMLMap } from 'yaml';
import { closest } from '../diagnostics/did-you-mean';
import { messages, type Report, type SourceFile, type SourceSpan, spanOf, spanOfRange, translatedSpan } from '../diagnostics';
import { ID_PATTERN } from '../format';
import type { LoadedCourse } from '../load';
import { forbiddenCharacter, forbiddenCharacterSource } from './text';
import { typeHint } from './type-hints';

/** Reads YAML nodes of one file into typed values, reporting every problem with its position. */
export class Reader {
  constructor(
    readonly file: SourceFile,
    readonly report: Report,
    readonly loaded: LoadedCourse,
  ) {}

  span(node: YamlNode | null | undefined): SourceSpan {
    return spanOf(this.file, node);
  }

  /**
   * The reader for an included file when `node` is an include item, else this reader; undefined
   * for an include that could not be loaded (the loader has reported why).
   */
  follow(node: unknown): { reader: Reader; node: unknown } | undefined {
    if (!this.isInclude(node)) return { reader: this, node };
    const included = this.loaded.includes.get(node as YAMLMap);
    return included && { reader: new Reader(included, this.report, this.loaded), node: included.doc.contents };
  }

  /**
   * False (and a diagnostic at the very character) when the text holds a character that would
   * make a manifest ill-formed; every text of a course is read through here.
   */
  printable(node: Scalar, text: string, what: string): boolean {
    const found = forbiddenCharacter(text);
    if (!found) return true;
    const translated = translatedSpan(this.file, node);
    if (translated) {
      this.report.add(messages.controlCharacter(translated, what, found));
      return false;
    }
    const [start = 0, end = start] = node.range ?? [];
    const at = forbiddenCharacterSource(this.file.text.slice(start, end), node.type === 'QUOTE_DOUBLE');
    const offset = start + Math.max(0, at);
    this.report.add(messages.controlCharacter(spanOfRange(this.file, offset, offset + 1), what, found));
    return false;
  }

  isInclude(node: unknown): boolean {
    return isMap(node) && node.items.length === 1 && isScalar(node.items[0]?.key) && node.items[0]?.key.value === 'include';
  }

  /**
   * The value of the key that decides which other keys a mapping may have (a page's or a
   * question's `type`), read before the mapping itself so unknown keys are judged by that type.
   */
  variant<T extends string>(node: unknown, what: string, allowed: readonly T[], keysOfAnyType: readonly string[]): T | undefined {
    if (!isMap(node)) {
      this.report.add(messages.wrongType(this.span(node as YamlNode), what, 'a mapping (key: value lines)', describe(node)));
      return undefined;
    }
    const pair = pairWithKey(node, 'type');
    if (!pair) {
      // `typ:` or `Type:` is the type misspelt, not a second mistake besides a missing one.
      const misspelt = node.items.find((item) => isScalar(item.key) && !keysOfAnyType.includes(String(item.key.value)) && closest(String(item.key.value), ['type']) !== undefined);
      if (misspelt) this.report.add(messages.unknownKey(this.span(misspelt.key as YamlNode), String((misspelt.key as { value: unknown }).value), what, 'type', ['type']));
      else this.report.add(messages.missingKey(this.span(node), 'type', what, `Add "type:" with one of: ${allowed.join(', ')}.`));
      return undefined;
    }
    const value = isScalar(pair.value) ? String(pair.value.value) : '';
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.report.add(messages.invalidValue(this.span(pair.value as YamlNode), `the type of ${what}`, value, allowed, closest(value, allowed)));
    return undefined;
  }

  /** A mapping with known keys; unknown keys and missing required keys are reported. */
  object(node: unknown, where: string, keys: { required: readonly string[]; optional: readonly string[] }): Fields | undefined {
    if (!isMap(node)) {
      this.report.add(messages.wrongType(this.span(node as YamlNode), where, 'a mapping (key: value lines)', describe(node)));
      return undefined;
    }
    const allowed = [...keys.required, ...keys.optional];
    const values = new Map<string, YamlNode | null>();
    const misspelt = new Set<string | undefined>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        const suggestion = closest(key, allowed);
        misspelt.add(suggestion);
        this.report.add(messages.unknownKey(this.span(pair.key as YamlNode), key, where, suggestion, allowed));
        continue;
      }
      values.set(key, (pair.value as YamlNode | null) ?? null);
    }
    for (const key of keys.required) {
      // A misspelt key already got a "did you mean" for this one; a second message adds nothing.
      if (!values.has(key) && !misspelt.has(key)) this.report.add(messages.missingKey(this.span(node), key, where));
    }
    return new Fields(this, node, where, values, values.size < node.items.length);
  }
}

/** The fields of one mapping, read by key with the expected type. */
export class Fields {
  constructor(
    readonly reader: Reader,
    readonly node: YAMLMap,
    readonly where: string,
    private readonly values: Map<string, YamlNode | null>,
    /** Some key was unknown (reported): what the mapping meant is not all known, e.g. a misspelt "correct". */
    readonly hasUnknownKeys = false,
  ) {}

  get span(): SourceSpan {
    return this.reader.span(this.node);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  raw(key: string): YamlNode | null | undefined {
    return this.values.get(key);
  }

  spanOf(key: string): SourceSpan {
    return this.reader.span(this.values.get(key) ?? this.node);
  }

  /** Text; a plain number such as `version: 1.0` is kept as written. */
  string(key: string, options: { allowEmpty?: boolean } = {}): string | undefined {
    const node = this.values.get(key);
    if (node === undefined) return undefined;
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
      this.wrong(key, 'text', node);
      return undefined;
    }
    const text = typeof node.value === 'string' ? node.value : sourceText(this.reader.file, node);
    if (!options.allowEmpty && text.trim() === '') {
      this.wrong(key, 'non-empty text', node);
      return undefined;
    }
    return this.reader.printable(node, text, `"${key}" in ${this.where}`) ? text : undefined;
  }

  number(key: string, range: { min: number; max: number; integer?: boolean }): number | undefined {
    const node = this.values.get(key);
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isFinite(node.value)) {
      this.wrong(key, range.integer ? 'a whole number' : 'a number', node);
      return undefined;
    }
    if (range.integer && !Number.isInteger(node.value)) {
      this.wrong(key, 'a whole number', node);
      return undefined;
    }
    if (node.value < range.min || node.value > range.max) {
      this.reader.report.add(messages.outOfRange(this.spanOf(key), `"${key}"`, node.value, range.min, range.max));
      return undefined;
    }
    return node.value;
  }

  boolean(key: string): boolean | undefined {
    const node = this.values.get(key);
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'boolean') {
      this.wrong(key, 'true or false', node);
      return undefined;
    }
    return node.value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.reader.report.add(messages.invalidValue(this.spanOf(key), `"${key}"`, value, allowed, closest(value, allowed)));
    return undefined;
  }

  matching(key: string, pattern: RegExp, expected: string): string | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (pattern.test(value)) return value;
    this.reader.report.add(messages.invalidFormat(this.spanOf(key), `"${key}"`, value, expected));
    return undefined;
  }

  id(key: string): string | undefined {
    const value = this.string(key);
    if (value === undefined) return undefined;
    if (ID_PATTERN.test(value)) return value;
    this.reader.report.add(messages.invalidId(this.spanOf(key), value));
    return undefined;
  }

  /** The items of a list; an empty list is reported when `nonEmpty`. */
  list(key: string, options: { nonEmpty?: boolean } = {}): unknown[] | undefined {
    const node = this.values.get(key);
    if (node === undefined) return undefined;
    if (!isSeq(node)) {
      this.wrong(key, 'a list', node);
      return undefined;
    }
    if (options.nonEmpty && node.items.length === 0) {
      this.reader.report.add(messages.emptyList(this.spanOf(key), `"${key}"`));
      return undefined;
    }
    return node.items;
  }

  strings(key: string): string[] | undefined {
    const items = this.list(key);
    if (!items) return undefined;
    const out: string[] = [];
    for (const item of items) {
      if (isScalar(item) && item.value !== null && typeof item.value !== 'object') {
        const text = typeof item.value === 'string' ? item.value : sourceText(this.reader.file, item);
        if (this.reader.printable(item, text, `an item of "${key}" in ${this.where}`)) out.push(text);
      } else {
        this.reader.report.add(messages.wrongType(this.reader.span(item as YamlNode), `each item of "${key}"`, 'text', describe(item)));
      }
    }
    return out;
  }

  private wrong(key: string, expected: string, node: YamlNode | null): void {
    this.reader.report.add(messages.wrongType(this.spanOf(key), `"${key}" in ${this.where}`, expected, describe(node), typeHint(this.reader.file, key, expected, node)));
  }
}

function sourceText(file: SourceFile, node: Scalar): string {
  const range = node.range;
  return range ? file.text.slice(range[0], range[1]).trim() : String(node.value);
}

export function describe(node: unknown): string {
  if (node === null || node === undefined) return 'empty';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'empty';
    if (typeof value === 'number') return `the number ${value}`;
    if (typeof value === 'boolean') return `${value}`;
    if (typeof value === 'string') return value.trim() === '' ? 'empty text' : `the text "${truncate(value)}"`;
  }
  return 'this value';
}

/** The `id` of a mapping, for messages about it before it is validated. */
export function labelOf(node: unknown): string {
  if (!isMap(node)) return '?';
  const pair = pairWithKey(node, 'id');
  return pair && isScalar(pair.value) ? String(pair.value.value) : '?';
}

/**
 * The pair of a mapping with this key. A loop, not items.find with an arrow made per call: V8
 * holds optimised code weakly, and such an arrow, run for every page and question, was optimised
 * anew 19 times in each catalogue worker.
 */
function pairWithKey(map: YAMLMap, key: string): YAMLMap['items'][number] | undefined {
  for (const item of map.items) if (isScalar(item.key) && item.key.value === key) return item;
  return undefined;
}

function truncate(text: string): string {
  return text.length > 30 ? `${text.slice(0, 27)}…` : text;
}
