import { AxiosError } from 'axios';
import { replyError, retryAfterMs, transportError, type ReplyKind } from '../../src/http/error-mapping.js';
import { timeoutFailure } from '../../src/http/request-abort.js';
import {
  AuthenticationError,
  FlowclientConnectionError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  ResponseTooLargeError,
  isFlowclientConnectionError,
  isFlowclientError,
  isNetworkError,
  isResponseTooLargeError,
} from '../../src/errors.js';

const ctx = { url: 'https://flowapi.example', apiVersion: 0, route: 'poll/abc' };
const reply = (status: number, data: unknown, headers: Record<string, string> = {}) => ({ status, data, headers });

describe('replyError', () => {
  const rows: Array<[string, ReplyKind, number, unknown, new (...args: never[]) => Error, string]> = [
    ['404', 'get', 404, { msg: 'x' }, NotFoundError, 'https://flowapi.example/api/0/poll/abc not found.'],
    ['401 with msg', 'get', 401, { msg: 'Token has expired' }, AuthenticationError, 'Token has expired'],
    ['422 with msg', 'get', 422, { msg: 'Signature verification failed' }, AuthenticationError, 'Signature verification failed'],
    ['401 without msg', 'get', 401, {}, AuthenticationError, 'Unknown access denied error'],
    ['403 with msg', 'post', 403, { msg: 'User claims verification failed' }, PermissionDeniedError, 'User claims verification failed'],
    ['403 HTML', 'get', 403, '<html>denied</html>', PermissionDeniedError, 'Unknown access denied error'],
    ['get 500 with msg and status', 'get', 500, { status: 'errored', msg: 'boom' }, FlowclientConnectionError,
      "Something went wrong: boom. API returned with status code: 500 and status 'errored'"],
    ['get 502 HTML page', 'get', 502, '<html><body>Bad Gateway</body></html>', FlowclientConnectionError,
      "Something went wrong: Unknown error. API returned with status code: 502 and status 'Unknown status'"],
    ['get 418 JSON without msg', 'get', 418, { status: 'teapot' }, FlowclientConnectionError,
      "Something went wrong: Unknown error. API returned with status code: 418 and status 'teapot'"],
    ['post 400 with payload', 'post', 400, { status: 'Error', msg: 'Unable to create query object.', payload: { exception: 'bad' } },
      FlowclientConnectionError,
      `Something went wrong. API returned with status code 400. Error message: 'Unable to create query object.'. Payload: {"exception":"bad"}`],
    ['post 400 with empty payload', 'post', 400, { msg: 'nope', payload: {} }, FlowclientConnectionError,
      "Something went wrong. API returned with status code 400. Error message: 'nope'."],
    ['post 502 HTML', 'post', 502, '<html>Bad Gateway</html>', FlowclientConnectionError,
      "Something went wrong. API returned with status code 502. Error message: 'the response did not contain valid JSON'."],
    ['post 200 (only 202 is success)', 'post', 200, {}, FlowclientConnectionError,
      "Something went wrong. API returned with status code 200. Error message: 'Unknown error'."],
    ['post JSON as text', 'post', 500, '{"msg":"from text"}', FlowclientConnectionError,
      "Something went wrong. API returned with status code 500. Error message: 'from text'."],
  ];
  for (const [name, kind, status, data, cls, message] of rows) {
    it(`maps ${kind} ${name} to ${cls.name}`, () => {
      const error = replyError(kind, reply(status, data), ctx);
      expect(error).toBeInstanceOf(cls);
      expect(error?.message).toBe(message);
      expect(error?.status).toBe(status);
      expect(error?.route).toBe('poll/abc');
    });
  }

  for (const [kind, status] of [['get', 200], ['get', 202], ['get', 303], ['post', 202]] as const) {
    it(`accepts ${kind} ${status}`, () => expect(replyError(kind, reply(status, {}), ctx)).toBeNull());
  }

  it('keeps the server message and payload as fields', () => {
    const error = replyError('post', reply(400, { msg: 'm', payload: { a: 1 } }), ctx);
    expect(error?.serverMessage).toBe('m');
    expect(error?.payload).toEqual({ a: 1 });
  });

  it('reads Retry-After', () => {
    const error = replyError('get', reply(429, {}, { 'retry-after': '2' }), ctx);
    expect(error?.retryAfterMs).toBe(2000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 5)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(5000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('makes AuthenticationError and PermissionDeniedError kinds of FlowclientConnectionError', () => {
    expect(replyError('get', reply(401, {}), ctx)).toBeInstanceOf(FlowclientConnectionError);
    expect(replyError('get', reply(403, {}), ctx)).toBeInstanceOf(FlowclientConnectionError);
    expect(isFlowclientConnectionError({ name: 'PermissionDeniedError', message: '' })).toBeTrue();
  });
});

describe('transportError', () => {
  it('says where it could not connect, keeping only a sanitised cause', () => {
    const raw = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { config: { headers: { Authorization: 'Bearer secret' } } });
    const error = transportError(raw, ctx);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe('Unable to connect to FlowKit API at https://flowapi.example: connect ECONNREFUSED 127.0.0.1:1');
    expect(JSON.stringify(error.cause)).not.toContain('secret');
    expect((error.cause as { config?: unknown }).config).toBeUndefined();
  });

  it("maps axios' maxContentLength failure to ResponseTooLargeError with the limit and, in Node, the reply's status", () => {
    const raw = new AxiosError('maxContentLength size of 1000 exceeded', AxiosError.ERR_BAD_RESPONSE, undefined, { res: { statusCode: 200 } });
    const error = transportError(raw, ctx);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error.message).toBe('The reply from https://flowapi.example/api/0/poll/abc is larger than maxResponseBytes (1000 bytes); its download was stopped.');
    expect(error).toEqual(jasmine.objectContaining({ status: 200, route: 'poll/abc', limitBytes: 1000 }));
    expect((error.cause as { code?: unknown }).code).toBe('ERR_BAD_RESPONSE');
    expect(transportError(new AxiosError('maxContentLength size of 1000 exceeded', AxiosError.ERR_BAD_RESPONSE), ctx).status).withContext('a browser gives no status').toBeUndefined();
  });

  it('leaves other bad responses NetworkErrors', () => {
    expect(transportError(new AxiosError('stream has been aborted', AxiosError.ERR_BAD_RESPONSE), ctx)).toBeInstanceOf(NetworkError);
    expect(transportError(new Error('maxContentLength size of 1000 exceeded'), ctx)).withContext('not from axios').toBeInstanceOf(NetworkError);
  });

  it('maps the timeout of a request to the NetworkError axios\' own timeout gives', () => {
    const error = transportError(timeoutFailure(250), ctx);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe('Unable to connect to FlowKit API at https://flowapi.example: timeout of 250ms exceeded');
    expect((error.cause as { code?: unknown }).code).toBe('ECONNABORTED');
  });

  it('guards ResponseTooLargeError across realms, as a FlowclientConnectionError that is no NetworkError', () => {
    const foreign = { name: 'ResponseTooLargeError', message: 'too large' };
    expect(isResponseTooLargeError(foreign)).toBeTrue();
    expect(isFlowclientConnectionError(foreign)).toBeTrue();
    expect(isFlowclientError(foreign)).toBeTrue();
    expect(isNetworkError(foreign)).toBeFalse();
    expect(isResponseTooLargeError({ name: 'NetworkError', message: '' })).toBeFalse();
  });
});
