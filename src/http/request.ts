/**
 * One HTTP attempt as a cold observable: nothing is sent before subscribe, each subscription
 * sends its own request, and unsubscribing aborts it. Replies are checked against flowclient's
 * status table and failures mapped to typed errors.
 * @module
 */
import type { AxiosInstance, AxiosResponse } from 'axios';
import { catchError, defer, finalize, from, map, throwError, type Observable } from 'rxjs';
import { RequestAbort } from './abort-signal.js';
import { replyError, transportError, type ReplyKind, type RequestContext } from './error-mapping.js';

/** What to send. */
export interface HttpRequest {
  /** `get` (accepts 200/202/303) or `post` (accepts 202), as flowclient's `get_url` / `post_json`. */
  readonly kind: ReplyKind;
  /** Route relative to `/api/<version>/`. */
  readonly route: string;
  /** JSON body. */
  readonly data?: unknown;
  /** Query-string parameters. */
  readonly params?: Readonly<Record<string, string | number>> | undefined;
  /** `json` (default: parsed when the body is JSON) or `text` (the raw body). */
  readonly responseType?: 'json' | 'text' | undefined;
}

/**
 * Send `request` on subscribe with the token `token()` gives at that moment; emit the reply once
 * its status is accepted, else fail with the mapped error ({@link replyError}, {@link transportError}).
 */
export function sendRequest(client: AxiosInstance, request: HttpRequest, token: () => string, ctx: RequestContext): Observable<AxiosResponse> {
  return defer(() => {
    const abort = new RequestAbort();
    const text = request.responseType === 'text';
    return from(
      client.request({
        method: request.kind === 'get' ? 'GET' : 'POST',
        url: request.route,
        data: request.data,
        params: request.params,
        headers: { Authorization: `Bearer ${token()}` },
        signal: abort,
        ...(text ? { responseType: 'text', transitional: { forcedJSONParsing: false, silentJSONParsing: true, clarifyTimeoutError: false } } : {}),
      }),
    ).pipe(finalize(() => abort.abort())); // after the reply axios has let go: then this only sets a flag
  }).pipe(
    catchError((error: unknown) => throwError(() => transportError(error, ctx))),
    map((reply) => {
      const response = openOpaqueRedirect(reply);
      const error = replyError(request.kind, response, ctx);
      if (error) throw error;
      return response;
    }),
  );
}

/**
 * In a browser, requests go through `fetch` with `redirect: 'manual'` (so the 303 from `poll` is
 * seen and the result is not downloaded on every status check); the browser then reports an
 * opaque redirect with status 0 and hides its headers. Report it as the 303 it is.
 */
export function openOpaqueRedirect(response: AxiosResponse): AxiosResponse {
  return response.status === 0 ? { ...response, status: 303, statusText: 'See Other' } : response;
}
