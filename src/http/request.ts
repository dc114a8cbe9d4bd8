/**
 * One HTTP attempt as a cold observable: nothing is sent before subscribe, each subscription
 * sends its own request, and unsubscribing aborts it. Replies are checked against flowclient's
 * status table and failures mapped to typed errors.
 * @module
 */
import type { AxiosInstance, AxiosResponse } from 'axios';
import { catchError, defer, finalize, from, map, tap, throwError, type Observable } from 'rxjs';
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
 * Send `request` with `token` on subscribe; emit the reply once its status is accepted, else
 * fail with the mapped error ({@link replyError}, {@link transportError}).
 */
export function sendRequest(client: AxiosInstance, request: HttpRequest, token: string, ctx: RequestContext): Observable<AxiosResponse> {
  return defer(() => {
    const controller = new AbortController();
    const text = request.responseType === 'text';
    let settled = false; // aborting a settled request would only cost a DOMException
    return from(
      client.request({
        method: request.kind === 'get' ? 'GET' : 'POST',
        url: request.route,
        data: request.data,
        params: request.params,
        headers: { Authorization: `Bearer ${token}` },
        signal: controller.signal,
        ...(text ? { responseType: 'text', transitional: { forcedJSONParsing: false, silentJSONParsing: true, clarifyTimeoutError: false } } : {}),
      }),
    ).pipe(
      tap({ next: () => (settled = true), error: () => (settled = true) }),
      finalize(() => settled || controller.abort()),
    );
  }).pipe(
    catchError((error: unknown) => throwError(() => transportError(error, ctx))),
    map(openOpaqueRedirect),
    map((response) => {
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
