import { CaseDetail, ConsoleSession, FollowUp, Member } from '@closeloop/sdk/schemas';
import type { MemberRole } from '@closeloop/sdk/schemas';

export const PROJECT = { id: '0190a0b0-0000-7000-8000-000000000001', name: 'Demo Shop', publicKey: 'pk_demo' };
export const AGENT_ID = '0190a0b0-0000-7000-8000-0000000000a1';
export const ADMIN_ID = '0190a0b0-0000-7000-8000-0000000000a2';

/** A session as `GET /api/v1/session` returns it, parsed by the shared schema so a fixture cannot drift from it. */
export function sessionOf(role: MemberRole = 'agent'): ConsoleSession {
  return ConsoleSession.parse({
    user: { id: role === 'admin' ? ADMIN_ID : AGENT_ID, name: role === 'admin' ? 'Ada Admin' : 'Alex Agent', email: `${role}@demo.closeloop.dev`, role },
    project: PROJECT,
    csrfToken: 'csrf-token-1',
    expiresAt: '2030-01-01T00:00:00.000Z',
  });
}

export function memberOf(id: string, name: string, role: MemberRole): Member {
  return Member.parse({ id, name, email: `${name.split(' ')[0]!.toLowerCase()}@demo.closeloop.dev`, role, away: false, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' });
}

export const MEMBERS = [memberOf(AGENT_ID, 'Alex Agent', 'agent'), memberOf(ADMIN_ID, 'Ada Admin', 'admin')];

let counter = 0;

/** A survey case (an NPS detractor), with any field overridden. */
export function surveyCase(overrides: Record<string, unknown> = {}, answers: Record<string, unknown> = { nps: 3, comment: 'Delivery took two weeks.' }): FollowUp {
  counter += 1;
  const id = `0190a0b0-0000-7000-8000-${String(counter).padStart(12, '0')}`;
  return FollowUp.parse({
    id,
    source: 'survey',
    surveyId: 'nps',
    reason: { question: 'nps', value: typeof answers.nps === 'number' ? answers.nps : 3 },
    status: 'open',
    priority: 'high',
    assigneeId: null,
    teamId: null,
    version: 1,
    dueAt: '2026-11-30T14:00:00.000Z',
    escalatedAt: null,
    firstContactAt: null,
    resolution: null,
    createdAt: '2026-11-30T10:00:00.000Z',
    updatedAt: '2026-11-30T10:00:00.000Z',
    response: {
      id: `0190a0b1-0000-7000-8000-${String(counter).padStart(12, '0')}`,
      surveyId: 'nps',
      answers,
      finished: true,
      respondent: { anonymousId: 'anon-1', userId: 'customer-42', attributes: { plan: 'pro', mrr: 120 }, verified: true },
      context: { url: 'https://shop.example/checkout', locale: 'en-GB', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile' },
      answeredAt: '2026-11-30T10:00:00.000Z',
      receivedAt: '2026-11-30T10:00:00.000Z',
      updatedAt: '2026-11-30T10:00:00.000Z',
      followUpId: id,
    },
    ...overrides,
  });
}

export function caseDetailOf(followUp: FollowUp, extra: Record<string, unknown> = {}): CaseDetail {
  return CaseDetail.parse({
    case: followUp,
    customer: {
      respondent: followUp.source === 'survey' ? followUp.response.respondent : followUp.feedback.respondent,
      page: 'https://shop.example/checkout',
      locale: 'en-GB',
      userAgent: 'Mozilla/5.0 (iPhone)',
      device: 'mobile',
      earlierResponses: [],
      earlierCases: [],
      contact: { consent: true, channel: 'email', address: 'customer@example.com' },
    },
    timeline: [{ id: '0190a0b2-0000-7000-8000-000000000001', type: 'opened', actor: { kind: 'system' }, at: followUp.createdAt, before: null, after: { status: 'open', priority: followUp.priority, assigneeId: null, teamId: null, dueAt: followUp.dueAt } }],
    ...extra,
  });
}
