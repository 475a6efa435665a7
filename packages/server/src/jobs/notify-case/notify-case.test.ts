import { verifyWebhook } from '@closeloop/sdk/node';
import { ErrorBody, Page, WebhookCreated, WebhookDelivery, WebhookEvent } from '@closeloop/sdk/schemas';
import type { WebhookEventType } from '@closeloop/sdk/schemas';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { feedbackSubmission, npsSurvey, submission } from '../../testing/fixtures.js';
import { startHttpReceiver } from '@closeloop/test-receivers/http-receiver';
import type { HttpReceiver, ReceivedRequest } from '@closeloop/test-receivers/http-receiver';
import { useNotifyRunners } from '../../testing/notify-runner.js';
import { post, useTestApp } from '../../testing/test-app.js';
import type { TestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';
import { findJobByKey } from '../../repos/jobs.js';
import { withTransaction } from '../../db/with-transaction.js';
import { setStaffMail } from './case-event-listeners.js';
import { enqueue } from '../enqueue.js';
import { notifyCase, notifyCaseKind } from './notify-case.js';

const ORIGIN = { Origin: 'https://shop.example' };
const DeliveryPage = Page(WebhookDelivery);

/** `POST /api/v1/webhooks` as the project owner; the reply parsed (201 expected). */
async function registerWebhook(t: TestApp, url: string, events: WebhookEventType[] = ['follow_up.opened']) {
  const res = await post(t.app, '/api/v1/webhooks', { url, events }, { authorization: `Bearer ${t.shop.secretKey}` });
  expect(res.status).toBe(201);
  return WebhookCreated.parse(await res.json());
}

async function listIds(t: TestApp): Promise<string[]> {
  const res = await t.app.request('/api/v1/webhooks', { headers: { authorization: `Bearer ${t.shop.secretKey}` } });
  return ((await res.json()) as { data: { id: string }[] }).data.map((w) => w.id);
}

async function deliveriesOf(t: TestApp, webhookId: string) {
  const res = await t.app.request(`/api/v1/webhooks/${webhookId}/deliveries`, { headers: { authorization: `Bearer ${t.shop.secretKey}` } });
  expect(res.status).toBe(200);
  return DeliveryPage.parse(await res.json()).data;
}

/** A receiver that verifies every request as a customer's backend would, and answers with `status` (204 by default). */
async function verifyingReceiver(secret: () => string, status: (request: ReceivedRequest, index: number) => number = () => 204) {
  const events: { id: string; event: WebhookEvent; at: number }[] = [];
  const refusals: unknown[] = [];
  let index = 0;
  const receiver = await startHttpReceiver((request, res) => {
    try {
      const event = WebhookEvent.parse(verifyWebhook(request.body, request.headers, secret()));
      events.push({ id: String(request.headers['webhook-id']), event, at: performance.now() });
    } catch (error) {
      refusals.push(error);
    }
    res.writeHead(status(request, index++)).end();
  });
  return { receiver, events, refusals };
}

describe.each(testDialects)('case notifications on $name', ({ open }) => {
  const t = useTestApp({ allowPrivateWebhooks: true }, open);
  const runners = useNotifyRunners();
  const receivers: HttpReceiver[] = [];
  afterEach(async () => {
    for (const receiver of receivers.splice(0)) await receiver.close();
  });

  it("delivers a detractor's case to a real receiver, signed, woken at commit rather than by the minute-long poll", async () => {
    let secret = '';
    const { receiver, events, refusals } = await verifyingReceiver(() => secret);
    receivers.push(receiver);
    const webhook = await registerWebhook(t, receiver.url);
    secret = webhook.secret;
    runners.start(t.db);

    const sentAt = performance.now();
    const res = await post(t.app, '/v1/responses', submission({ answers: { nps: 2, comment: 'Checkout broke' } }), ORIGIN);
    expect(res.status).toBe(201);
    const { followUpId } = (await res.json()) as { followUpId: string };

    // Woken at commit, delivery takes milliseconds; only the poll would take a minute. The bound is that difference,
    // far from a loaded machine's scheduling noise (how fast it is, is notify.bench.ts's to measure).
    await vi.waitFor(() => expect(events).toHaveLength(1), { timeout: 15_000, interval: 5 });
    expect(events[0]!.at - sentAt).toBeLessThan(15_000);
    expect(refusals).toEqual([]);
    const { event } = events[0]!;
    expect(event.type).toBe('follow_up.opened');
    expect(event.data.followUp).toMatchObject({ id: followUpId, source: 'survey', status: 'open', reason: { question: 'nps', value: 2 } });
    expect(event.data.followUp.source === 'survey' && event.data.followUp.response.answers).toEqual({ nps: 2, comment: 'Checkout broke' });
    // Queued with the case, as one job: no fan-out job first (this server sends no email).
    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, `case:${followUpId}:opened:webhook:${webhook.id}`)).toMatchObject({ kind: 'deliver-webhook', status: 'done' }));
    expect(await findJobByKey(t.db.kysely, `case:${followUpId}:opened`)).toBeNull();
  });

  it('tells of a case routed as it opens: opened, then assigned to whom, each delivery with its own webhook-id, queued with the case', async () => {
    let secret = '';
    const { receiver, events, refusals } = await verifyingReceiver(() => secret);
    receivers.push(receiver);
    const webhook = await registerWebhook(t, receiver.url, ['follow_up.opened', 'follow_up.assigned']);
    secret = webhook.secret;
    const owner = { authorization: `Bearer ${t.shop.secretKey}` };
    const member = (await (await post(t.app, '/api/v1/members', { name: 'Ann', email: 'ann@shop.example', role: 'agent' }, owner)).json()) as { id: string };
    const routed = await t.app.request('/api/v1/surveys/nps', { method: 'PUT', headers: { ...owner, 'content-type': 'application/json' }, body: JSON.stringify({ ...npsSurvey, followUp: { routing: [{ to: { memberId: member.id } }] } }) });
    expect(routed.status).toBe(200);
    runners.start(t.db);

    const res = await post(t.app, '/v1/responses', submission({ answers: { nps: 3 }, finished: true }), ORIGIN);
    const { followUpId } = (await res.json()) as { followUpId: string };
    await vi.waitFor(() => expect(events).toHaveLength(2), { timeout: 5_000, interval: 5 });
    expect(refusals).toEqual([]);
    expect(events.map((e) => e.event.type).sort()).toEqual(['follow_up.assigned', 'follow_up.opened']);
    expect(events.every((e) => e.event.data.followUp.id === followUpId && e.event.data.followUp.assigneeId === member.id)).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
    const jobs = await t.db.kysely.selectFrom('jobs').select(['key', 'kind']).where('key', 'like', `case:${followUpId}:%`).orderBy('key').execute();
    expect(jobs.filter((j) => j.kind === 'notify-case')).toEqual([]);
    expect(jobs.filter((j) => j.kind === 'deliver-webhook').map((j) => j.key)).toEqual([`case:${followUpId}:assigned:1:webhook:${webhook.id}`, `case:${followUpId}:opened:webhook:${webhook.id}`]);
  });

  it('notifies of a case opened by the feedback button too', async () => {
    let secret = '';
    const { receiver, events } = await verifyingReceiver(() => secret);
    receivers.push(receiver);
    secret = (await registerWebhook(t, receiver.url)).secret;
    runners.start(t.db);

    const res = await post(t.app, '/v1/feedback', feedbackSubmission({ comment: 'The coupon is refused.' }), ORIGIN);
    expect(res.status).toBe(201);
    await vi.waitFor(() => expect(events).toHaveLength(1), { timeout: 2_000, interval: 5 });
    expect(events[0]!.event.data.followUp).toMatchObject({ source: 'feedback', feedback: { comment: 'The coupon is refused.' } });
  });

  it('retries a receiver that fails twice: three recorded deliveries, newest first, all with one webhook-id', async () => {
    let secret = '';
    const { receiver, events } = await verifyingReceiver(
      () => secret,
      (_, index) => (index < 2 ? 503 : 204),
    );
    receivers.push(receiver);
    const webhook = await registerWebhook(t, receiver.url);
    secret = webhook.secret;
    runners.start(t.db, { pollMs: 20 });

    await post(t.app, '/v1/responses', submission(), ORIGIN);
    await vi.waitFor(() => expect(events).toHaveLength(3), { timeout: 3_000, interval: 10 });
    expect(new Set(events.map((e) => e.id)).size).toBe(1);
    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);

    await vi.waitFor(async () => expect(await deliveriesOf(t, webhook.id)).toHaveLength(3), { timeout: 2_000, interval: 10 });
    const deliveries = await deliveriesOf(t, webhook.id);
    expect(deliveries.map((d) => [d.attempt, d.statusCode, d.error])).toEqual([
      [3, 204, null],
      [2, 503, 'HTTP 503'],
      [1, 503, 'HTTP 503'],
    ]);
    expect(new Set(deliveries.map((d) => d.messageId))).toEqual(new Set([events[0]!.id]));
    expect(deliveries.every((d) => d.type === 'follow_up.opened' && d.durationMs >= 0)).toBe(true);
  });

  it('notifyCase, as the case use cases call it: one notification per occurrence of an event, each with its own webhook-id', async () => {
    let secret = '';
    const { receiver, events } = await verifyingReceiver(() => secret);
    receivers.push(receiver);
    secret = (await registerWebhook(t, receiver.url, ['follow_up.status_changed'])).secret;
    const slack = await startHttpReceiver();
    receivers.push(slack);
    const auth = { authorization: `Bearer ${t.shop.secretKey}` };
    await t.app.request('/api/v1/integrations/slack', { method: 'PUT', headers: auth, body: JSON.stringify({ url: slack.url }) });
    const res = await post(t.app, '/v1/responses', submission(), ORIGIN);
    const { followUpId: caseId } = (await res.json()) as { followUpId: string };
    runners.start(t.db);

    const changed = (occurrence: number) =>
      withTransaction(t.db.kysely, (trx) => notifyCase(trx, { projectId: t.shop.project.id, caseId, event: 'follow_up.status_changed', now: new Date(), occurrence }));
    expect(await changed(2)).toBe(true);
    expect(await changed(2)).toBe(false);
    expect(await changed(3)).toBe(true);

    await vi.waitFor(() => expect(events).toHaveLength(2), { timeout: 2_000, interval: 5 });
    expect(events.map((e) => e.event.type)).toEqual(['follow_up.status_changed', 'follow_up.status_changed']);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
    const [webhookId] = await listIds(t);
    expect(await findJobByKey(t.db.kysely, `case:${caseId}:status_changed:2:webhook:${webhookId}`)).toMatchObject({ kind: 'deliver-webhook' });
    await vi.waitFor(async () =>
      expect(await findJobByKey(t.db.kysely, `case:${caseId}:status_changed:3:webhook:${webhookId}`)).toMatchObject({ kind: 'deliver-webhook', status: 'done' }),
    );
    // Slack hears of new and overdue cases only (the opened one, before the runner started).
    await vi.waitFor(() => expect(slack.requests).toHaveLength(1), { timeout: 2_000, interval: 5 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.requests).toHaveLength(1);
  });

  it('a fan-out queued by an earlier version, which queued deliveries itself, still tells every webhook, once', async () => {
    // The case opens while nobody listens (no webhook, and the runner sends no email): nothing is queued for it.
    setStaffMail(t.db.kysely, false);
    const { followUpId: caseId } = (await (await post(t.app, '/v1/responses', submission(), ORIGIN)).json()) as { followUpId: string };
    let secret = '';
    const { receiver, events } = await verifyingReceiver(() => secret);
    receivers.push(receiver);
    const webhook = await registerWebhook(t, receiver.url);
    secret = webhook.secret;
    // The job an earlier version queued with the case, left in the queue across the upgrade (no `emailOnly`).
    const old = { caseId, event: 'follow_up.opened' as const, occurredAt: new Date().toISOString() };
    expect(await withTransaction(t.db.kysely, (trx) => enqueue(trx, notifyCaseKind, old, { key: `case:${caseId}:opened`, now: new Date() }))).toBe(true);
    runners.start(t.db);

    await vi.waitFor(() => expect(events.map((e) => e.event.data.followUp.id)).toEqual([caseId]), { timeout: 2_000, interval: 5 });
    expect(await findJobByKey(t.db.kysely, `case:${caseId}:opened:webhook:${webhook.id}`)).toMatchObject({ kind: 'deliver-webhook' });
    // The same event told again through today's path queues nothing more: the delivery's key is taken.
    expect(await withTransaction(t.db.kysely, (trx) => notifyCase(trx, { projectId: t.shop.project.id, caseId, event: 'follow_up.opened', now: new Date() }))).toBe(false);
  });

  it('sends only the events a webhook subscribed to, and queues no fan-out for an event nobody listens to', async () => {
    const resolvedOnly = await verifyingReceiver(() => '');
    receivers.push(resolvedOnly.receiver);
    await registerWebhook(t, resolvedOnly.receiver.url, ['follow_up.resolved']);
    runners.start(t.db, { pollMs: 20 });

    // Nobody hears of new cases: nothing is queued to tell them.
    const first = (await (await post(t.app, '/v1/responses', submission(), ORIGIN)).json()) as { followUpId: string };
    expect(await findJobByKey(t.db.kysely, `case:${first.followUpId}:opened`)).toBeNull();

    // A webhook that hears of new cases, added now, hears of the next one; the other still hears nothing.
    let secret = '';
    const openedToo = await verifyingReceiver(() => secret);
    receivers.push(openedToo.receiver);
    secret = (await registerWebhook(t, openedToo.receiver.url, ['follow_up.opened'])).secret;
    const second = (await (await post(t.app, '/v1/responses', submission(), ORIGIN)).json()) as { followUpId: string };
    await vi.waitFor(() => expect(openedToo.events.map((e) => e.event.data.followUp.id)).toEqual([second.followUpId]), { timeout: 2_000, interval: 5 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(resolvedOnly.receiver.requests).toEqual([]);
  });

  it('sends nothing new to a deleted webhook, and keeps its deliveries readable', async () => {
    let secret = '';
    const { receiver, events } = await verifyingReceiver(() => secret);
    receivers.push(receiver);
    const webhook = await registerWebhook(t, receiver.url);
    secret = webhook.secret;
    runners.start(t.db, { pollMs: 20 });

    await post(t.app, '/v1/responses', submission(), ORIGIN);
    await vi.waitFor(() => expect(events).toHaveLength(1), { timeout: 2_000, interval: 5 });
    const auth = { authorization: `Bearer ${t.shop.secretKey}` };
    expect((await t.app.request(`/api/v1/webhooks/${webhook.id}`, { method: 'DELETE', headers: auth })).status).toBe(204);

    // The project has no other listener: the next case queues nothing at all.
    const res = await post(t.app, '/v1/responses', submission(), ORIGIN);
    const { followUpId } = (await res.json()) as { followUpId: string };
    expect(await findJobByKey(t.db.kysely, `case:${followUpId}:opened`)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.requests).toHaveLength(1);
    await vi.waitFor(async () => expect(await deliveriesOf(t, webhook.id)).toHaveLength(1));
  });

  it("posts a new case to the project's Slack as Block Kit, the customer's text escaped so it cannot ping the channel", async () => {
    const slack = await startHttpReceiver((_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
    receivers.push(slack);
    const auth = { authorization: `Bearer ${t.shop.secretKey}` };
    const put = await t.app.request('/api/v1/integrations/slack', { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ url: slack.url }) });
    expect(put.status).toBe(200);
    runners.start(t.db);

    const comment = '<!channel> refund me & <https://evil.example|your bank>';
    await post(t.app, '/v1/responses', submission({ answers: { nps: 1, comment }, respondent: { anonymousId: 'a', attributes: { name: 'Jane', plan: 'pro' } } }), ORIGIN);
    await vi.waitFor(() => expect(slack.requests).toHaveLength(1), { timeout: 2_000, interval: 5 });

    const message = JSON.parse(slack.requests[0]!.body) as { text: string; blocks: { type: string; text?: { text: string }; fields?: { text: string }[] }[] };
    expect(message.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'New follow-up case: NPS 1/10', emoji: false } });
    expect(message.blocks).toContainEqual({ type: 'section', text: { type: 'mrkdwn', text: '>&lt;!channel&gt; refund me &amp; &lt;https://evil.example|your bank&gt;' } });
    const fields = message.blocks.find((b) => b.fields)?.fields?.map((f) => f.text) ?? [];
    expect(fields).toContain('*Customer*\nJane');
    expect(fields).toContain('*plan*\npro');
    expect(JSON.stringify(message)).not.toContain('<!channel>');
    expect(JSON.stringify(message)).toMatch(/https:\/\/closeloop\.test\/console\/cases\/[0-9a-f-]{36}/);
  });

  it("names a routed case's assignee in Slack, not by id", async () => {
    const slack = await startHttpReceiver((_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
    receivers.push(slack);
    const owner = { authorization: `Bearer ${t.shop.secretKey}` };
    expect((await t.app.request('/api/v1/integrations/slack', { method: 'PUT', headers: { ...owner, 'content-type': 'application/json' }, body: JSON.stringify({ url: slack.url }) })).status).toBe(200);
    const member = (await (await post(t.app, '/api/v1/members', { name: 'Ann Berg', email: 'ann@shop.example', role: 'agent' }, owner)).json()) as { id: string };
    const routed = await t.app.request('/api/v1/surveys/nps', { method: 'PUT', headers: { ...owner, 'content-type': 'application/json' }, body: JSON.stringify({ ...npsSurvey, followUp: { routing: [{ to: { memberId: member.id } }] } }) });
    expect(routed.status).toBe(200);
    runners.start(t.db);

    await post(t.app, '/v1/responses', submission({ answers: { nps: 3 }, finished: true }), ORIGIN);
    await vi.waitFor(() => expect(slack.requests).toHaveLength(1), { timeout: 2_000, interval: 5 });
    expect(slack.requests[0]!.body).toContain('*Assignee*\\nAnn Berg');
    expect(slack.requests[0]!.body).not.toContain(member.id);
  });

  it('tells webhooks when a case is assigned, changes status and is resolved through the API, once per change', async () => {
    let secret = '';
    const { receiver, events } = await verifyingReceiver(() => secret);
    receivers.push(receiver);
    secret = (await registerWebhook(t, receiver.url, ['follow_up.assigned', 'follow_up.status_changed', 'follow_up.resolved'])).secret;
    runners.start(t.db);
    const auth = { authorization: `Bearer ${t.shop.secretKey}` };
    const { followUpId } = (await (await post(t.app, '/v1/responses', submission(), ORIGIN)).json()) as { followUpId: string };
    const member = (await (await post(t.app, '/api/v1/members', { name: 'Ana', email: 'ana@shop.example' }, auth)).json()) as { id: string };
    const patch = (body: unknown) => t.app.request(`/api/v1/follow-ups/${followUpId}`, { method: 'PATCH', headers: { ...auth, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

    expect((await patch({ assigneeId: member.id, status: 'in_progress', version: 1 })).status).toBe(200);
    // The same request again is stale: it changes nothing and queues nothing.
    expect((await patch({ assigneeId: member.id, status: 'in_progress', version: 1 })).status).toBe(409);
    const resolved = await post(t.app, `/api/v1/follow-ups/${followUpId}/resolve`, { resolution: 'fixed', summary: 'Refunded', version: 2 }, auth);
    expect(resolved.status).toBe(200);

    await vi.waitFor(() => expect(events).toHaveLength(3), { timeout: 2_000, interval: 5 });
    expect(events.map((e) => e.event.type).sort()).toEqual(['follow_up.assigned', 'follow_up.resolved', 'follow_up.status_changed']);
    expect(events.find((e) => e.event.type === 'follow_up.resolved')?.event.data.followUp).toMatchObject({ id: followUpId, status: 'resolved', assigneeId: member.id });
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it('refuses a private target at registration when the server does not allow them', async () => {
    const strict = (await import('../../app.js')).createApp({ db: t.db });
    const res = await post(strict, '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['follow_up.opened'] }, { authorization: `Bearer ${t.shop.secretKey}` });
    expect(res.status).toBe(422);
    expect(ErrorBody.parse(await res.json()).error.issues).toEqual([{ path: 'url', message: 'must not point at 127.0.0.1, a loopback address' }]);
  });
});

describe.each(testDialects)('a backlog of case notifications on $name', ({ open }) => {
  // Each request a second after the last, so every event has its own place in the queue.
  let tick = 0;
  const t = useTestApp({ allowPrivateWebhooks: true, now: () => new Date(Date.parse('2026-11-23T10:00:00.000Z') + (tick += 1_000)) }, open);
  const runners = useNotifyRunners();
  const receivers: HttpReceiver[] = [];
  afterEach(async () => {
    for (const receiver of receivers.splice(0)) await receiver.close();
  });

  it('delivers a backlog in the order the events happened, each detractor queued once (no fan-out job in between)', async () => {
    const caseIds: string[] = [];
    const told: string[] = [];
    const pendingAtEachDelivery: number[] = [];
    let webhookId = '';
    const receiver = await startHttpReceiver((request, res) => {
      // The runner runs one job at a time and waits for this answer: what is still queued now runs after this delivery.
      told.push((JSON.parse(request.body) as WebhookEvent).data.followUp.id);
      void Promise.all(caseIds.map((id) => findJobByKey(t.db.kysely, `case:${id}:opened:webhook:${webhookId}`))).then((jobs) => {
        pendingAtEachDelivery.push(jobs.filter((job) => job?.status === 'pending').length);
        res.writeHead(204).end();
      });
    });
    receivers.push(receiver);
    webhookId = (await registerWebhook(t, receiver.url)).id;
    // As on a server whose runner sends no email (it starts below, after the answers).
    setStaffMail(t.db.kysely, false);
    for (let i = 0; i < 3; i += 1) {
      const res = await post(t.app, '/v1/responses', submission({ answers: { nps: 2 }, finished: true }), ORIGIN);
      caseIds.push(((await res.json()) as { followUpId: string }).followUpId);
    }
    runners.start(t.db, { concurrency: 1, batch: 1 });
    await vi.waitFor(() => expect(pendingAtEachDelivery).toHaveLength(3), { timeout: 3_000, interval: 10 });
    expect(told).toEqual(caseIds);
    expect(pendingAtEachDelivery).toEqual([2, 1, 0]);
    const kinds = await t.db.kysely.selectFrom('jobs').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['deliver-webhook', 'escalate-case']);
  });
});

describe.each(testDialects)('the notices of a case whose customer is still answering, on $name', ({ open }) => {
  // On the clock the runner keeps: a notice held for a minute is not due while the test runs.
  const t = useTestApp({ allowPrivateWebhooks: true, now: () => new Date() }, open);
  const runners = useNotifyRunners();
  const receivers: HttpReceiver[] = [];
  afterEach(async () => {
    for (const receiver of receivers.splice(0)) await receiver.close();
  });

  /**
   * A Slack channel and a verifying webhook receiver told of the shop's cases (the webhook of `follow_up.opened` and
   * `follow_up.answer_updated`), and the owner's headers for the management API.
   */
  async function listen() {
    const slack = await startHttpReceiver((_, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
    receivers.push(slack);
    let secret = '';
    const { receiver, events } = await verifyingReceiver(() => secret);
    receivers.push(receiver);
    const webhook = await registerWebhook(t, receiver.url, ['follow_up.opened', 'follow_up.answer_updated']);
    secret = webhook.secret;
    const auth = { authorization: `Bearer ${t.shop.secretKey}`, 'content-type': 'application/json' };
    expect((await t.app.request('/api/v1/integrations/slack', { method: 'PUT', headers: auth, body: JSON.stringify({ url: slack.url }) })).status).toBe(200);
    return { slack, events, webhook, auth };
  }

  it('waits for the comment a detractor writes after their score: Slack and the webhook tell of the case with it', async () => {
    const { slack, events, webhook } = await listen();
    runners.start(t.db);

    // The widget sends the score the moment it is given: the case opens, and its notices wait a minute for the rest.
    const score = submission({ answers: { nps: 2 } });
    const { followUpId } = (await (await post(t.app, '/v1/responses', score, ORIGIN)).json()) as { followUpId: string };
    const held = await findJobByKey(t.db.kysely, `case:${followUpId}:opened:slack`);
    expect(held).toMatchObject({ status: 'pending' });
    expect(Date.parse(held!.runAt) - Date.now()).toBeGreaterThan(50_000);
    expect(await findJobByKey(t.db.kysely, `case:${followUpId}:opened:webhook:${webhook.id}`)).toMatchObject({ status: 'pending', runAt: held!.runAt });

    const comment = 'The parcel came two weeks late';
    expect((await post(t.app, '/v1/responses', submission({ id: score.id, answers: { comment }, finished: true }), ORIGIN)).status).toBe(200);
    await vi.waitFor(() => expect([slack.requests.length, events.length]).toEqual([1, 1]), { timeout: 5_000, interval: 5 });
    expect(slack.requests[0]!.body).toContain(`>${comment}`);
    // The notice carried the comment: Slack is not told of it a second time.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.requests).toHaveLength(1);
    const { followUp } = events[0]!.event.data;
    expect(followUp.source === 'survey' && followUp.response.answers).toEqual({ nps: 2, comment });
  });

  /** The shop's survey with the contact step after the comment, as the demo's: put through the API. */
  async function withContactStep(auth: Record<string, string>) {
    const survey = { ...npsSurvey, questions: [...npsSurvey.questions, { id: 'contact', type: 'contact', prompt: 'May we contact you about this?' }] };
    expect((await t.app.request('/api/v1/surveys/nps', { method: 'PUT', headers: auth, body: JSON.stringify(survey) })).status).toBe(200);
  }

  it('waits through the comment for the contact step: Slack says how to reach the customer, told once', async () => {
    const { slack, events, auth } = await listen();
    await withContactStep(auth);
    runners.start(t.db);

    const score = submission({ answers: { nps: 2 } });
    expect((await post(t.app, '/v1/responses', score, ORIGIN)).status).toBe(201);
    const comment = 'The parcel came two weeks late';
    expect((await post(t.app, '/v1/responses', submission({ id: score.id, answers: { comment } }), ORIGIN)).status).toBe(200);
    // The comment is in, the contact step showing: nobody is told yet, of the case or of the comment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([slack.requests.length, events.length]).toEqual([0, 0]);

    const contact = { consent: true, channel: 'email', address: 'jane@shop.example' } as const;
    expect((await post(t.app, '/v1/responses', submission({ id: score.id, answers: { contact }, finished: true }), ORIGIN)).status).toBe(200);
    await vi.waitFor(() => expect([slack.requests.length, events.length]).toEqual([1, 1]), { timeout: 5_000, interval: 5 });
    expect(slack.requests[0]!.body).toContain('New follow-up case');
    expect(slack.requests[0]!.body).toContain(`>${comment}`);
    expect(slack.requests[0]!.body).toContain('*Contact*\\nEmail jane@shop.example');
    expect(events[0]!.event.type).toBe('follow_up.opened');
    const { followUp } = events[0]!.event.data;
    expect(followUp.source === 'survey' && followUp.response.answers).toEqual({ nps: 2, comment, contact });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([slack.requests.length, events.length]).toEqual([1, 1]);
  });

  it('tells of a contact given after the case was told of on its own, as of a late comment', async () => {
    const { slack, events, auth } = await listen();
    expect((await t.app.request('/api/v1/settings', { method: 'PATCH', headers: auth, body: JSON.stringify({ commentWaitSeconds: 0 }) })).status).toBe(200);
    await withContactStep(auth);
    runners.start(t.db);

    const score = submission({ answers: { nps: 2, comment: 'Late again' } });
    expect((await post(t.app, '/v1/responses', score, ORIGIN)).status).toBe(201);
    await vi.waitFor(() => expect([slack.requests.length, events.length]).toEqual([1, 1]), { timeout: 5_000, interval: 5 });
    expect(slack.requests[0]!.body).not.toContain('*Contact*');

    const contact = { consent: true, channel: 'phone', address: '+47 123 45 678' } as const;
    expect((await post(t.app, '/v1/responses', submission({ id: score.id, answers: { contact }, finished: true }), ORIGIN)).status).toBe(200);
    await vi.waitFor(() => expect([slack.requests.length, events.length]).toEqual([2, 2]), { timeout: 5_000, interval: 5 });
    expect(slack.requests[1]!.body).toContain('The customer wrote more on a follow-up case');
    expect(slack.requests[1]!.body).toContain('*Contact*\\nPhone +4712345678');
    expect(events[1]!.event.type).toBe('follow_up.answer_updated');
  });

  it('tells of a comment written after the case was told of on its own: follow_up.answer_updated, and more in Slack', async () => {
    const { slack, events, auth } = await listen();
    // A team that wants every low score at once: the case is told of without the comment, which comes later.
    expect((await t.app.request('/api/v1/settings', { method: 'PATCH', headers: auth, body: JSON.stringify({ commentWaitSeconds: 0 }) })).status).toBe(200);
    runners.start(t.db);

    const score = submission({ answers: { nps: 2 } });
    expect((await post(t.app, '/v1/responses', score, ORIGIN)).status).toBe(201);
    await vi.waitFor(() => expect([slack.requests.length, events.length]).toEqual([1, 1]), { timeout: 5_000, interval: 5 });
    expect(events[0]!.event.type).toBe('follow_up.opened');

    const comment = 'The parcel came two weeks late';
    const step = submission({ id: score.id, answers: { comment }, finished: true });
    expect((await post(t.app, '/v1/responses', step, ORIGIN)).status).toBe(200);
    await vi.waitFor(() => expect([slack.requests.length, events.length]).toEqual([2, 2]), { timeout: 5_000, interval: 5 });
    expect(slack.requests[1]!.body).toContain('The customer wrote more on a follow-up case');
    expect(slack.requests[1]!.body).toContain(`>${comment}`);
    const { type, data } = events[1]!.event;
    expect(type).toBe('follow_up.answer_updated');
    expect(data.followUp.source === 'survey' && data.followUp.response.answers).toEqual({ nps: 2, comment });
    expect(events[1]!.id).not.toBe(events[0]!.id);

    // A retried step changes nothing, so it tells nothing.
    expect((await post(t.app, '/v1/responses', step, ORIGIN)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([slack.requests.length, events.length]).toEqual([2, 2]);
  });
});
