import { isRecord } from '../core/is-record.js';
import { post } from './beacon.js';

/**
 * `sent` (with the follow-up case the server opened, when its reply names one); `retry` with a reason (network,
 * 5xx, 408, 429); or `refused` for good with the server's message.
 */
export type Outcome = { sent: true; followUpId?: string } | { retry: string } | { refused: string };

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
  if (response.ok) return { sent: true, followUpId: typeof reply.followUpId === 'string' ? reply.followUpId : undefined };
  const { status } = response;
  const error = isRecord(reply.error) && typeof reply.error.message === 'string' ? reply.error.message : `status ${status}`;
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return { refused: error };
  return { retry: `status ${status}` };
}
