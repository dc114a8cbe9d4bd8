/**
 * FlowAPI 1.18 `user_claims`: JSON `{role: [scopes]}`, gzipped, base64-encoded with a newline every
 * 76 characters (Python's `base64.encodebytes`, as FlowAuth and flowkit_jwt_generator write it).
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** Role name → scope strings. */
export type Roles = Record<string, string[]>;

/** Compress roles into a `user_claims` string. */
export function compressClaims(roles: Roles): string {
  const base64 = gzipSync(Buffer.from(JSON.stringify(roles), 'utf8')).toString('base64');
  const lines = base64.match(/.{1,76}/g) ?? [];
  return lines.map((line) => `${line}\n`).join('');
}

/** Decompress a `user_claims` value; `null` when it is not a valid compressed roles object. */
export function decompressClaims(value: unknown): Roles | null {
  if (typeof value !== 'string') return null;
  try {
    const json: unknown = JSON.parse(gunzipSync(Buffer.from(value.replace(/\s+/g, ''), 'base64')).toString('utf8'));
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
    const roles: Roles = {};
    for (const [role, scopes] of Object.entries(json)) {
      roles[role] = Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [];
    }
    return roles;
  } catch {
    return null;
  }
}
