/**
 * Python-flavoured text of JSON values, so validation messages read byte-for-byte like
 * FlowMachine's (`json.dumps(..., indent=2)` with its default `ensure_ascii`, and `%s` of a value).
 */

const escapes: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A string literal as Python's `json.dumps` writes it (every non-printable-ASCII char escaped). */
function quote(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    const named = escapes[ch];
    if (named !== undefined) out += named;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A number as Python's float repr would write it (`1e-05`, `1e+16`); integral values as ints. */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  const abs = Math.abs(value);
  if (abs >= 1e-4 && abs < 1e16) return String(value);
  const [mantissa = '0', exponent = '0'] = value.toExponential().split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
  return `${mantissa}e${sign}${digits}`;
}

/** `json.dumps(value, indent=2)` as Python writes it. */
export function pyDumps(value: unknown, indent = 2, depth = 0): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return quote(value);
  const pad = ' '.repeat(indent * (depth + 1));
  const end = ' '.repeat(indent * depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item: unknown) => pad + pyDumps(item, indent, depth + 1));
    return `[\n${items.join(',\n')}\n${end}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const items = entries.map(([k, v]) => `${pad}${quote(k)}: ${pyDumps(v, indent, depth + 1)}`);
    return `{\n${items.join(',\n')}\n${end}}`;
  }
  return quote(String(value));
}

/** Python's `'%s' % value` of a value loaded from JSON (`None`, `True`, `[1, 'a']`, `{'k': 1}`). */
export function pyStr(value: unknown, nested = false): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return nested ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : value;
  if (Array.isArray(value)) return `[${value.map((v: unknown) => pyStr(v, true)).join(', ')}]`;
  if (typeof value === 'object') {
    const items = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyStr(k, true)}: ${pyStr(v, true)}`);
    return `{${items.join(', ')}}`;
  }
  return String(value);
}

/** Python's `textwrap.indent(text, prefix)`: prefix every line that is not blank. */
export function pyIndent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? line : prefix + line))
    .join('\n');
}
