/** Bad token refreshers: not a function, a negative refresh timeout, one that gives no token, one that never answers. */
import { EMPTY, NEVER, firstValueFrom } from 'rxjs';
import { connect, type ConnectOptions } from '../../../../src/connection.js';
import { AuthenticationError } from '../../../../src/errors.js';
import { unsignedJwt } from '../../../support/jwt.js';
import { sendingNothing, withFields, type BadInput, type BadInputContext } from './table.js';

const token = unsignedJwt({ sub: 'alice', exp: 2_000_000_000 });
const connectWith = (options: Partial<Record<keyof ConnectOptions, unknown>>) => () =>
  connect({ url: 'https://flowapi.example.org', token, ...options } as ConnectOptions);

/** Refresher options `connect` refuses with a TypeError naming the option: nothing is sent. */
export const REFRESHER_OPTIONS: readonly BadInput[] = sendingNothing([
  {
    input: "a tokenRefresher that is the string 'nope'",
    act: connectWith({ tokenRefresher: 'nope' }),
    error: TypeError,
    message: 'connect: tokenRefresher must be a function returning a promise or observable of a token (got "nope")',
  },
  {
    input: 'a refreshTimeoutMs of -1',
    act: connectWith({ tokenRefresher: () => Promise.resolve(token), refreshTimeoutMs: -1 }),
    error: TypeError,
    message: 'connect: refreshTimeoutMs must be a non-negative number of ms, 0 for none (got -1)',
  },
]);

const datesWithRefresher = (options: Partial<ConnectOptions>) => (t: BadInputContext) =>
  firstValueFrom(t.connectWith(t.tokens.expired, options).getUrl({ route: 'available_dates' }));

/** Refreshers that cannot replace an expired token: the request fails, typed, without looping or hanging. */
export const BAD_REFRESHERS: readonly BadInput[] = withFields({ status: 401, serverMessage: 'Token has expired' }, [
  {
    input: 'an expired token whose refresher completes without a token',
    act: datesWithRefresher({ tokenRefresher: () => EMPTY }),
    error: AuthenticationError,
    message: 'Token has expired and the token refresher gave no token',
  },
  {
    input: 'an expired token whose refresher never answers (refreshTimeoutMs 200)',
    act: datesWithRefresher({ tokenRefresher: () => NEVER, refreshTimeoutMs: 200 }),
    error: AuthenticationError,
    message: 'Token has expired and the token refresher did not answer within 200 ms',
  },
]);
