/** Bad tokens: malformed, claim-less, expired, unsigned, badly signed, for another server, without rights. */
import { firstValueFrom } from 'rxjs';
import { connect } from '../../../../src/connection.js';
import { AuthenticationError, FlowclientConnectionError, PermissionDeniedError } from '../../../../src/errors.js';
import { getAvailableDates } from '../../../../src/client/metadata.js';
import { unsignedJwt } from '../../../support/jwt.js';
import { sendingNothing, type BadInput, type BadInputContext } from './table.js';

const b64url = (text: string) => btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const FUTURE = 2_000_000_000;
const claims = { sub: 'mallory', aud: 'flowapi-test-server', exp: FUTURE };

const connectWith = (token: string) => (t: BadInputContext) => connect({ url: t.server.url, token });
const update = (token: unknown) => (t: BadInputContext) => t.conn.updateToken(token as string);
const datesWith = (token: (t: BadInputContext) => string) => (t: BadInputContext) => getAvailableDates({ connection: t.connectWith(token(t)) });
const UNDECODABLE = 'Unable to decode token';
const NO_IDENTITY = 'Token does not contain user identity.';

/** Tokens the client itself refuses: nothing is sent. */
export const CLIENT_SIDE_TOKENS: readonly BadInput[] = sendingNothing([
  { input: 'a token that is not a JWT at all', act: connectWith('not-a-jwt'), error: FlowclientConnectionError, message: UNDECODABLE },
  { input: 'a token of two segments', act: connectWith('abc.def'), error: FlowclientConnectionError, message: UNDECODABLE },
  { input: 'a token whose header is not JSON', act: connectWith(`${b64url('nope')}.${b64url(JSON.stringify(claims))}.c2ln`), error: FlowclientConnectionError, message: UNDECODABLE },
  { input: 'a token whose payload is not JSON', act: connectWith(`${b64url('{"alg":"RS256"}')}.${b64url('{sub:')}.c2ln`), error: FlowclientConnectionError, message: UNDECODABLE },
  { input: 'a token with a character outside base64url in its signature', act: connectWith(`${unsignedJwt(claims).slice(0, -4)}€x`), error: FlowclientConnectionError, message: UNDECODABLE },
  { input: 'a claim-less token (no sub, no identity)', act: connectWith(unsignedJwt({ aud: 'flowapi-test-server', exp: FUTURE })), error: FlowclientConnectionError, message: NO_IDENTITY },
  { input: 'a token whose sub is empty', act: connectWith(unsignedJwt({ ...claims, sub: '' })), error: FlowclientConnectionError, message: NO_IDENTITY },
  { input: 'a server-signed token without sub', act: (t) => connect({ url: t.server.url, token: t.tokens.noSub }), error: FlowclientConnectionError, message: NO_IDENTITY },
  { input: 'updateToken with a malformed token', act: update('x.y.z'), error: FlowclientConnectionError, message: UNDECODABLE },
  { input: 'updateToken with a claim-less token', act: update(unsignedJwt({ aud: 'flowapi-test-server' })), error: FlowclientConnectionError, message: NO_IDENTITY },
  { input: 'updateToken with a sub that is an object', act: update(unsignedJwt({ ...claims, sub: { name: 'mallory' } })), error: FlowclientConnectionError, message: NO_IDENTITY },
  { input: 'updateToken with something that is not a string', act: update(42), error: FlowclientConnectionError, message: UNDECODABLE },
  { input: 'updateToken with an empty string', act: update(''), error: FlowclientConnectionError, message: UNDECODABLE },
]);

/** Tokens the server refuses, as FlowAPI does. */
export const SERVER_SIDE_TOKENS: readonly BadInput[] = [
  {
    input: 'an expired token (no refresher)',
    act: datesWith((t) => t.tokens.expired),
    error: AuthenticationError,
    message: 'Token has expired',
    fields: { status: 401, route: 'available_dates', serverMessage: 'Token has expired' },
  },
  {
    input: 'an unsigned token (alg none)',
    act: datesWith(() => unsignedJwt(claims, { alg: 'none', typ: 'JWT' }).replace(/[^.]+$/, '')),
    error: AuthenticationError,
    message: 'The specified alg value is not allowed',
    fields: { status: 422 },
  },
  {
    input: 'a token with a made-up signature',
    act: datesWith(() => unsignedJwt(claims)),
    error: AuthenticationError,
    message: 'Signature verification failed',
    fields: { status: 422 },
  },
  {
    input: 'a token signed by another key',
    act: datesWith((t) => t.tokens.foreignKey),
    error: AuthenticationError,
    message: 'Signature verification failed',
    fields: { status: 422 },
  },
  {
    input: 'a token for another audience',
    act: datesWith((t) => t.tokens.otherAudience),
    error: AuthenticationError,
    message: 'Invalid audience',
    fields: { status: 422 },
  },
  {
    input: 'a signed token without user claims (FlowAPI answers its HTML 500)',
    act: datesWith((t) => t.tokens.noUserClaims),
    error: FlowclientConnectionError,
    message: "Something went wrong: Unknown error. API returned with status code: 500 and status 'Unknown status'",
    fields: { status: 500 },
  },
  {
    input: 'a token without the scope the route needs',
    act: datesWith((t) => t.tokens.noScopes),
    error: PermissionDeniedError,
    message: 'User claims verification failed',
    fields: { status: 403, route: 'available_dates' },
  },
  {
    input: 'an expired token whose refresher fails',
    act: (t) => {
      const refresher = () => Promise.reject(new Error('auth service down'));
      return firstValueFrom(t.connectWith(t.tokens.expired, { tokenRefresher: refresher }).getUrl({ route: 'available_dates' }));
    },
    error: AuthenticationError,
    message: 'Token has expired and the token refresher failed: auth service down',
    fields: { status: 401 },
  },
];
