const TEXT = 'text/plain;charset=UTF-8';

/**
 * POSTs one serialized entry. `text/plain` keeps it a CORS "simple request" (no preflight round trip), and
 * `keepalive` lets it finish when the visitor navigates away mid-request.
 */
export const post = (url: string, body: string): Promise<Response> =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': TEXT }, keepalive: true });

/**
 * Hands `body` to the browser to deliver after the page is gone: `sendBeacon` first, which browsers honour during
 * unload, else a `keepalive` fetch. Nothing here can report back, so the caller keeps the entry and the next page
 * load sends it again (the server merges by response id, so a repeat is harmless).
 */
export function beacon(url: string, body: string): void {
  try {
    if (navigator.sendBeacon(url, new Blob([body], { type: TEXT }))) return;
  } catch {
    // sendBeacon missing or refusing the payload: fall through to fetch.
  }
  post(url, body).catch(() => {
    // The entry stays queued; the next page load retries it.
  });
}
