/**
 * One HTTP attempt as a cold observable: nothing is sent before subscribe, each subscription
 * sends its own request, and unsubscribing aborts it. Replies are checked against flowclient's
 * status table and failures mapped to typed errors.
 * @module
 */
import type { AxiosInstance } from 'axios';
import { throwError, using, type Observable } from 'rxjs';
import { FlowclientConnectionError } from '../errors.js';
import { RequestAbort } from './request-abort.js';
import { replyError, transportError, type ReplyKind, type RequestContext } from './error-mapping.js';
import { toFlowResponse, type FlowResponse } from './response.js';
import { offApiRoot } from './route.js';

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
 * Send `request` on subscribe with the token `token()` gives at that moment; emit the reply (as a
 * {@link FlowResponse}: no config, no token) once its status is accepted, else fail with the mapped
 * error ({@link replyError}, {@link transportError}).
 * The request's {@link RequestAbort} is the subscription's resource (`using`): unsubscribing aborts it.
 * The client's `timeout` bounds the whole attempt, from send to the last byte of the body (axios'
 * own is an idle timeout in Node, so it gets 0): when it passes the request is aborted and fails
 * with the `NetworkError` of axios' timeout, "… timeout of <ms>ms exceeded".
 * A request whose URL would leave the connection's origin or `/api/<version>/` is not sent: it
 * fails with {@link FlowclientConnectionError} (callers check routes first; this is the last guard).
 */
export function sendRequest(client: AxiosInstance, request: HttpRequest, token: () => string, ctx: RequestContext): Observable<FlowResponse> {
  const text = request.responseType === 'text';
  const off = offApiRoot(request.route, ctx);
  if (off !== undefined) {
    return throwError(
      () => new FlowclientConnectionError(`Refused to send a request to ${off}: every request stays under ${ctx.url}/api/${ctx.apiVersion}/.`, { route: ctx.route }),
    );
  }
  const timeoutMs = client.defaults.timeout ?? 0;
  return using(
    () => new RequestAbort(timeoutMs),
    (resource) => {
      const lifetime = resource as RequestAbort; // `using` types its resource as a bare Unsubscribable
      return client
        .request({
          method: request.kind === 'get' ? 'GET' : 'POST',
          url: request.route,
          allowAbsoluteUrls: false, // whatever client is given: a route is always a path under its baseURL
          data: request.data,
          params: request.params,
          headers: { Authorization: `Bearer ${token()}` },
          signal: lifetime.signal,
          timeout: 0, // the lifetime's timer bounds the whole attempt instead
          ...(text ? { responseType: 'text', transitional: { forcedJSONParsing: false, silentJSONParsing: true, clarifyTimeoutError: false } } : {}),
        })
        .then(
          (reply) => {
            lifetime.settle();
            return acceptedReply(request.kind, reply, ctx);
          },
          (error: unknown) => {
            lifetime.settle();
            return Promise.reject(transportError(lifetime.timedOut ? lifetime.signal.reason : error, ctx));
          },
        );
    },
  );
}

/** The reply, once its status is one `kind` accepts; else throws the mapped error. */
function acceptedReply(kind: ReplyKind, reply: Parameters<typeof toFlowResponse>[0], ctx: RequestContext): FlowResponse {
  const response = openOpaqueRedirect(toFlowResponse(reply, ctx.route));
  const error = replyError(kind, response, ctx);
  if (error) throw error;
  return response;
}

/**
 * In a browser, requests go through `fetch` with `redirect: 'manual'` (so the 303 from `poll` is
 * seen and the result is not downloaded on every status check); the browser then reports an
 * opaque redirect with status 0 and hides its headers. Report it as the 303 it is.
 */
export function openOpaqueRedirect(response: FlowResponse): FlowResponse {
  return response.status === 0 ? { ...response, status: 303, statusText: 'See Other' } : response;
}
