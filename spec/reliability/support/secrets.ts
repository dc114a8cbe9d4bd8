/**
 * Scanning anything a user or a log could see (errors with their causes and stacks, `toString`,
 * JSON, console lines, command output) for a token or a telling part of one.
 */

/** The strings that would give a token away: the whole token, its claims segment and its signature. */
export function secretsOf(...tokens: readonly string[]): string[] {
  const parts = tokens.flatMap((token) => [token, ...token.split('.').slice(1)]);
  return [...new Set(parts.filter((part) => part.length >= 16))];
}

function ownKeys(value: object): string[] {
  return Object.getOwnPropertyNames(value).filter((key) => key !== 'constructor');
}

/**
 * Where in `value` a secret appears, as paths (`$.cause.message`): strings, errors (name, message,
 * stack, `String()`, every own property, the cause chain), arrays and objects (own properties,
 * `String()`, `JSON.stringify`), plus any `render`ings given (e.g. Node's `util.inspect`).
 */
export function secretPaths(
  value: unknown,
  secrets: readonly string[],
  render: ReadonlyArray<(value: unknown) => string> = [],
  path = '$',
  seen: WeakSet<object> = new WeakSet(),
): string[] {
  const found: string[] = [];
  const check = (text: string, where: string) => {
    if (secrets.some((secret) => text.includes(secret))) found.push(where);
  };
  if (typeof value === 'string') {
    check(value, path);
    return found;
  }
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function') check(String(value), path);
    return found;
  }
  if (seen.has(value)) return found;
  seen.add(value);
  try {
    check(String(value), `String(${path})`);
  } catch {
    // objects without a string form (null prototype) are scanned by their properties
  }
  try {
    const json = JSON.stringify(value);
    if (json !== undefined) check(json, `JSON(${path})`);
  } catch {
    // cyclic values are scanned by their properties
  }
  for (const [i, draw] of render.entries()) check(draw(value), `render${i}(${path})`);
  for (const key of ownKeys(value)) {
    let child: unknown;
    try {
      child = (value as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    found.push(...secretPaths(child, secrets, render, `${path}.${key}`, seen));
  }
  if (value instanceof Error) {
    check(`${value.name}: ${value.message}\n${value.stack ?? ''}`, `${path} (name, message, stack)`);
    if (value.cause !== undefined) found.push(...secretPaths(value.cause, secrets, render, `${path}.cause`, seen));
  }
  return found;
}

/** Expect no secret anywhere in `value`, naming `what` and the paths where one was found. */
export function expectNoSecret(value: unknown, secrets: readonly string[], what: string, render?: ReadonlyArray<(value: unknown) => string>): void {
  expect(secretPaths(value, secrets, render)).withContext(`a token in ${what}`).toEqual([]);
}
