/**
 * The bad-input table's shape: each row names a bad input, plays it against a live connection,
 * and says which error (exact class), message and fields it must give.
 */
import type { ConnectOptions, Connection } from '../../../../src/connection.js';
import type { BrowserTestServer } from '../../../support/test-server.js';

/** What a row can use. */
export interface BadInputContext {
  /** The test server (queries take a minute: nothing finishes by itself during the table). */
  readonly server: BrowserTestServer;
  /** The shared connection: its token, user and running watch must survive every row. */
  readonly conn: Connection;
  /** The query the shared connection is watching (queued or executing throughout). */
  readonly runningId: string;
  /** A query the server reports completed (forced), whose result rows can fetch. */
  readonly completedId: string;
  /** Tokens the server minted to be refused. */
  readonly tokens: Readonly<Record<'expired' | 'foreignKey' | 'otherAudience' | 'noUserClaims' | 'noScopes' | 'noSub', string>>;
  /** A row's own connection to the server (retries kept short); its token and user are checked unchanged too. */
  connectWith(token: string, options?: Partial<ConnectOptions>): Connection;
}

/** An error class, matched exactly (a subclass does not pass for its parent). */
export type ErrorClass = abstract new (...args: never[]) => Error;

/** One row. */
export interface BadInput {
  /** The bad input, as the spec's name says it. */
  readonly input: string;
  /** Faults the server plays first (bursts with a custom status, body and headers). */
  readonly faults?: Readonly<Record<string, unknown>>;
  /** The call given the bad input: it throws, or returns an observable or promise that fails. */
  readonly act: (t: BadInputContext) => unknown;
  /** The exact class of the error. */
  readonly error: ErrorClass;
  /** The whole message, or a pattern it must match. */
  readonly message: string | RegExp | ((t: BadInputContext) => string);
  /** Fields the error must carry. */
  readonly fields?: Readonly<Record<string, unknown>>;
  /** True when the input must be refused before anything is sent. */
  readonly sendsNothing?: boolean;
}

/** A burst of one answer to `route`, `count` times. */
export function burst(route: string, status: number, body?: string, contentType = 'text/html', extra: { count?: number; headers?: Record<string, string> } = {}) {
  return {
    bursts: [
      {
        route,
        status,
        count: extra.count ?? 1,
        ...(body === undefined ? {} : { body, contentType }),
        ...(extra.headers ? { headers: extra.headers } : {}),
      },
    ],
  };
}

/** werkzeug-like HTML error page, as a proxy or FlowAPI itself might send. */
export const HTML_PAGE = (status: number, title: string) => `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n`;

/** The rows, each refused before anything is sent. */
export const sendingNothing = (rows: readonly BadInput[]): readonly BadInput[] => rows.map((row) => ({ ...row, sendsNothing: true }));

/** The rows, each also carrying `fields`. */
export const withFields = (fields: Readonly<Record<string, unknown>>, rows: readonly BadInput[]): readonly BadInput[] =>
  rows.map((row) => ({ ...row, fields: { ...fields, ...row.fields } }));
