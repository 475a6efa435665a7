import type { SignedVisitor } from '@closeloop/sdk';

/** What the panel shows of a message: its id (to report it seen) and the agent's text. */
export interface ShownMessage {
  id: string;
  body: string;
}

const identity = ({ project, userId, signature }: SignedVisitor) => ({ project, user: userId, signature });

/**
 * `GET /v1/messages`: the signed visitor's unseen messages, oldest first. The chunk carries no zod (the `Message`
 * schema of `@closeloop/sdk/schemas` would pull it in whole), so it checks the two fields it reads and leaves out
 * entries without them; a reply that is not a list at all is an error, as is any error status (403 for a signature
 * the server does not accept).
 */
export async function fetchMessages(visitor: SignedVisitor, signal?: AbortSignal): Promise<ShownMessage[]> {
  const query = new URLSearchParams(identity(visitor));
  const response = await fetch(`${visitor.host}/v1/messages?${query}`, { signal });
  if (!response.ok) throw new Error(`GET /v1/messages answered ${response.status}`);
  const body: unknown = await response.json().catch(() => undefined);
  const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) throw new Error('GET /v1/messages answered without a data list');
  return data.flatMap((entry: unknown) => {
    const { id, body: text } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    return typeof id === 'string' && id && typeof text === 'string' && text.trim() ? [{ id, body: text }] : [];
  });
}

/**
 * `POST /v1/messages/:id/seen`, as text/plain JSON (no CORS preflight) with `keepalive`, so it is sent even when the
 * visitor leaves the page right after the message showed. Resolves once the server recorded it (204).
 */
export async function reportSeen(visitor: SignedVisitor, messageId: string): Promise<void> {
  const response = await fetch(`${visitor.host}/v1/messages/${encodeURIComponent(messageId)}/seen`, {
    method: 'POST',
    body: JSON.stringify(identity(visitor)),
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    keepalive: true,
  });
  if (!response.ok) throw new Error(`POST /v1/messages/${messageId}/seen answered ${response.status}`);
}
