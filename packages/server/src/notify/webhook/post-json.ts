import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkWebhookUrl } from './check-webhook-url.js';
import type { Delivery } from './delivery.js';
import { guardedLookup } from './guarded-lookup.js';
import type { ResolveAll } from './guarded-lookup.js';

export interface PostJsonOptions {
  url: string;
  /** The JSON, already serialised: what was signed is exactly what is sent. */
  body: string;
  headers?: Record<string, string>;
  /** For the whole attempt: from connecting to a 2xx status, or to the end of a refusal's body. */
  timeoutMs: number;
  /** Let the request reach loopback and private networks (the demo, tests). */
  allowPrivate: boolean;
  /** The DNS the guard asks; tests pass one to play DNS rebinding. Default: the system's. */
  resolveAll?: ResolveAll;
}

/**
 * POSTs `body` to an outside receiver (a webhook, a Slack incoming webhook) and says how it went. It never throws
 * for the receiver's failings: an unreachable host, a timeout, a non-2xx and a refused target are all a failed
 * {@link Delivery}. Redirects are not followed (a 3xx fails): following one would let a receiver bounce the signed
 * request to an address the guard never checked.
 */
export function postJson({ url, body, headers = {}, timeoutMs, allowPrivate, resolveAll }: PostJsonOptions): Promise<Delivery> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const target = checkWebhookUrl(url, { allowPrivate });
  if (!target.ok) return Promise.resolve({ ok: false, status: null, durationMs: 0, error: `refused: the URL ${target.reason}` });

  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Delivery>((resolve) => {
    let status: number | null = null;
    let settled = false;
    const finish = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ok: error === null, status, durationMs: elapsed(), error });
    };
    const request = send(target.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Closeloop-Notifications/1',
        ...headers,
      },
      lookup: guardedLookup({ allowPrivate, resolveAll }),
      // A fresh connection each time: a pooled keep-alive socket is reused without a lookup, so it would carry a
      // delivery past the guard to wherever an earlier one (made with private targets allowed) connected.
      agent: false,
    });
    const timer = setTimeout(() => {
      finish(`timed out after ${timeoutMs} ms`);
      request.destroy();
    }, timeoutMs);
    request.on('error', (error) => finish(error.message));
    request.on('response', (response) => {
      status = response.statusCode ?? null;
      const failure = failureOf(status, response.headers.location);
      if (failure === null) {
        // Accepted: what the receiver says after its 2xx is not ours to wait for, and waiting could turn a delivered
        // event into a timeout and a duplicate retry. The connection is not pooled, so closing it loses nothing.
        finish(null);
        response.destroy();
        return;
      }
      // Of a refusal, the body's start says why (Slack: `no_service`); reading it also releases the socket.
      let reason = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (reason.length < REASON_LIMIT) reason += chunk;
      });
      response.on('end', () => finish(withReason(failure, reason)));
      response.on('error', (error) => finish(error.message));
    });
    request.end(body);
  });
}

/** How much of a refusal's body is kept in the delivery's `error`. */
const REASON_LIMIT = 200;

/** `HTTP 500: database is down`: the refusal's body on one line, cut short, when it says anything. */
function withReason(failure: string, body: string): string {
  const line = body.replace(/\s+/g, ' ').trim().slice(0, REASON_LIMIT);
  return line === '' ? failure : `${failure}: ${line}`;
}

function failureOf(status: number | null, location: string | undefined): string | null {
  if (status !== null && status >= 200 && status < 300) return null;
  if (status !== null && status >= 300 && status < 400) {
    return `HTTP ${status}: redirects are not followed${location ? ` (to ${location})` : ''}`;
  }
  return `HTTP ${status ?? 'without a status'}`;
}
