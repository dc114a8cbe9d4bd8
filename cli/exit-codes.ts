/**
 * Exit codes of the `flowclient-rx` command: one per class of failure, so scripts can tell a
 * typo from a dead server without parsing messages.
 * @module
 */

/**
 * The exit codes, by meaning.
 *
 * | code | meaning |
 * | ---: | --- |
 * | 0 | success |
 * | 1 | anything else (an undecodable result, a server error 5xx, a file that cannot be written, a bug) |
 * | 2 | bad arguments or bad spec: unknown command/option, missing URL or token, unreadable or invalid spec, a builder's check, a 400 from FlowAPI |
 * | 3 | authentication or permission: 401/422 (expired, forged, wrong audience), 403, an undecodable token |
 * | 4 | not found: 404, a query the server does not know or is not running |
 * | 5 | the query errored or was cancelled |
 * | 6 | network: refused, reset, timed out, TLS failure, after the retries |
 * | 130 | interrupted (Ctrl-C) |
 */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** Anything not covered below. */
  failure: 1,
  /** Bad command-line arguments, or a spec the builders or FlowAPI reject. */
  usage: 2,
  /** The token was refused (401, 422, 403) or could not be decoded. */
  auth: 3,
  /** The server does not know the query (or route). */
  notFound: 4,
  /** The query errored or was cancelled. */
  queryFailed: 5,
  /** The server could not be reached. */
  network: 6,
  /** Interrupted by SIGINT/SIGTERM. */
  interrupted: 130,
} as const;

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
