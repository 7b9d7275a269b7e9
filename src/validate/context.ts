import type { Asset } from '../model';
import type { IdScope } from './ids';
import type { Reader } from './reader';

/** What every page validator shares: course-wide ids and the assets found so far. */
export interface ValidationContext {
  ids: IdScope;
  assets: Asset[];
}

export interface PageInput {
  reader: Reader;
  node: unknown;
  context: ValidationContext;
}
