/**
 * The command's signing key file: one RSA private key (PKCS#8 PEM), kept between runs so that a
 * token minted by `flowapi-test-server token` verifies against a server started later, or
 * restarted. Made with `node:crypto` (no peer dependency needed), mode 0600.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { UsageError } from './cli-values.js';

/** A key pair as PEM, as the server's `keys` option takes it. */
export interface KeyPairPem {
  /** PKCS#8 private key. */
  readonly privateKeyPem: string;
  /** SPKI public key. */
  readonly publicKeyPem: string;
}

/**
 * Where the key file is kept when `--key-file` is not given:
 * `$XDG_STATE_HOME/flowapi-test-server/signing-key.pem`, or `~/.local/state/…` without it.
 */
export function defaultKeyFile(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const state = env['XDG_STATE_HOME'] || join(env['HOME'] || homedir(), '.local', 'state');
  return join(state, 'flowapi-test-server', 'signing-key.pem');
}

function pairOf(privatePem: string, path: string): KeyPairPem {
  try {
    const privateKey = createPrivateKey(privatePem);
    if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    return {
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
    };
  } catch {
    throw new UsageError(`--key-file ${JSON.stringify(path)}: expected an RSA private key in PEM (delete the file to have a new one made)`);
  }
}

/**
 * The key pair of `path`, made (RSA 2048, file mode 0600, folder 0700) when the file does not
 * exist yet. Returns whether it was made now.
 */
export function loadOrCreateKeyFile(path: string): { keys: KeyPairPem; created: boolean } {
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new UsageError(`--key-file ${JSON.stringify(path)}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (text !== undefined) return { keys: pairOf(text, path), created: false };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return loadOrCreateKeyFile(path); // made by another run meanwhile
    throw new UsageError(`--key-file ${JSON.stringify(path)}: cannot be created (${code ?? 'error'})`);
  }
  return { keys: pairOf(pem, path), created: true };
}
