/**
 * Tokens already verified, so each poll does not repeat the RS256 check and the claims' gunzip:
 * a verified `Authorization` header maps to its principal until the token's `exp`. Only successes
 * are kept; an entry past its expiry is dropped and the full check answers (401 "Token has expired").
 */
import type { Principal } from './auth.js';

interface Entry {
  readonly principal: Principal;
  /** `exp` in seconds since the epoch, or `null` for a token without expiry. */
  readonly exp: number | null;
}

/** Most headers kept; the oldest goes first. */
const LIMIT = 1000;

function expiryOf(header: string): number | null {
  const payload = header.split('.')[1];
  if (payload === undefined) return null;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : typeof exp === 'string' && exp.trim() !== '' ? Number(exp) : null;
  } catch {
    return null;
  }
}

/** Verified headers of one server. */
export class VerifiedTokens {
  readonly #entries = new Map<string, Entry>();

  /** The principal of a header verified before and not expired since, else `undefined`. */
  get(header: string | undefined): Principal | undefined {
    if (header === undefined) return undefined;
    const entry = this.#entries.get(header);
    if (entry === undefined) return undefined;
    if (entry.exp !== null && !(entry.exp > Date.now() / 1000)) {
      this.#entries.delete(header);
      return undefined;
    }
    return entry.principal;
  }

  /** Remember a header that passed every check. */
  remember(header: string, principal: Principal): void {
    if (this.#entries.size >= LIMIT) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(header, { principal, exp: expiryOf(header) });
  }
}
