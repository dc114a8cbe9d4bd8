/**
 * RS256 signing keys: generated at start or loaded from PEM (a public key may also be given as
 * base64-encoded PEM, as FlowAPI's `PUBLIC_JWT_SIGNING_KEY` allows).
 */
import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8, importSPKI, type CryptoKey } from 'jose';

/** A key pair ready for signing and verifying, with its PEM text. */
export interface SigningKeys {
  /** Signs tokens. */
  readonly privateKey: CryptoKey;
  /** Verifies tokens. */
  readonly publicKey: CryptoKey;
  /** The private key as PKCS#8 PEM. */
  readonly privateKeyPem: string;
  /** The public key as SPKI PEM. */
  readonly publicKeyPem: string;
}

const ALG = 'RS256';

const pemText = (text: string): string =>
  text.includes('-----BEGIN') ? text : Buffer.from(text, 'base64').toString('utf8');

/** Load the given PEM pair, or generate a fresh RS256 pair. */
export async function loadKeys(pems?: { privateKeyPem: string; publicKeyPem: string }): Promise<SigningKeys> {
  if (pems) {
    const privateKeyPem = pemText(pems.privateKeyPem);
    const publicKeyPem = pemText(pems.publicKeyPem);
    const [privateKey, publicKey] = await Promise.all([
      importPKCS8(privateKeyPem, ALG, { extractable: true }),
      importSPKI(publicKeyPem, ALG),
    ]);
    return { privateKey, publicKey, privateKeyPem, publicKeyPem };
  }
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const [privateKeyPem, publicKeyPem] = await Promise.all([exportPKCS8(privateKey), exportSPKI(publicKey)]);
  return { privateKey, publicKey, privateKeyPem, publicKeyPem };
}

let spare: Promise<SigningKeys> | undefined;

/**
 * A freshly generated pair. RSA generation takes a while, so the next pair is prepared in the
 * background whenever one is handed out; servers started one after another start fast.
 */
export function freshKeys(): Promise<SigningKeys> {
  const next = spare ?? loadKeys();
  spare = loadKeys();
  spare.catch(() => undefined);
  return next;
}

let foreign: Promise<SigningKeys> | undefined;

/** A key pair no server trusts (one per process), for minting tokens with a bad signature. */
export function foreignKeys(): Promise<SigningKeys> {
  return (foreign ??= loadKeys());
}
