/** Bad server URLs: no scheme, another scheme, no host, the API path, credentials, a query, a wrong path. */
import { connect } from '../../../../src/connection.js';
import { getAvailableDates } from '../../../../src/client/metadata.js';
import { NotFoundError } from '../../../../src/errors.js';
import { unsignedJwt } from '../../../support/jwt.js';
import { sendingNothing, type BadInput, type BadInputContext } from './table.js';

const token = unsignedJwt({ sub: 'alice', exp: 2_000_000_000 });
const connectTo = (url: unknown) => () => connect({ url: url as string, token });
const SCHEME_AND_HOST = /^connect: url must start with http:\/\/ or https:\/\/ and a host \(got ".*"\)$/;

/** URLs `connect` refuses with a TypeError naming `url`: nothing is sent. */
export const CLIENT_SIDE_URLS: readonly BadInput[] = sendingNothing([
  { input: 'an empty url', act: connectTo(''), error: TypeError, message: 'connect: url is required' },
  { input: 'a url that is not a string', act: connectTo(42), error: TypeError, message: 'connect: url is required' },
  { input: 'a url without scheme', act: connectTo('flowapi.example.org'), error: TypeError, message: SCHEME_AND_HOST },
  { input: 'a protocol-relative url', act: connectTo('//flowapi.example.org'), error: TypeError, message: SCHEME_AND_HOST },
  { input: 'a url with another scheme', act: connectTo('ftp://flowapi.example.org'), error: TypeError, message: SCHEME_AND_HOST },
  { input: 'a url with a scheme and no host', act: connectTo('https://'), error: TypeError, message: SCHEME_AND_HOST },
  { input: 'a url with a space in the host', act: connectTo('https://flow api.example.org'), error: TypeError, message: SCHEME_AND_HOST },
  { input: 'a url with a port out of range', act: connectTo('https://flowapi.example.org:99999'), error: TypeError, message: SCHEME_AND_HOST },
  {
    input: 'a url with the API path /api/0',
    act: connectTo('https://flowapi.example.org/api/0'),
    error: TypeError,
    message: 'connect: url must be the server\'s base URL, without /api/<version> (got "https://flowapi.example.org/api/0")',
  },
  {
    input: 'a url with the API path /api/1/',
    act: connectTo('https://flowapi.example.org/api/1/'),
    error: TypeError,
    message: 'connect: url must be the server\'s base URL, without /api/<version> (got "https://flowapi.example.org/api/1/")',
  },
  {
    input: 'a url with credentials in it',
    act: connectTo('https://mallory:hunter2@flowapi.example.org'),
    error: TypeError,
    message: 'connect: url must not contain a user name or password (the token is the only credential)',
  },
  {
    input: 'a url with a query string',
    act: connectTo('https://flowapi.example.org/?tenant=7'),
    error: TypeError,
    message: 'connect: url must not have a query or fragment (got "https://flowapi.example.org/?…")',
  },
  {
    input: 'a url with a fragment',
    act: connectTo('https://flowapi.example.org#top'),
    error: TypeError,
    message: 'connect: url must not have a query or fragment (got "https://flowapi.example.org#…")',
  },
]);

const wrongPath = (t: BadInputContext) => `${t.server.url}/no/such/prefix`;

/** A URL with a path where no FlowAPI is: the first request says where it looked. */
export const WRONG_PATH_URL: BadInput = {
  input: 'a url with a path where no FlowAPI is',
  act: (t) => getAvailableDates({ connection: t.connectWith(t.server.token, { url: wrongPath(t) }) }),
  error: NotFoundError,
  message: (t) => `${wrongPath(t)}/api/0/available_dates not found.`,
  fields: { status: 404, route: 'available_dates' },
};
