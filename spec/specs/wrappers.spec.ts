import { firstValueFrom } from 'rxjs';
import { connect } from '../../src/connection.js';
import { isQuerySpecError } from '../../src/errors.js';
import { APIQuery } from '../../src/query/api-query.js';
import * as specs from '../../src/specs/index.js';
import { BUILDERS, type BuilderName } from '../../src/forms.js';
import { WRAPPER_NAMES } from '../../src/specs/index.js';
import { unsignedJwt } from '../support/jwt.js';
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { thrown, VALID_OPTIONS } from './fixtures.js';

type Wrapper = (options: object) => APIQuery;
const wrapper = (name: string): Wrapper => (specs as unknown as Record<string, Wrapper>)[name] as Wrapper;
const builderOf = (name: string) => `${name}Spec` as BuilderName;

describe('aggregate wrappers', () => {
  const token = unsignedJwt({ sub: 'alice', exp: 2_000_000_000 });
  // Unreachable on purpose: a wrapper must not send anything.
  const connection = connect({ url: 'https://flowapi.invalid', token });

  it('are the 21 of flowclient, each wrapping an aggregates.py builder', () => {
    expect(WRAPPER_NAMES.length).toBe(21);
    for (const name of WRAPPER_NAMES) {
      expect(typeof wrapper(name)).withContext(name).toBe('function');
      expect(BUILDERS[builderOf(name)]).withContext(name).toBeDefined();
    }
  });

  for (const name of WRAPPER_NAMES) {
    it(`${name} returns an unrun APIQuery of its builder's spec`, () => {
      const options = VALID_OPTIONS[builderOf(name)]();
      const query = wrapper(name)({ connection, ...options });
      expect(query).toBeInstanceOf(APIQuery);
      expect(query.connection).toBe(connection);
      expect(query.queryId).toBeUndefined();
      expect(query.parameters as unknown).toEqual(BUILDERS[builderOf(name)].build(options));
      expect('connection' in query.parameters).toBeFalse();
    });
  }

  it('check the options before making a query', () => {
    const makeApiQuery = spyOn(connection, 'makeApiQuery').and.callThrough();
    const error = thrown(() => specs.spatialAggregate({ connection, locations: { query_kind: 'spatial_aggregate' } as never }));
    expect(error).toEqual(jasmine.objectContaining({ name: 'QuerySpecError', builder: 'spatialAggregateSpec', field: 'locations' }));
    expect(makeApiQuery).not.toHaveBeenCalled();
  });

  it('need a connection', () => {
    const error = thrown(() => specs.flows({ ...VALID_OPTIONS.flowsSpec(), connection: undefined } as never));
    expect(isQuerySpecError(error)).toBeTrue();
    expect(error).toEqual(jasmine.objectContaining({ builder: 'flows', field: 'connection', value: undefined }));
  });
});

describe('aggregate wrappers against the FlowAPI test server', () => {
  let server: BrowserTestServer;
  beforeAll(async () => (server = await startTestServer({})));
  beforeEach(() => spyOn(console, 'warn')); // the test server is plain http
  afterAll(async () => server.close());

  for (const name of WRAPPER_NAMES) {
    it(`${name}: FlowAPI accepts the spec and gives a query id`, async () => {
      const connection = connect({ url: server.url, token: server.token, retry: false });
      const id = await firstValueFrom(wrapper(name)({ connection, ...VALID_OPTIONS[builderOf(name)]() }).run());
      expect(id).toMatch(/^[0-9a-f]{32}$/);
    });
  }
});
