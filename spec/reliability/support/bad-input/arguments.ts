/**
 * Bad arguments to the library's functions: connect's options, polling options, query specs that
 * are not one, a missing connection, metadata filters and dates, watchAll's list. Each is refused
 * at the call with a TypeError naming the function and the argument, before anything is sent.
 */
import { connect, type ConnectOptions } from '../../../../src/connection.js';
import { sendingNothing, type BadInput, type BadInputContext } from './table.js';

const connectWith = (options: Record<string, unknown>) => (t: BadInputContext) => connect({ url: t.server.url, token: t.server.token, ...options } as unknown as ConnectOptions);

/** connect's options. */
export const CONNECT_OPTIONS: readonly BadInput[] = sendingNothing([
  { input: 'connect with retry.count -1', act: connectWith({ retry: { count: -1 } }), error: TypeError, message: 'connect: retry.count must be a non-negative integer (got -1)' },
  { input: "connect with retry.count 'three'", act: connectWith({ retry: { count: 'three' } }), error: TypeError, message: 'connect: retry.count must be a non-negative integer (got "three")' },
  { input: "connect with retry 'yes'", act: connectWith({ retry: 'yes' }), error: TypeError, message: 'connect: retry must be false or an object of count, baseDelayMs, maxDelayMs (got "yes")' },
  { input: 'connect with retry.baseDelayMs -100', act: connectWith({ retry: { baseDelayMs: -100 } }), error: TypeError, message: 'connect: retry.baseDelayMs must be a non-negative number of ms (got -100)' },
  { input: 'connect with retry.maxDelayMs NaN', act: connectWith({ retry: { maxDelayMs: Number.NaN } }), error: TypeError, message: 'connect: retry.maxDelayMs must be a non-negative number of ms (got NaN)' },
  { input: 'connect with an unknown retry option', act: connectWith({ retry: { tries: 3 } }), error: TypeError, message: 'connect: retry has no option "tries"; options are count, baseDelayMs, maxDelayMs' },
  { input: "connect with tokenRefresher 'nope'", act: connectWith({ tokenRefresher: 'nope' }), error: TypeError, message: 'connect: tokenRefresher must be a function (got "nope")' },
  { input: 'connect with onWarning 42', act: connectWith({ onWarning: 42 }), error: TypeError, message: 'connect: onWarning must be a function (got 42)' },
]);
