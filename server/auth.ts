/**
 * JWT checks in the order FlowAPI (quart-jwt-extended over PyJWT) makes them, with their messages:
 * header → token structure → algorithm → signature → payload → iat/nbf/exp/aud → identity claim →
 * token type → user claims. Expired tokens get 401, every other token fault 422.
 */
import { compactVerify } from 'jose';
import { decompressClaims, type Roles } from './claims.js';
import type { SigningKeys } from './keys.js';
import { identityClaim } from './tokens.js';
import type { FlowapiVersion } from './types.js';

/** The authenticated caller. */
export type Principal =
  | { readonly era: '1.18'; readonly user: string; readonly roles: Roles }
  | { readonly era: '1.3'; readonly user: string; readonly claims: unknown };

/** Why a request was refused: JSON `{"msg": ...}` with 401/422, or FlowAPI's HTML 500. */
export type AuthFailure = { readonly status: 401 | 422; readonly msg: string } | { readonly status: 500 };

/** Outcome of checking a request's token. */
export type AuthResult = { ok: true; principal: Principal } | { ok: false; failure: AuthFailure };

/** What checking needs to know about the server. */
export interface TokenVerifier {
  /** Keys of the server (generated in the background, hence a promise); tokens must match the public key. */
  readonly keys: Promise<SigningKeys>;
  /** Expected `aud`. */
  readonly audience: string;
  /** Decides the identity claim and the claims format. */
  readonly version: FlowapiVersion;
}

class TokenError extends Error {
  constructor(
    message: string,
    readonly status: 401 | 422 = 422,
  ) {
    super(message);
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

function base64url(segment: string, what: string): Buffer {
  if (!BASE64URL.test(segment) || segment.length % 4 === 1) throw new TokenError(`Invalid ${what} padding`);
  return Buffer.from(segment, 'base64url');
}

function jsonObject(bytes: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new TokenError(`Invalid ${what} string: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TokenError(`Invalid ${what} string: must be a json object`);
  }
  return value as Record<string, unknown>;
}

function integerClaim(value: unknown, message: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new TokenError(message);
  return Math.trunc(n);
}

function checkTimes(payload: Record<string, unknown>): void {
  const now = Math.floor(Date.now() / 1000);
  if ('iat' in payload) {
    const iat = integerClaim(payload['iat'], 'Issued At claim (iat) must be an integer.');
    if (iat > now) throw new TokenError('The token is not yet valid (iat)');
  }
  if ('nbf' in payload) {
    const nbf = integerClaim(payload['nbf'], 'Not Before claim (nbf) must be an integer.');
    if (nbf > now) throw new TokenError('The token is not yet valid (nbf)');
  }
  if ('exp' in payload) {
    const exp = integerClaim(payload['exp'], 'Expiration Time claim (exp) must be an integer.');
    if (exp <= now) throw new TokenError('Token has expired', 401);
  }
}

function checkAudience(payload: Record<string, unknown>, audience: string): void {
  const claim = payload['aud'];
  if (claim === undefined) throw new TokenError('Invalid audience');
  const list = typeof claim === 'string' ? [claim] : claim;
  if (!Array.isArray(list) || list.some((a) => typeof a !== 'string')) {
    throw new TokenError('Invalid claim format in token');
  }
  if (!list.includes(audience)) throw new TokenError('Invalid audience');
}

async function decode(token: string, verifier: TokenVerifier): Promise<Record<string, unknown>> {
  const lastDot = token.lastIndexOf('.');
  const firstDot = token.indexOf('.');
  if (lastDot < 0 || firstDot === lastDot) throw new TokenError('Not enough segments');
  const headerSegment = token.slice(0, firstDot);
  const payloadSegment = token.slice(firstDot + 1, lastDot);
  const signatureSegment = token.slice(lastDot + 1);
  const header = jsonObject(base64url(headerSegment, 'header'), 'header');
  const payloadBytes = base64url(payloadSegment, 'payload');
  base64url(signatureSegment, 'crypto');
  if (header['alg'] !== 'RS256') throw new TokenError('The specified alg value is not allowed');
  try {
    await compactVerify(token, (await verifier.keys).publicKey, { algorithms: ['RS256'] });
  } catch {
    throw new TokenError('Signature verification failed');
  }
  const payload = jsonObject(payloadBytes, 'payload');
  checkTimes(payload);
  checkAudience(payload, verifier.audience);
  const claim = identityClaim(verifier.version);
  if (!(claim in payload)) throw new TokenError(`Missing claim: ${claim}`);
  const type = payload['type'] ?? 'access';
  if (type !== 'access' && type !== 'refresh') throw new TokenError('Missing or invalid claim: type');
  if (type !== 'access') throw new TokenError('Only access tokens are allowed');
  return payload;
}

/** Check the `Authorization` header of a request against a server. */
export async function authenticate(authorization: string | undefined, verifier: TokenVerifier): Promise<AuthResult> {
  if (!authorization) return { ok: false, failure: { status: 401, msg: 'Missing Authorization Header' } };
  const parts = authorization.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0] !== 'Bearer') {
    return { ok: false, failure: { status: 422, msg: "Bad Authorization header. Expected value 'Bearer <JWT>'" } };
  }
  let payload: Record<string, unknown>;
  try {
    payload = await decode(parts[1] ?? '', verifier);
  } catch (error) {
    if (error instanceof TokenError) return { ok: false, failure: { status: error.status, msg: error.message } };
    throw error;
  }
  const user = String(payload[identityClaim(verifier.version)]);
  const claims = payload['user_claims'];
  if (verifier.version === '1.3') return { ok: true, principal: { era: '1.3', user, claims: claims ?? {} } };
  const roles = decompressClaims(claims);
  if (roles === null) return { ok: false, failure: { status: 500 } };
  return { ok: true, principal: { era: '1.18', user, roles } };
}
