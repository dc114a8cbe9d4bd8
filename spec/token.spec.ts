import { readToken } from '../src/token.js';
import { FlowclientConnectionError } from '../src/errors.js';
import { unsignedJwt } from './support/jwt.js';

describe('readToken', () => {
  it('reads the user from sub (FlowAPI 1.18+) and the expiry', () => {
    const info = readToken(unsignedJwt({ sub: 'alice', exp: 2_000_000_000 }));
    expect(info.user).toBe('alice');
    expect(info.expiresAt).toEqual(new Date(2_000_000_000_000));
  });

  it('falls back to identity (FlowAPI up to 1.17)', () => {
    expect(readToken(unsignedJwt({ identity: 'bob' })).user).toBe('bob');
  });

  it('prefers sub over identity', () => {
    expect(readToken(unsignedJwt({ identity: 'bob', sub: 'alice' })).user).toBe('alice');
  });

  it('gives a null expiry without exp', () => {
    expect(readToken(unsignedJwt({ sub: 'a' })).expiresAt).toBeNull();
  });

  const undecodable: Array<[string, string]> = [
    ['garbage', 'not-a-token'],
    ['a bad header', `%%%.${unsignedJwt({ sub: 'a' }).split('.')[1]}.sig`],
    ['a bad payload', `${unsignedJwt({ sub: 'a' }).split('.')[0]}.%%%%.sig`],
    ['a payload that is not JSON', `${unsignedJwt({ sub: 'a' }).split('.')[0]}.${btoa('hello')}.sig`],
    ['an empty string', ''],
  ];
  for (const [name, token] of undecodable) {
    it(`rejects ${name} with "Unable to decode token", without the token in the message`, () => {
      let error: unknown;
      try {
        readToken(token);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FlowclientConnectionError);
      expect((error as Error).message).toBe('Unable to decode token');
      if (token) expect(String(error)).not.toContain(token);
    });
  }

  it('rejects a token with neither sub nor identity', () => {
    expect(() => readToken(unsignedJwt({ aud: 'x' }))).toThrowMatching(
      (e) => e instanceof FlowclientConnectionError && e.message === 'Token does not contain user identity.',
    );
  });
});
