import './setup.js';
import { ErrorHandler, Injectable, InjectionToken, inject, type Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { BehaviorSubject, NEVER, ReplaySubject, Subject, throwError } from 'rxjs';
import { Connection, FlowclientConnectionError } from '../../src/index.js';
import { FLOW_CONNECTION, provideFlowClient, type FlowClientConfig } from '../../src/angular/index.js';
import { unsignedJwt } from '../support/jwt.js';

const URL_ = 'https://flowapi.example.org';
const alice = unsignedJwt({ sub: 'alice' });
const bob = unsignedJwt({ sub: 'bob' });
const carol = unsignedJwt({ sub: 'carol' });

@Injectable({ providedIn: 'root' })
class ReportService {
  readonly connection = inject(FLOW_CONNECTION);
}

describe('provideFlowClient', () => {
  let errorHandler: jasmine.SpyObj<ErrorHandler>;

  function setUp(config: FlowClientConfig | (() => FlowClientConfig), extra: Provider[] = []): void {
    errorHandler = jasmine.createSpyObj<ErrorHandler>('ErrorHandler', ['handleError']);
    TestBed.configureTestingModule({
      providers: [provideFlowClient(config), { provide: ErrorHandler, useValue: errorHandler }, ...extra],
    });
  }

  it('builds one connection for the injector, shared by every service', () => {
    setUp({ url: URL_, token: alice, apiVersion: 2 });
    const connection = TestBed.inject(FLOW_CONNECTION);
    expect(connection).toBeInstanceOf(Connection);
    expect(connection.toJSON()).toEqual({ url: URL_, apiVersion: 2, user: 'alice' });
    expect(TestBed.inject(FLOW_CONNECTION)).toBe(connection);
    expect(TestBed.inject(ReportService).connection).toBe(connection);
  });

  it('reads its config from a factory run in the injection context', () => {
    const FLOWAPI_URL = new InjectionToken<string>('FLOWAPI_URL');
    setUp(() => ({ url: inject(FLOWAPI_URL), token: alice }), [{ provide: FLOWAPI_URL, useValue: `${URL_}/` }]);
    expect(TestBed.inject(FLOW_CONNECTION).url).toBe(URL_);
  });

  it('takes the first token from a token$ that holds one, and calls a token$ factory in the injection context', () => {
    const AUTH = new InjectionToken<BehaviorSubject<string | null>>('AUTH');
    const auth = new BehaviorSubject<string | null>(bob);
    setUp({ url: URL_, token$: () => inject(AUTH) }, [{ provide: AUTH, useValue: auth }]);
    expect(TestBed.inject(FLOW_CONNECTION).user).toBe('bob');
  });

  it('prefers the token$ token to the fixed one when both are there', () => {
    setUp({ url: URL_, token: alice, token$: new BehaviorSubject(bob) });
    expect(TestBed.inject(FLOW_CONNECTION).user).toBe('bob');
  });

  it('uses the fixed token until token$ gives one', () => {
    const tokens = new Subject<string>();
    setUp({ url: URL_, token: alice, token$: tokens });
    const connection = TestBed.inject(FLOW_CONNECTION);
    expect(connection.user).toBe('alice');
    tokens.next(bob);
    expect(connection.user).toBe('bob');
  });

  it('forwards each new token to the connection, as token$ subscribers see', () => {
    const tokens = new ReplaySubject<string>(1);
    tokens.next(alice);
    setUp({ url: URL_, token$: tokens });
    const connection = TestBed.inject(FLOW_CONNECTION);
    const users: string[] = [];
    connection.user$.subscribe((user) => users.push(user));
    tokens.next(bob);
    tokens.next(bob); // the same token again changes nothing
    tokens.next(carol);
    expect(users).toEqual(['alice', 'bob', 'carol']);
    expect(connection.token).toBe(carol);
    expect(errorHandler.handleError).not.toHaveBeenCalled();
  });

  it('keeps the previous token when the app signs out (null, undefined or empty)', () => {
    const tokens = new BehaviorSubject<string | null | undefined>(alice);
    setUp({ url: URL_, token$: tokens });
    const connection = TestBed.inject(FLOW_CONNECTION);
    for (const none of [null, undefined, '']) tokens.next(none);
    expect(connection.token).toBe(alice);
    tokens.next(bob);
    expect(connection.token).toBe(bob);
    expect(errorHandler.handleError).not.toHaveBeenCalled();
  });

  it('reports an undecodable token to the ErrorHandler and keeps the previous one', () => {
    const tokens = new BehaviorSubject(alice);
    setUp({ url: URL_, token$: tokens });
    const connection = TestBed.inject(FLOW_CONNECTION);
    tokens.next('not-a-token');
    expect(connection.token).toBe(alice);
    expect(errorHandler.handleError).toHaveBeenCalledOnceWith(jasmine.any(FlowclientConnectionError));
    tokens.next(bob); // later tokens still arrive
    expect(connection.token).toBe(bob);
  });

  it('reports a failing token$ to the ErrorHandler and keeps the last token', () => {
    const tokens = new BehaviorSubject(alice);
    setUp({ url: URL_, token$: tokens });
    const connection = TestBed.inject(FLOW_CONNECTION);
    const failure = new Error('auth service down');
    tokens.error(failure);
    expect(errorHandler.handleError).toHaveBeenCalledOnceWith(failure);
    expect(connection.token).toBe(alice);
  });

  it('throws when first injected without any token, saying what to give', () => {
    setUp({ url: URL_, token$: NEVER });
    expect(() => TestBed.inject(FLOW_CONNECTION)).toThrowError(/provideFlowClient: no token.*BehaviorSubject/);
  });

  it('throws for a token$ that fails before giving a token, after reporting its error', () => {
    setUp({ url: URL_, token$: throwError(() => new Error('no session')) });
    expect(() => TestBed.inject(FLOW_CONNECTION)).toThrowError(/no token/);
    expect(errorHandler.handleError).toHaveBeenCalledOnceWith(new Error('no session'));
  });

  const badConfigs: Array<[string, FlowClientConfig, RegExp]> = [
    ['a schemeless url', { url: 'flowapi.example.org', token: alice }, /url must start with http/],
    ['a url with /api/0', { url: `${URL_}/api/0`, token: alice }, /without \/api\/<version>/],
    ['a bad apiVersion', { url: URL_, token: alice, apiVersion: -1 }, /apiVersion must be a non-negative integer/],
    ['an undecodable first token', { url: URL_, token: 'not-a-token' }, /Unable to decode token/],
  ];
  for (const [what, config, message] of badConfigs) {
    it(`throws as connect does for ${what}, and stops listening to token$`, () => {
      const tokens = new Subject<string>();
      setUp({ ...config, token$: tokens });
      expect(() => TestBed.inject(FLOW_CONNECTION)).toThrowError(message);
      expect(tokens.observed).toBeFalse();
    });
  }

  it('stops listening to token$ when its injector is destroyed', () => {
    const tokens = new BehaviorSubject(alice);
    setUp({ url: URL_, token$: tokens });
    TestBed.inject(FLOW_CONNECTION);
    expect(tokens.observed).toBeTrue();
    TestBed.resetTestingModule();
    expect(tokens.observed).toBeFalse();
  });

  it('builds nothing and subscribes to nothing until the connection is injected', () => {
    const tokens = new BehaviorSubject(alice);
    setUp({ url: URL_, token$: tokens });
    TestBed.inject(ErrorHandler);
    expect(tokens.observed).toBeFalse();
  });
});
