import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError } from '../../http/error-handler.js';
import { bodySizeLimit } from './index.js';

const app = new Hono();
app.onError(onError);
app.post('/echo', bodySizeLimit({ maxBytes: 10 }), async (c) => c.text(await c.req.text()));

describe('bodySizeLimit', () => {
  it('passes a body within the limit', async () => {
    const res = await app.request('/echo', { method: 'POST', body: '0123456789' });
    expect(await res.text()).toBe('0123456789');
  });

  it('413 JSON when Content-Length says too much', async () => {
    const res = await app.request('/echo', { method: 'POST', body: '01234567890', headers: { 'Content-Length': '11' } });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large', issues: [{ path: '(body)' }] } });
    // The unread rest of the body makes the connection unusable: the client must not send another request on it.
    expect(res.headers.get('connection')).toBe('close');
  });

  it('413 JSON when a streamed body without length grows too large', async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('0123456789'));
        controller.enqueue(new TextEncoder().encode('more'));
        controller.close();
      },
    });
    const res = await app.request('/echo', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });
});
