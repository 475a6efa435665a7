import type { CaseDetail } from '@closeloop/sdk/schemas';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withTransaction } from '../../db/with-transaction.js';
import { createMailer } from '../../notify/email/mailer.js';
import type { Mailer } from '../../notify/email/mailer.js';
import { findJobByKey } from '../../repos/jobs.js';
import { caseRequests } from '../../testing/case-requests.js';
import { useNotifyRunners } from '../../testing/notify-runner.js';
import { startSmtpReceiver } from '@closeloop/test-receivers/smtp-receiver';
import type { SmtpReceiver } from '@closeloop/test-receivers/smtp-receiver';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';
import { notifyCase } from './notify-case.js';

describe.each(testDialects)('staff email on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const runners = useNotifyRunners();
  const requests = caseRequests(t);
  let smtp: SmtpReceiver;
  let mailer: Mailer;
  beforeEach(async () => {
    smtp = await startSmtpReceiver();
    mailer = createMailer({ smtpUrl: smtp.url, from: 'cases@shop.example' });
  });
  afterEach(async () => {
    mailer.transport.close();
    await smtp.close();
  });

  const timeline = async (caseId: string) => (await requests.detail(caseId)).timeline;
  const eventsOf = async (caseId: string, type: CaseDetail['timeline'][number]['type']) => (await timeline(caseId)).filter((e) => e.type === type);

  it('tells the assignee of a new case by email, and puts the delivery on the timeline', async () => {
    const sam = await requests.createMember('Sam');
    const caseId = await requests.openSurveyCase({ answers: { nps: 2, comment: 'Checkout broke' } });
    await requests.change('PATCH', `/api/v1/follow-ups/${caseId}`, { assigneeId: sam.id, version: 1 });
    runners.start(t.db, { mail: mailer });

    await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 3_000, interval: 10 });
    const [received] = smtp.received;
    expect(received?.to).toEqual(['sam@shop.example']);
    expect(received?.mail.subject).toBe('New follow-up case: NPS 2/10 from Anonymous visitor');
    expect(received?.mail.from?.value).toEqual([{ name: 'shop', address: 'cases@shop.example' }]);
    expect(received?.mail.text).toContain('Assignee: Sam');
    expect(received?.mail.text).toContain('> Checkout broke');
    expect(received?.mail.text).toContain(`Open the case: https://closeloop.test/console/cases/${caseId}`);
    await vi.waitFor(async () =>
      expect(await eventsOf(caseId, 'notification_delivered')).toEqual([
        expect.objectContaining({ actor: { kind: 'system' }, after: { channel: 'email', event: 'follow_up.opened', memberId: sam.id, to: 'sam@shop.example' } }),
      ]),
    );
  });

  it('tells every member of the team who is not away when nobody is assigned, and the team again when the case is overdue', async () => {
    const ana = await requests.createMember('Ana');
    const bo = await requests.createMember('Bo');
    const cy = await requests.createMember('Cy', { away: true });
    const team = await requests.createTeam('Checkout', [ana.id, bo.id, cy.id]);
    const caseId = await requests.openSurveyCase();
    await requests.change('PATCH', `/api/v1/follow-ups/${caseId}`, { teamId: team.id, version: 1 });
    runners.start(t.db, { mail: mailer });

    await vi.waitFor(() => expect(smtp.received).toHaveLength(2), { timeout: 3_000, interval: 10 });
    expect(smtp.received.flatMap((r) => r.to).sort()).toEqual(['ana@shop.example', 'bo@shop.example']);

    await withTransaction(t.db.kysely, (trx) => notifyCase(trx, { projectId: t.shop.project.id, caseId, event: 'follow_up.overdue', now: new Date() }));
    await vi.waitFor(() => expect(smtp.received).toHaveLength(4), { timeout: 3_000, interval: 10 });
    const overdue = smtp.received.slice(2);
    expect(overdue.flatMap((r) => r.to).sort()).toEqual(['ana@shop.example', 'bo@shop.example']);
    expect(overdue.every((r) => r.mail.subject?.startsWith('Overdue follow-up case:'))).toBe(true);
    await vi.waitFor(async () => expect(await eventsOf(caseId, 'notification_delivered')).toHaveLength(4));
  });

  it('tells the team instead of an assignee who is away', async () => {
    const ana = await requests.createMember('Ana', { away: true });
    const bo = await requests.createMember('Bo');
    const team = await requests.createTeam('Checkout', [ana.id, bo.id]);
    const caseId = await requests.openSurveyCase();
    await requests.change('PATCH', `/api/v1/follow-ups/${caseId}`, { teamId: team.id, assigneeId: ana.id, version: 1 });
    runners.start(t.db, { mail: mailer });
    await vi.waitFor(() => expect(smtp.received.flatMap((r) => r.to)).toEqual(['bo@shop.example']), { timeout: 3_000, interval: 10 });
  });

  it('sends nothing when the server has no mail settings, or the case nobody to tell', async () => {
    const sam = await requests.createMember('Sam');
    const assigned = await requests.openSurveyCase();
    await requests.change('PATCH', `/api/v1/follow-ups/${assigned}`, { assigneeId: sam.id, version: 1 });
    runners.start(t.db, { mail: null });
    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, `case:${assigned}:opened`)).toMatchObject({ status: 'done' }));
    expect(await findJobByKey(t.db.kysely, `case:${assigned}:opened:email:${sam.id}`)).toBeNull();

    runners.start(t.db, { mail: mailer });
    const nobody = await requests.openSurveyCase({ respondent: { anonymousId: 'anon-2' } });
    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, `case:${nobody}:opened`)).toMatchObject({ status: 'done' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.received).toEqual([]);
    expect(await eventsOf(nobody, 'notification_delivered')).toEqual([]);
  });

  it('retries a refused mail, then gives up and puts the last error on the timeline', async () => {
    await smtp.close();
    smtp = await startSmtpReceiver({ refuse: (to) => to === 'sam@shop.example' });
    mailer.transport.close();
    mailer = createMailer({ smtpUrl: smtp.url, from: 'cases@shop.example' });
    const sam = await requests.createMember('Sam');
    const caseId = await requests.openSurveyCase();
    await requests.change('PATCH', `/api/v1/follow-ups/${caseId}`, { assigneeId: sam.id, version: 1 });
    runners.start(t.db, { mail: mailer, pollMs: 10 });

    const key = `case:${caseId}:opened:email:${sam.id}`;
    await vi.waitFor(async () => expect(await findJobByKey(t.db.kysely, key)).toMatchObject({ status: 'failed', attempts: 12 }), { timeout: 10_000, interval: 20 });
    await vi.waitFor(async () => {
      const failed = await eventsOf(caseId, 'notification_failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]?.after).toMatchObject({ channel: 'email', event: 'follow_up.opened', memberId: sam.id, to: 'sam@shop.example', error: expect.stringMatching(/550/) });
    });
    expect(await eventsOf(caseId, 'notification_delivered')).toEqual([]);
  });
});
