import { ErrorBody } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { post, useTestApp } from '../testing/test-app.js';
import { submission } from '../testing/fixtures.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('nestsDeeperThan', () => {
  it('counts objects and arrays, not brackets inside strings or after escaped quotes', () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":{"b":[{}]}}', 3)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ text: '[[[[[[{{{{', quoted: 'a \\" [[[[[' }), 1)).toBe(false);
    // An escaped backslash before a quote: the quote closes the string, and the bracket after it counts.
    expect(nestsDeeperThan(JSON.stringify({ a: 'x\\', b: [[1]] }), 2)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ a: 'x\\', b: [1] }), 2)).toBe(false);
    expect(nestsDeeperThan('["unterminated [[[[', 1)).toBe(false);
  });

  it('reads a 100,000-deep body in one pass, without recursion', () => {
    expect(nestsDeeperThan(nested(100_000), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan('{"a":'.repeat(100_000), MAX_JSON_DEPTH)).toBe(true);
  });
});

describe('JSON depth cap on every route that reads a body', () => {
  const t = useTestApp();
  const asOwner = { Authorization: 'Bearer sk_shop_secret' };

  it('422 json_too_deep naming the body for 100,000 nested arrays or objects on the management API', async () => {
    for (const body of [nested(100_000), '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)]) {
      const res = await post(t.app, '/api/v1/webhooks', body, asOwner);
      expect(res.status, await res.clone().text()).toBe(422);
      expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: 'json_too_deep', issues: [{ path: '(body)' }] });
    }
  });

  it('on the public API: 422 for a deep body within the size limit, 413 for one beyond it', async () => {
    const origin = { Origin: 'https://shop.example' };
    const deep = await post(t.app, '/v1/responses', { ...submission(), pad: JSON.parse(nested(MAX_JSON_DEPTH)) as unknown }, origin);
    expect(deep.status).toBe(422);
    expect(ErrorBody.parse(await deep.json()).error.code).toBe('json_too_deep');
    expect((await post(t.app, '/v1/feedback', nested(100_000), origin)).status).toBe(413);
    expect((await post(t.app, '/v1/responses', submission(), origin)).status).toBe(201);
  });

  it('takes a body nested to the limit', async () => {
    const res = await post(t.app, '/v1/responses', { ...submission(), pad: JSON.parse(nested(MAX_JSON_DEPTH - 1)) as unknown }, { Origin: 'https://shop.example' });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('413 naming the body for a management body over 1 MiB', async () => {
    const res = await post(t.app, '/api/v1/webhooks', { url: 'https://hooks.example/x', events: ['case.opened'], pad: 'x'.repeat(1024 * 1024) }, asOwner);
    expect(res.status).toBe(413);
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: 'payload_too_large', issues: [{ path: '(body)' }] });
  });
});
