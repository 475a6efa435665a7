import { isRecord } from '../core/is-record.js';

/** `sent`; `retry` with a reason (network, 5xx, 408, 429); or `refused` for good with the server's message. */
export type Outcome = { sent: true } | { retry: string } | { refused: string };

/**
 * Sends one serialized submission. `text/plain` keeps it a CORS "simple request" (no preflight round trip), and
 * `keepalive` lets it finish when the visitor navigates away mid-request.
 */
export async function postSubmission(url: string, body: string): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8' }, keepalive: true });
  } catch (error) {
    return { retry: error instanceof Error ? error.message : String(error) };
  }
  if (response.ok) return { sent: true };
  const { status } = response;
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return { refused: await errorMessage(response) };
  return { retry: `status ${status}` };
}

/** The `error.message` of the server's JSON error body, or the status when the body is something else. */
async function errorMessage(response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string') return body.error.message;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return `status ${response.status}`;
}
