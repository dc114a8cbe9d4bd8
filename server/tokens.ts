/**
 * Minting tokens as FlowAuth / flowkit_jwt_generator do: RS256, `iat`/`nbf`/`exp`/`jti`, the user in
 * `sub` (1.18) or `identity` (1.3), `aud`, and `user_claims` in the server era's format.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { compressClaims, type Roles } from './claims.js';
import { foreignKeys, type SigningKeys } from './keys.js';
import { legacyClaimsFromScopes, type LegacyClaims } from './legacy-claims.js';
import type { FlowapiVersion, MintTokenOptions } from './types.js';

/** What a server needs to mint its tokens. */
export interface TokenIssuer {
  /** Default `aud`. */
  readonly audience: string;
  /** Decides the identity claim and the `user_claims` format. */
  readonly version: FlowapiVersion;
  /** Signing keys of the server (generated in the background, hence a promise). */
  readonly keys: Promise<SigningKeys>;
  /** Every scope the server knows (the default token holds them all in one role). */
  readonly everyScope: readonly string[];
  /** Legacy claims granting every kind, action and unit (the default 1.3 token). */
  readonly fullLegacyClaims: LegacyClaims;
}

/** Name of the identity claim of a FlowAPI version. */
export function identityClaim(version: FlowapiVersion): 'sub' | 'identity' {
  return version === '1.3' ? 'identity' : 'sub';
}

function rolesOf(options: MintTokenOptions): Roles | null {
  if (options.roles === undefined && options.scopes === undefined) return null;
  return { ...(options.roles ?? {}), ...(options.scopes ? { default: [...options.scopes] } : {}) };
}

function userClaims(issuer: TokenIssuer, options: MintTokenOptions): unknown {
  if ('rawUserClaims' in options) return options.rawUserClaims;
  const roles = rolesOf(options);
  if (issuer.version === '1.3') {
    return roles === null ? issuer.fullLegacyClaims : legacyClaimsFromScopes(Object.values(roles).flat());
  }
  return compressClaims(roles ?? { all: [...issuer.everyScope] });
}

/** Mint a token for a server (see {@link MintTokenOptions} for the ways to make it fail). */
export async function mintToken(issuer: TokenIssuer, options: MintTokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = { iat: now, nbf: now, jti: randomUUID() };
  if (!options.noExpiry) payload['exp'] = now + (options.expiresInSeconds ?? 3600);
  if (!options.omitSub) payload[identityClaim(issuer.version)] = options.sub ?? 'test-user';
  payload['aud'] = options.audience ?? issuer.audience;
  payload['user_claims'] = userClaims(issuer, options);
  const keys = await (options.foreignKey ? foreignKeys() : issuer.keys);
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(keys.privateKey);
}
