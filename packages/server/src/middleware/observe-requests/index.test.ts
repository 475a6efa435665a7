import { ErrorBody } from '@closeloop/sdk/schemas';
import { beforeEach, describe, expect, it } from 'vitest';
import { captureLog } from '../../testing/log-capture.js';
import { post, useTestApp } from '../../testing/test-app.js';
import { submission } from '../../testing/fixtures.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('observeRequests: a request id on every reply and log line, one access line per request', () => {
  const log = captureLog('info');
  const t = useTestApp({ logger: log.logger });
  beforeEach(() => log.clear());

  it('keeps a sane incoming X-Request-Id and echoes it', async () => {
    for (const id of ['abc', 'lb-7f3a:12.9_x', 'a'.repeat(128)]) {
      const res = await t.app.request('/healthz', { headers: { 'X-Request-Id': id } });
      expect(res.headers.get('x-request-id')).toBe(id);
    }
  });

  it('replaces a missing or insane one (too long, spaces, quotes, newline-like) with a fresh UUID per request', async () => {
    const seen = new Set<string>();
    for (const id of [undefined, '', 'a'.repeat(129), 'has space', 'quote"d', 'semi;colon', 'ümlaut', '{"json":1}']) {
      const res = await t.app.request('/healthz', { headers: id === undefined ? {} : { 'X-Request-Id': id } });
      const echoed = res.headers.get('x-request-id') ?? '';
      expect(echoed, String(id)).toMatch(UUID);
      seen.add(echoed);
    }
    expect(seen.size).toBe(8);
  });

  it('puts the id in every error body, equal to the header: bad input, no key, no route, a refused origin', async () => {
    const replies = [
      await post(t.app, '/v1/responses', '{', { 'X-Request-Id': 'req-1', Origin: 'https://shop.example' }),
      await t.app.request('/api/v1/follow-ups', { headers: { 'X-Request-Id': 'req-2' } }),
      await t.app.request('/nothing/here'),
      await post(t.app, '/v1/responses', submission({ project: 'pk_nobody' }), { Origin: 'https://shop.example' }),
    ];
    const ids = [];
    for (const res of replies) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      const { error } = ErrorBody.parse(await res.json());
      expect(error.requestId).toBe(res.headers.get('x-request-id'));
      ids.push(error.requestId);
    }
    expect(ids.slice(0, 2)).toEqual(['req-1', 'req-2']);
    expect(ids[2]).toMatch(UUID);
  });

  it('one access line per request: its id, method, route pattern (not the path), status and time', async () => {
    await t.app.request(`/api/v1/follow-ups/${crypto.randomUUID()}?q=secret`, { headers: { Authorization: `Bearer ${t.shop.secretKey}`, 'X-Request-Id': 'req-9' } });
    await t.app.request('/nothing/here', { method: 'PROPFIND' });
    await post(t.app, '/v1/responses', submission(), { Origin: 'https://shop.example' });
    expect(log.lines()).toEqual([
      { level: 'info', time: expect.any(String), service: 'closeloop', msg: 'request', requestId: 'req-9', method: 'GET', route: '/api/v1/follow-ups/:id', status: 404, ms: expect.any(Number) },
      expect.objectContaining({ requestId: expect.stringMatching(UUID), method: 'OTHER', route: 'unmatched', status: 404 }),
      expect.objectContaining({ method: 'POST', route: '/v1/responses', status: 201 }),
    ]);
  });
});
