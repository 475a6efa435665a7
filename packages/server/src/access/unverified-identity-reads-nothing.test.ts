import { signIdentity } from '@closeloop/sdk/node';
import { ConfigResponse, ErrorBody, MessageList } from '@closeloop/sdk/schemas';
import { beforeEach, describe, expect, it } from 'vitest';
import { caseRequests } from '../testing/case-requests.js';
import { seedProject } from '../testing/fixtures.js';
import { post, useTestApp } from '../testing/test-app.js';
import { testDialects } from '../testing/test-dbs.js';

/**
 * The promise: a user's messages and the surveys they answered are read only with their id signed by the host
 * backend (HMAC-SHA256 with the project's identity secret). Anything less (no signature, a signature for another
 * user, made with another secret, or not a signature at all) reads nothing and learns nothing about the user.
 */

const USER = 'user-42';
const origin = { Origin: 'https://shop.example' };
const good = signIdentity('shop-identity', USER);

/** Every way a signature can be wrong, as a page could send it. */
const forged: [string, string | undefined][] = [
  ['no signature', undefined],
  ['an empty signature', ''],
  ["another user's signature", signIdentity('shop-identity', 'user-7')],
  ["another project's secret", signIdentity('other-identity', USER)],
  ['the secret itself', 'shop-identity'],
  ['the user id', USER],
  ['the right signature in capitals', good.toUpperCase()],
  ['the right signature cut short', good.slice(0, 63)],
  ['64 zeros', '0'.repeat(64)],
];

describe.each(testDialects)('an unverified identity reads nothing of the user on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const requests = caseRequests(t);
  let messageId: string;
  beforeEach(async () => {
    await seedProject(t.db, 'other');
    // The user answered (a detractor's case), the case was resolved and a message left for them in the widget.
    const caseId = await requests.openSurveyCase({ respondent: { anonymousId: 'anon-jane', userId: USER, signature: good } });
    await requests.change('POST', `/api/v1/follow-ups/${caseId}/resolve`, { resolution: 'fixed', summary: 'Fixed' }, 200);
    await requests.change('POST', `/api/v1/follow-ups/${caseId}/close-loop`, { message: 'We refunded your order.', channels: ['widget'] });
    const inbox = MessageList.parse(await (await messages(good)).json());
    expect(inbox.data).toHaveLength(1);
    messageId = inbox.data[0]!.id;
  });

  const query = (signature: string | undefined) => `project=pk_shop&user=${USER}${signature === undefined ? '' : `&signature=${encodeURIComponent(signature)}`}`;
  const messages = (signature: string | undefined) => t.app.request(`/v1/messages?${query(signature)}`, { headers: origin });
  const config = (signature: string | undefined) => t.app.request(`/v1/config?${query(signature)}`, { headers: origin });
  const seen = (signature: string | undefined) => post(t.app, `/v1/messages/${messageId}/seen`, { project: 'pk_shop', user: USER, ...(signature !== undefined && { signature }) }, origin);

  it('GET /v1/messages: refused for every wrong signature, no message in the reply', async () => {
    for (const [how, signature] of forged) {
      const res = await messages(signature);
      const text = await res.text();
      expect([403, 422], how).toContain(res.status);
      expect(text, how).not.toContain('refunded');
      expect(ErrorBody.parse(JSON.parse(text)).error.issues?.[0]?.path, how).toBe('signature');
    }
  });

  it('POST /v1/messages/:id/seen: refused for every wrong signature, and the message stays unseen', async () => {
    for (const [how, signature] of forged) {
      const res = await seen(signature);
      expect([403, 422], how).toContain(res.status);
      expect(ErrorBody.parse(await res.json()).error.issues?.[0]?.path, how).toBe('signature');
    }
    expect(MessageList.parse(await (await messages(good)).json()).data.map((m) => m.id)).toEqual([messageId]);
  });

  it("GET /v1/config: for every wrong signature no answered list, the same reply as a stranger's", async () => {
    const stranger = await t.app.request('/v1/config?project=pk_shop', { headers: origin });
    for (const [how, signature] of forged) {
      const res = await config(signature);
      expect([200, 422], how).toContain(res.status);
      if (res.status === 422) continue;
      expect(ConfigResponse.parse(await res.json()).answered, how).toBeUndefined();
      // Not even the ETag differs: nothing tells whether this user exists or answered.
      expect(res.headers.get('etag'), how).toBe(stranger.headers.get('etag'));
      expect(res.headers.get('cache-control'), how).toBe('no-cache');
    }
  });

  it('the signed user reads their answers and messages (so the refusals above are about the signature alone)', async () => {
    expect(ConfigResponse.parse(await (await config(good)).json()).answered).toEqual([expect.objectContaining({ surveyId: 'nps' })]);
    expect((await seen(good)).status).toBe(204);
    expect(MessageList.parse(await (await messages(good)).json()).data).toEqual([]);
  });
});
