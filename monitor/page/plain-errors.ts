/**
 * Errors in plain words: what went wrong and what to do, from the library's error classes.
 * Never the token (the library's messages never carry it).
 * @module
 */
import {
  isAuthenticationError,
  isFlowclientConnectionError,
  isNetworkError,
  isNotFoundError,
  isPermissionDeniedError,
  isQueryFailedError,
  isQuerySpecError,
  isResultDecodeError,
} from '../../src/index.js';

const because = (serverMessage: string | undefined): string => (serverMessage ? ` The server said: “${serverMessage}”.` : '');

/** One or two sentences saying what went wrong, for a person. */
export function describeError(error: unknown): string {
  if (isQuerySpecError(error)) return `${error.field}: expected ${error.allowed}. Nothing was sent.`;
  if (isNetworkError(error)) return `The FlowAPI server could not be reached (${error.message}). Is it running?`;
  if (isAuthenticationError(error)) {
    return `FlowAPI refused the token (expired, or not for this server).${because(error.serverMessage)} Paste a new token in the connection panel.`;
  }
  if (isPermissionDeniedError(error)) return `The token does not allow this.${because(error.serverMessage)}`;
  if (isNotFoundError(error)) return `The server does not know this query (any more).${because(error.serverMessage)}`;
  if (isQueryFailedError(error)) return `The query failed on the server.${because(error.serverMessage)}`;
  if (isResultDecodeError(error)) return 'The result arrived cut short or garbled. Try again.';
  if (isFlowclientConnectionError(error)) {
    const status = error.status === undefined ? '' : ` (HTTP ${error.status})`;
    return `FlowAPI answered with an error${status}: ${error.serverMessage === undefined ? error.message : summariseServerMessage(error.serverMessage)}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** `a › b: message` for every leaf list of messages in FlowMachine's nested validation errors. */
function flattenMessages(value: unknown, path: readonly string[] = []): string[] {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return [`${path.join(' › ') || 'spec'}: ${value.join(' ')}`];
  if (typeof value === 'string') return [`${path.join(' › ') || 'spec'}: ${value}`];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => flattenMessages(v, [...path, key]));
}

/**
 * A server message cut to what a person needs: FlowMachine's "Parameter validation failed"
 * (which repeats the whole spec) becomes the list of fields and what is wrong with them; other
 * messages keep their first paragraph.
 */
export function summariseServerMessage(message: string): string {
  const validation = /Validation error messages:\s*([\s\S]*?)\.?\s*$/.exec(message.trim());
  if (validation?.[1]) {
    try {
      const lines = flattenMessages(JSON.parse(validation[1]));
      if (lines.length > 0) return `the spec did not pass FlowAPI's checks — ${lines.join('; ')}`;
    } catch {
      // not JSON: fall through to the first paragraph
    }
  }
  return (message.trim().split(/\n\s*\n/)[0] ?? message).trim();
}
