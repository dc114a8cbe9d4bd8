/**
 * The error of a reshape that needs a column's values to be unique and found one twice.
 * @module
 */
import { FlowclientError, guard } from '../errors.js';

/**
 * Two rows share the key {@link indexBy} indexes on (pandas' `set_index` keeps both and
 * `.loc[key]` then answers a frame; a `Map` cannot): index on a unique column, or aggregate the
 * duplicates first (`sumBy`, `meanBy`).
 */
export class DuplicateKeyError extends FlowclientError {
  override readonly name: string = 'DuplicateKeyError';
  /** The function that found the duplicate, e.g. `indexBy`. */
  declare readonly operation: string;
  /** The key column. */
  declare readonly column: string;
  /** The value found twice. */
  declare readonly key: unknown;

  constructor(operation: string, column: string, key: unknown) {
    super(`${operation}: two rows have ${column} ${JSON.stringify(key) ?? String(key)}; index on a column whose values are unique, or aggregate the rows first (sumBy, meanBy).`);
    this.operation = operation;
    this.column = column;
    this.key = key;
  }
}

/** True for a {@link DuplicateKeyError} (also from another bundle or realm: checks `name`, as the other error guards). */
export const isDuplicateKeyError = /* @__PURE__ */ guard(DuplicateKeyError, 'DuplicateKeyError');
