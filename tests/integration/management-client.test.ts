// @closeloop/sdk/node's management client against the real server over real HTTP: every method, every refusal.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { createManagementClient, ManagementApiError, signIdentity, UnexpectedReplyError } from '@closeloop/sdk/node';
import type { ManagementClient } from '@closeloop/sdk/node';
import type { SurveyDefinitionInput } from '@closeloop/sdk/schemas';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLocalServer } from './local-server.js';
import type { LocalServer } from './local-server.js';

const nps: SurveyDefinitionInput = {
  id: 'nps',
  name: 'NPS',
  questions: [
    { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?' },
    { id: 'comment', type: 'text', prompt: 'Why?' },
  ],
  triggers: [{ type: 'exit-intent' }],
};

let server: LocalServer;
let client: ManagementClient;
beforeEach(async () => {
  server = await startLocalServer();
  client = createManagementClient({ host: server.origin, secretKey: server.secretKey, retry: 0 });
});
afterEach(() => server.stop());

async function answer(score: number, userId?: string) {
  const respondent = userId
    ? { anonymousId: 'anon', userId, signature: signIdentity('it-identity', userId) }
    : { anonymousId: 'anon' };
  const res = await fetch(`${server.origin}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: randomUUID(),
      project: 'pk_it',
      surveyId: 'nps',
      answers: { nps: score },
      respondent,
      context: { url: 'https://shop.example/' },
      answeredAt: new Date().toISOString(),
    }),
  });
  expect(res.status).toBe(201);
}

describe('surveys', () => {
  it('puts, gets, lists and deactivates, each reply typed and with defaults filled in', async () => {
    const created = await client.surveys.put(nps);
    expect(created).toMatchObject({ id: 'nps', active: true, thankYou: { title: 'Thank you!' }, followUp: { enabled: true } });
    // Idempotent: a second put of the same definition changes nothing.
    expect(await client.surveys.put(nps)).toEqual(created);
    await client.surveys.put({ ...nps, id: 'csat', name: 'CSAT', questions: [{ id: 'csat', type: 'csat', prompt: 'Happy?' }] });

    expect(await client.surveys.get('nps')).toEqual(created);
    expect((await client.surveys.list()).map((s) => s.id)).toEqual(['csat', 'nps']);

    const deactivated = await client.surveys.delete('csat');
    expect(deactivated.active).toBe(false);
    const config = await (await fetch(`${server.origin}/v1/config?project=pk_it`)).json();
    expect(config.surveys.map((s: { id: string }) => s.id)).toEqual(['nps']);
  });

  it('rejects with ManagementApiError carrying the server’s ErrorBody and the fields at fault', async () => {
    const invalid = await client.surveys.put({ ...nps, name: '', questions: [] }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ManagementApiError);
    expect(invalid).toMatchObject({ name: 'ManagementApiError', status: 422, code: 'invalid_request' });
    const error = invalid as ManagementApiError;
    expect(error.issues.map((i) => i.path).sort()).toEqual(['name', 'questions']);
    expect(error.body.error.issues).toEqual(error.issues);
    expect(error.message).toContain('PUT');

    const missing = await client.surveys.get('nope').catch((e: unknown) => e);
    expect(missing).toMatchObject({ name: 'ManagementApiError', status: 404, code: 'survey_not_found', issues: [{ path: 'id' }] });
  });

  it('sends ids as one path segment, so an id with a slash is refused by name, not routed elsewhere', async () => {
    const error = await client.surveys.get('a/../../follow-ups').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ManagementApiError', status: 422, issues: [{ path: 'id' }] });
  });
});

describe('responses and follow-ups', () => {
  beforeEach(() => client.surveys.put(nps));

  it('lists responses page by page and filters by survey', async () => {
    await answer(3, 'u-1');
    await answer(9);
    await answer(10);
    const first = await client.responses.list({ limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await client.responses.list({ limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second).toMatchObject({ nextCursor: null, data: [expect.objectContaining({ surveyId: 'nps' })] });
    const all = [...first.data, ...second.data];
    expect(all.find((r) => r.respondent.userId === 'u-1')?.respondent.verified).toBe(true);
    expect((await client.responses.list({ surveyId: 'csat' })).data).toEqual([]);
  });

  it('lists the follow-up case a detractor opened, filtered by status', async () => {
    await answer(2);
    await answer(10);
    const open = await client.followUps.list({ status: 'open' });
    expect(open.data).toHaveLength(1);
    expect(open.data[0]).toMatchObject({ source: 'survey', status: 'open', assigneeId: null, teamId: null, version: 1, reason: { question: 'nps', value: 2 } });
    expect(open.counts).toEqual({ open: 1, in_progress: 0, waiting_on_customer: 0, resolved: 0, closed: 0 });
    expect((await client.followUps.list({ status: 'closed' })).data).toEqual([]);
  });

  it('names the query field the server refused', async () => {
    const error = await client.responses.list({ limit: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ManagementApiError', status: 422, issues: [{ path: 'limit' }] });
  });
});

describe('webhooks and Slack', () => {
  const url = 'https://hooks.example.com/closeloop';

  it('registers a webhook (its secret in that reply only), lists, reads its deliveries and deletes it', async () => {
    const created = await client.webhooks.create({ url, events: ['follow_up.opened', 'follow_up.resolved'] });
    expect(created).toMatchObject({ url, events: ['follow_up.opened', 'follow_up.resolved'], secret: expect.stringMatching(/^whsec_/) });
    const listed = await client.webhooks.list();
    expect(listed).toEqual([{ id: created.id, url, events: created.events, createdAt: created.createdAt }]);
    expect(await client.webhooks.deliveries(created.id)).toEqual({ data: [], nextCursor: null });
    await client.webhooks.delete(created.id);
    expect(await client.webhooks.list()).toEqual([]);
    // Deleted softly: its deliveries are still there to read.
    expect(await client.webhooks.deliveries(created.id, { limit: 10 })).toEqual({ data: [], nextCursor: null });
  });

  it('names url when the server refuses a private target, and events when none is named', async () => {
    const privateTarget = await client.webhooks.create({ url: 'http://127.0.0.1:8788/hook', events: ['follow_up.opened'] }).catch((e: unknown) => e);
    expect(privateTarget).toMatchObject({ name: 'ManagementApiError', status: 422, issues: [{ path: 'url', message: 'must not point at 127.0.0.1, a loopback address' }] });
    const noEvents = await client.webhooks.create({ url, events: [] }).catch((e: unknown) => e);
    expect(noEvents).toMatchObject({ name: 'ManagementApiError', status: 422, issues: [{ path: 'events' }] });
    const unknown = await client.webhooks.delete('0193a1b2-0000-7000-8000-000000000000').catch((e: unknown) => e);
    expect(unknown).toMatchObject({ name: 'ManagementApiError', status: 404, code: 'webhook_not_found' });
  });

  it("sets, reads and removes the project's Slack URL", async () => {
    const slack = 'https://hooks.slack.com/services/T0/B0/secret';
    expect(await client.integrations.slack.get()).toBeNull();
    expect(await client.integrations.slack.put(slack)).toEqual({ url: slack });
    expect(await client.integrations.slack.get()).toEqual({ url: slack });
    await client.integrations.slack.delete();
    expect(await client.integrations.slack.get()).toBeNull();
    const insecure = await client.integrations.slack.put('http://hooks.slack.com/services/T0/B0/secret').catch((e: unknown) => e);
    expect(insecure).toMatchObject({ name: 'ManagementApiError', status: 422, issues: [{ path: 'url', message: 'must be an https URL' }] });
  });
});

describe('trust and transport', () => {
  it('a wrong secret key is a 401 naming authorization', async () => {
    const wrong = createManagementClient({ host: server.origin, secretKey: 'sk_wrong' });
    const error = await wrong.surveys.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ManagementApiError', status: 401, code: 'unauthorized', issues: [{ path: 'authorization' }] });
  });

  it('refuses bad options by name before any request', () => {
    expect(() => createManagementClient({ host: 'feedback.example.com', secretKey: 'sk_x' })).toThrow(/host/);
    expect(() => createManagementClient({ host: server.origin, secretKey: 'pk_it' })).toThrow(/secretKey/);
  });

  it('keeps a path prefix in host (a server behind /closeloop/)', async () => {
    const behindProxy = createManagementClient({ host: `${server.origin}/closeloop`, secretKey: server.secretKey, retry: 0 });
    // The real server has no /closeloop/ prefix, so the request reaching /closeloop/api/v1/surveys proves it was kept.
    const error = await behindProxy.surveys.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ManagementApiError', status: 404, body: { error: { message: expect.stringContaining('/closeloop/api/v1/surveys') } } });
  });

  it('a reply outside the contract is an UnexpectedReplyError, never a cast', async () => {
    const impostor = createServer((req, res) => {
      if (req.url === '/api/v1/surveys') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: [{ id: 'nps' }] }));
      } else {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      }
    });
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = impostor.address() as AddressInfo;
      const api = createManagementClient({ host: `http://127.0.0.1:${port}`, secretKey: 'sk_x', retry: 0 });
      const wrongShape = await api.surveys.list().catch((e: unknown) => e);
      expect(wrongShape).toBeInstanceOf(UnexpectedReplyError);
      expect(wrongShape).toMatchObject({ name: 'UnexpectedReplyError', status: 200 });
      expect((wrongShape as UnexpectedReplyError).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['data.0.name', 'data.0.questions']));
      const gateway = await api.surveys.get('nps').catch((e: unknown) => e);
      expect(gateway).toMatchObject({ name: 'UnexpectedReplyError', status: 502 });
    } finally {
      await new Promise<void>((resolve) => impostor.close(() => resolve()));
    }
  });
});
