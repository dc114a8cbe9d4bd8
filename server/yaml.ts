/**
 * A small YAML writer for JSON-like values (enough for the OpenAPI document).
 */

const PLAIN = /^[A-Za-z0-9_./{}()+][A-Za-z0-9_ ./{}()+-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const NUMBER = /^[-+]?(\.\d+|\d[\d_]*(\.\d*)?)([eE][-+]?\d+)?$/;

function scalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  if (PLAIN.test(text) && !RESERVED.test(text) && !NUMBER.test(text) && !text.endsWith(' ')) return text;
  return JSON.stringify(text);
}

const isEmpty = (value: unknown): boolean =>
  Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0;

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (item !== null && typeof item === 'object' && !isEmpty(item)) {
        const [first = '', ...rest] = lines(item, `${indent}  `);
        return [`${indent}- ${first.trimStart()}`, ...rest];
      }
      return [`${indent}- ${item !== null && typeof item === 'object' ? (Array.isArray(item) ? '[]' : '{}') : scalar(item)}`];
    });
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => {
    const name = scalar(key);
    if (inner !== null && typeof inner === 'object') {
      if (isEmpty(inner)) return [`${indent}${name}: ${Array.isArray(inner) ? '[]' : '{}'}`];
      return [`${indent}${name}:`, ...lines(inner, Array.isArray(inner) ? indent : `${indent}  `)];
    }
    return [`${indent}${name}: ${scalar(inner)}`];
  });
}

/** YAML text of a JSON-like object. */
export function toYaml(value: Record<string, unknown>): string {
  return `${lines(value, '').join('\n')}\n`;
}
