import type { Asset } from '../model';
import type { IdScope } from './ids';
import type { Reader } from './reader';

/** What every page validator shares: course-wide ids, the assets found so far, the UI strings. */
export interface ValidationContext {
  ids: IdScope;
  assets: Asset[];
  /** The course's UI strings (its language's and its own): the default titles of pages. */
  strings: Readonly<Record<string, string>>;
}

export interface PageInput {
  reader: Reader;
  node: unknown;
  context: ValidationContext;
}
