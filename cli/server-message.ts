/**
 * FlowAPI's 400 "Parameter validation failed." text, which spans many lines (the spec echoed
 * back, then the validation errors as indented JSON), read into one line a terminal can show.
 * @module
 */

const MARKER = 'Validation error messages:';

/** `path: message` for every leaf of FlowAPI's (marshmallow's) nested error object. */
export function flattenValidationErrors(errors: unknown, path: readonly string[] = []): string[] {
  if (typeof errors === 'string') return [path.length === 0 ? errors : `${path.join('.')}: ${errors}`];
  if (Array.isArray(errors)) {
    return errors.every((e) => typeof e === 'string')
      ? [`${path.length === 0 ? '' : `${path.join('.')}: `}${errors.join(' ')}`]
      : errors.flatMap((e, i) => flattenValidationErrors(e, [...path, String(i)]));
  }
  if (typeof errors === 'object' && errors !== null) {
    return Object.entries(errors).flatMap(([key, value]) => flattenValidationErrors(value, [...path, key]));
  }
  return [];
}

/**
 * A one-line reading of a FlowAPI error text: `Parameter validation failed: a.b: reason; …` when
 * it carries validation errors, else its first line; `undefined` when there is no text.
 * @example
 * describeServerMessage('Parameter validation failed.\n\n…Validation error messages:\n   {"query_kind": ["Unsupported value: x"]}.\n\n')
 * // 'Parameter validation failed: query_kind: Unsupported value: x'
 */
export function describeServerMessage(message: string | undefined): string | undefined {
  if (message === undefined || message.trim() === '') return undefined;
  const first = (message.trim().split('\n')[0] ?? '').trim();
  const at = message.indexOf(MARKER);
  if (at < 0) return first;
  const json = message.slice(at + MARKER.length).trim().replace(/\.$/, '');
  try {
    const details = flattenValidationErrors(JSON.parse(json) as unknown);
    return details.length === 0 ? first : `${first.replace(/\.$/, '')}: ${details.join('; ')}`;
  } catch {
    return first;
  }
}
