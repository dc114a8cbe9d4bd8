/** Helpers of the population specs: run a spec to completion on a server and read its rows. */
import { startTestServer, type TestServer, type TestServerOptions } from '../../../server/index.js';
import { call, runToCompletion } from '../support/http.js';

/** A result row. */
export type Row = Record<string, unknown>;

/** A server and a full-scope token. */
export interface Session {
  readonly server: TestServer;
  readonly token: string;
}

/**
 * A session on a server started with `options` before the suite's specs (with a full-scope
 * token) and closed after them; read its fields inside specs only.
 */
export function sessionFor(options: TestServerOptions): Session {
  const session = {} as { server: TestServer; token: string };
  beforeAll(async () => {
    session.server = await startTestServer(options);
    session.token = await session.server.mintToken();
  });
  afterAll(() => session.server.close());
  return session;
}

/** Run `spec` and return its result rows (`.json`). */
export async function rowsOf(session: Session, spec: unknown): Promise<Row[]> {
  const id = await runToCompletion(session.server, session.token, spec);
  const answer = await call(session.server, `/api/0/get/${id}`, { token: session.token });
  if (answer.status !== 200) throw new Error(`get answered ${answer.status}`);
  return (answer.body as { query_result: Row[] }).query_result;
}

/** Value per `pcod` (or another key column) of rows. */
export function byKey(rows: readonly Row[], key = 'pcod'): Map<string, number> {
  return new Map(rows.map((r) => [String(r[key]), Number(r['value'])]));
}

/** Sum of the `value` column. */
export const total = (rows: readonly Row[]): number => rows.reduce((a, r) => a + Number(r['value']), 0);

/** A daily location. */
export const daily = (date: string, unit = 'admin3', method = 'last'): Row => ({
  query_kind: 'daily_location',
  date,
  aggregation_unit: unit,
  method,
});

/** A spatial aggregate of `locations`. */
export const spatial = (locations: Row): Row => ({ query_kind: 'spatial_aggregate', locations });

/** Flows between two location queries. */
export const flows = (from: Row, to: Row, kind = 'flows'): Row => ({ query_kind: kind, from_location: from, to_location: to });
