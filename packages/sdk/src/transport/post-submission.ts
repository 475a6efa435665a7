import { isRecord } from '../core/is-record.js';
import { post } from './beacon.js';

/**
 * `sent` (with the reply's `followUpId`, a string when the server opened a follow-up case: the caller checks);
 * `retry` with a reason (network, 5xx, 408, 429) and `wait`, the server's `Retry-After` in seconds (NaN or 0 when it
 * said none, or a date); or `refused` for good with the server's message.
 */
export type Outcome = { sent: true; followUpId: unknown } | { retry: string; wait?: number } | { refused: string };

/** Sends one serialized submission (see `post`) and sorts the server's reply into an outcome. */
export async function postSubmission(url: string, body: string): Promise<Outcome> {
  let response: Response;
  try {
    response = await post(url, body);
  } catch (error) {
    // fetch rejects with a TypeError (or the abort's DOMException): an Error, which a template names in full.
    return { retry: `${error}` };
  }
  // Any JSON reply: `ResponseAccepted` on success, the error body otherwise; anything else (an empty 2xx, a
  // proxy's error page) reads as {}.
  const reply: Record<string, unknown> = await response.json().then((body: unknown) => (isRecord(body) ? body : {}), () => ({}));
  if (response.ok) return { sent: true, followUpId: reply.followUpId };
  const { status } = response;
  const error = isRecord(reply.error) && typeof reply.error.message === 'string' ? reply.error.message : `status ${status}`;
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return { refused: error };
  return { retry: error, wait: Number(response.headers.get('retry-after')) };
}
