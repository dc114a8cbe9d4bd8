/**
 * Reading FlowAPI tokens on the client: the user identity and expiry, decoded (not verified)
 * with `jwt-decode`, as flowclient does. Verification is the server's job.
 * @module
 */
import { jwtDecode, type JwtPayload } from 'jwt-decode';
import { FlowclientConnectionError } from './errors.js';

/** What the client knows about a token once decoded. */
export interface TokenInfo {
  /** The token itself. */
  readonly token: string;
  /** The user: the `sub` claim (FlowAPI 1.18+), else `identity` (FlowAPI up to 1.17). */
  readonly user: string;
  /** When the token expires (`exp`), or `null` when it has no expiry. */
  readonly expiresAt: Date | null;
}

/** A JWS in compact form: base64url header, payload and (possibly empty) signature. */
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]*$/;

interface FlowapiClaims extends JwtPayload {
  identity?: unknown;
}

/**
 * Decode a token's header and payload and read the user and expiry.
 * @throws {@link FlowclientConnectionError} "Unable to decode token" when the token is not three
 * base64url segments (surrounding whitespace aside) or its header or payload does not decode,
 * "Token does not contain user identity." without `sub` or `identity`.
 * The token never appears in the message.
 */
export function readToken(token: string): TokenInfo {
  let payload: FlowapiClaims;
  try {
    if (typeof token !== 'string' || token === '') throw new TypeError('empty token');
    // jwt-decode reads only the first two segments; a stray character elsewhere would only show
    // later, as a header the HTTP stack refuses to send.
    if (!COMPACT_JWS.test(token.trim())) throw new TypeError('not a compact JWS');
    jwtDecode(token, { header: true });
    payload = jwtDecode<FlowapiClaims>(token);
  } catch (cause) {
    throw new FlowclientConnectionError('Unable to decode token', {
      cause: new Error(cause instanceof Error ? cause.name : 'decode error'),
    });
  }
  const user = identityOf(payload);
  if (user === undefined) throw new FlowclientConnectionError('Token does not contain user identity.');
  return { token, user, expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null };
}

function identityOf(payload: FlowapiClaims): string | undefined {
  const claim = payload.sub ?? payload.identity;
  if (typeof claim === 'string' && claim !== '') return claim;
  if (typeof claim === 'number') return String(claim);
  return undefined;
}
