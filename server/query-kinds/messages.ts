/**
 * Marshmallow's error messages and FlowMachine's "Parameter validation failed." text.
 */
import { pyDumps, pyIndent, pyNumber } from './python-json.js';

/** A marshmallow error tree: messages of a field, or errors per field / list index / `_schema`. */
export type Messages = string[] | string | { [field: string]: Messages };

/** Marshmallow 3's default messages, as FlowMachine's schemas produce them. */
export const MSG = {
  required: 'Missing data for required field.',
  queryId: 'Must be None or a valid query id.',
  null: 'Field may not be null.',
  unknown: 'Unknown field.',
  string: 'Not a valid string.',
  integer: 'Not a valid integer.',
  number: 'Not a valid number.',
  special: 'Special numeric values (nan or infinity) are not permitted.',
  boolean: 'Not a valid boolean.',
  datetime: 'Not a valid datetime.',
  date: 'Not a valid date.',
  list: 'Not a valid list.',
  mapping: 'Not a valid mapping type.',
  nestedType: 'Invalid input type.',
} as const;

/** `OneOf(choices)` message: `Must be one of: a, b, c.` */
export function oneOfMessage(choices: readonly string[]): string {
  return `Must be one of: ${choices.join(', ')}.`;
}

/** Bounds of a marshmallow `Range` validator (bounds inclusive unless said otherwise). */
export interface RangeSpec {
  /** Lower bound. */
  min?: number;
  /** Upper bound. */
  max?: number;
  /** Whether `min` itself is allowed. @defaultValue true */
  minInclusive?: boolean;
  /** Whether `max` itself is allowed. @defaultValue true */
  maxInclusive?: boolean;
  /** Write the bounds as Python floats (`1.0`), as for a `Range(0.0, 1.0)`. */
  floatBounds?: boolean;
}

const bound = (n: number, asFloat: boolean | undefined): string =>
  asFloat && Number.isInteger(n) ? `${n}.0` : pyNumber(n);

/** The `Range` message for a value outside `range`, or `undefined` when it is inside. */
export function rangeError(value: number, range: RangeSpec): string | undefined {
  const { min, max, minInclusive = true, maxInclusive = true, floatBounds } = range;
  const tooLow = min !== undefined && (minInclusive ? value < min : value <= min);
  const tooHigh = max !== undefined && (maxInclusive ? value > max : value >= max);
  if (!tooLow && !tooHigh) return undefined;
  const lower = min === undefined ? '' : `greater than ${minInclusive ? 'or equal to ' : ''}${bound(min, floatBounds)}`;
  const upper = max === undefined ? '' : `less than ${maxInclusive ? 'or equal to ' : ''}${bound(max, floatBounds)}`;
  return `Must be ${[lower, upper].filter((s) => s !== '').join(' and ')}.`;
}

/**
 * FlowMachine's validation failure text (`_load_query_object` in `action_handlers.py`), which FlowAPI
 * passes on as the 400 `msg`.
 */
export function validationFailedText(params: unknown, errors: Messages): string {
  const paramsText = pyIndent(pyDumps(params, 2), '   ');
  const errorsText = pyIndent(pyDumps(errors, 2), '   ');
  return (
    'Parameter validation failed.\n\n' +
    `The action parameters were:\n${paramsText}.\n\n` +
    `Validation error messages:\n${errorsText}.\n\n`
  );
}
