import { WebhookCreated } from '@closeloop/sdk/schemas';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findJobByKey } from '../../repos/jobs.js';
import { caseRequests } from '../../testing/case-requests.js';
import { NOW } from '../../testing/fixtures.js';
import { startHttpReceiver } from '@closeloop/test-receivers/http-receiver';
import type { HttpReceiver } from '@closeloop/test-receivers/http-receiver';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';
import { jobDefinitions } from '../definitions.js';
import { createJobRunner } from '../runner.js';
import type { JobRunner } from '../runner.js';

const HOUR = 3600_000;
/** A case opened at NOW is due 48 hours later. */
const DUE = new Date(NOW.getTime() + 48 * HOUR).toISOString();

describe.each(testDialects)('overdue cases escalate at their due time on $name', ({ open }) => {
  const t = useTestApp({ allowPrivateWebhooks: true }, open);
  const api = caseRequests(t);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  /** A runner with every real job, on a clock the test moves; it runs when woken (the poll is an hour). */
  function runnerAt(start: Date) {
    let at = start.getTime();
    const now = () => new Date(at);
    const definitions = jobDefinitions({ db: t.db, allowPrivateWebhooks: true, baseUrl: 'https://closeloop.test', now, deliveryTimeoutMs: 2_000 });
    const runner: JobRunner = createJobRunner({ db: t.db, definitions, now, pollMs: HOUR, backoff: { baseMs: 20, maxMs: 50 }, onError: () => {} });
    runner.start();
    stops.push(() => runner.stop());
    return {
      /** Moves the clock to `iso`, wakes the runner, and waits until the job `key` is no longer pending or running. */
      async until(iso: string, key: string) {
        at = new Date(iso).getTime();
        runner.wake();
        await vi.waitFor(async () => expect((await findJobByKey(t.db.kysely, key))?.status).toMatch(/^(done|failed)$/), { timeout: 2_000, interval: 10 });
      },
      /** Moves the clock to `iso` and gives the runner a round to run what is due (nothing, the test expects). */
      async to(iso: string) {
        at = new Date(iso).getTime();
        runner.wake();
        await new Promise((resolve) => setTimeout(resolve, 100));
      },
    };
  }
  const timelineTypes = async (id: string) => (await api.detail(id)).timeline.map((e) => e.type);

  it('escalates once at dueAt: the flag, an `escalated` event by the system, and follow_up.overdue to the webhooks', async () => {
    const receiver: HttpReceiver = await startHttpReceiver();
    stops.push(() => receiver.close());
    const hook = await api.send('POST', '/api/v1/webhooks', { url: receiver.url, events: ['follow_up.overdue'] });
    WebhookCreated.parse(await hook.json());
    const member = await api.createMember('Ann');
    const id = await api.openSurveyCase();
    await api.change('PATCH', `/api/v1/follow-ups/${id}`, { assigneeId: member.id, version: 1 });
    expect(await findJobByKey(t.db.kysely, `case:${id}:overdue:${DUE}`)).toMatchObject({ kind: 'escalate-case', status: 'pending' });

    const key = `case:${id}:overdue:${DUE}`;
    const clock = runnerAt(NOW);
    await clock.to(new Date(Date.parse(DUE) - 1000).toISOString());
    expect(await findJobByKey(t.db.kysely, key)).toMatchObject({ status: 'pending' });
    expect((await api.detail(id)).case.escalatedAt).toBeNull();

    await clock.until(DUE, key);
    const { case: escalated, timeline } = await api.detail(id);
    expect(escalated.escalatedAt).toBe(DUE);
    expect(timeline.at(-1)).toMatchObject({
      type: 'escalated',
      actor: { kind: 'system' },
      at: DUE,
      after: { escalatedAt: DUE, dueAt: DUE, assigneeId: member.id, teamId: null },
    });
    await vi.waitFor(() => expect(receiver.requests).toHaveLength(1), { timeout: 2_000, interval: 10 });
    const event = JSON.parse(receiver.requests[0]!.body) as { type: string; data: { followUp: { id: string; escalatedAt: string } } };
    expect(event.type).toBe('follow_up.overdue');
    expect(event.data.followUp).toMatchObject({ id, escalatedAt: DUE });

    // Once: running the check again (a runner that died after the work) changes nothing.
    await clock.to(new Date(Date.parse(DUE) + 10 * HOUR).toISOString());
    const [definition] = jobDefinitions({ db: t.db, allowPrivateWebhooks: true, baseUrl: 'https://closeloop.test', now: () => new Date(Date.parse(DUE) + HOUR) }).filter(
      (d) => d.kind === 'escalate-case',
    );
    await definition!.handle({ caseId: id, dueAt: DUE }, { attempt: 2, key: `case:${id}:overdue:${DUE}` });
    expect((await timelineTypes(id)).filter((type) => type === 'escalated')).toHaveLength(1);
    expect((await api.detail(id)).case.escalatedAt).toBe(DUE);
  });

  it('does nothing for a case resolved before its due time', async () => {
    const id = await api.openSurveyCase();
    await api.change('POST', `/api/v1/follow-ups/${id}/resolve`, { resolution: 'fixed', summary: 'Refunded the order', version: 1 }, 200);
    await runnerAt(NOW).until(DUE, `case:${id}:overdue:${DUE}`);
    expect(await findJobByKey(t.db.kysely, `case:${id}:overdue:${DUE}`)).toMatchObject({ status: 'done' });
    expect((await api.detail(id)).case.escalatedAt).toBeNull();
    expect(await timelineTypes(id)).not.toContain('escalated');
  });

  it('a new due time schedules a new check; the old one then does nothing', async () => {
    const id = await api.openSurveyCase();
    const later = new Date(Date.parse(DUE) + 24 * HOUR).toISOString();
    await api.change('PATCH', `/api/v1/follow-ups/${id}`, { dueAt: later, version: 1 });
    expect(await findJobByKey(t.db.kysely, `case:${id}:overdue:${later}`)).toMatchObject({ kind: 'escalate-case', status: 'pending' });

    const clock = runnerAt(NOW);
    await clock.until(DUE, `case:${id}:overdue:${DUE}`);
    expect(await findJobByKey(t.db.kysely, `case:${id}:overdue:${DUE}`)).toMatchObject({ status: 'done' });
    expect((await api.detail(id)).case.escalatedAt).toBeNull();

    await clock.until(later, `case:${id}:overdue:${later}`);
    expect((await api.detail(id)).case.escalatedAt).toBe(later);
    expect((await timelineTypes(id)).filter((type) => type === 'escalated')).toHaveLength(1);
  });
});
