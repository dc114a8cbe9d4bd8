/** Test helper: an unsigned JWT with the given payload (the client decodes tokens without verifying them). */
export function unsignedJwt(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' }): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part(header)}.${part(payload)}.c2lnbmF0dXJl`;
}
