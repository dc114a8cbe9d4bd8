/** Bad response limits: a `maxResponseBytes` that is no size; replies larger than the limit a connection set. */
import { connect } from '../../../../src/connection.js';
import { getResultByQueryId } from '../../../../src/client/results.js';
import { getAvailableDates } from '../../../../src/client/metadata.js';
import { ResponseTooLargeError } from '../../../../src/errors.js';
import { unsignedJwt } from '../../../support/jwt.js';
import { burst, sendingNothing, type BadInput } from './table.js';

const token = unsignedJwt({ sub: 'alice', exp: 2_000_000_000 });
const connectWithLimit = (maxResponseBytes: unknown) => () =>
  connect({ url: 'https://flowapi.example.org', token, maxResponseBytes: maxResponseBytes as number });
const NOT_A_SIZE = (got: string) => `connect: maxResponseBytes must be a positive whole number of bytes or Infinity (got ${got})`;

/** `maxResponseBytes` values `connect` refuses with a TypeError naming it: nothing is sent. */
export const CLIENT_SIDE_LIMITS: readonly BadInput[] = sendingNothing([
  { input: 'a negative maxResponseBytes', act: connectWithLimit(-1), error: TypeError, message: NOT_A_SIZE('-1') },
  { input: "maxResponseBytes 'big'", act: connectWithLimit('big'), error: TypeError, message: NOT_A_SIZE('"big"') },
  { input: 'maxResponseBytes 0', act: connectWithLimit(0), error: TypeError, message: NOT_A_SIZE('0') },
  { input: 'a fractional maxResponseBytes', act: connectWithLimit(1.5), error: TypeError, message: NOT_A_SIZE('1.5') },
  { input: 'maxResponseBytes NaN', act: connectWithLimit(Number.NaN), error: TypeError, message: NOT_A_SIZE('NaN') },
]);

const LIMIT = 1000;
const tooLarge = (route: string) => (t: { server: { url: string } }) =>
  `The reply from ${t.server.url}/api/0/${route} is larger than maxResponseBytes (${LIMIT} bytes); its download was stopped.`;

/**
 * Replies over a connection's `maxResponseBytes` of 1000: refused from the `Content-Length`
 * before the body is read, or counted as a chunked result streams in. Never retried (the
 * burst answers once; a retry would get the real, small reply and pass).
 */
export const OVERSIZED_REPLIES: readonly BadInput[] = [
  {
    input: 'a 2 kB reply with its Content-Length over maxResponseBytes',
    faults: burst('available_dates', 200, JSON.stringify({ available_dates: { calls: ['x'.repeat(2000)] } }), 'application/json'),
    act: (t) => getAvailableDates({ connection: t.connectWith(t.server.token, { maxResponseBytes: LIMIT }) }),
    error: ResponseTooLargeError,
    message: tooLarge('available_dates'),
    fields: { route: 'available_dates', limitBytes: LIMIT },
  },
  {
    input: 'a chunked result streamed past maxResponseBytes',
    act: (t) => getResultByQueryId({ connection: t.connectWith(t.server.token, { maxResponseBytes: LIMIT }), queryId: t.completedId }),
    error: ResponseTooLargeError,
    message: (t) => tooLarge(`get/${t.completedId}`)(t),
    fields: { limitBytes: LIMIT },
  },
];
