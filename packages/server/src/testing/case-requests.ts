import { CaseDetail, ErrorBody, FeedbackAccepted, FollowUp, Member, ResponseAccepted, Team } from '@closeloop/sdk/schemas';
import type { FeedbackSubmissionInput, ResponseSubmissionInput } from '@closeloop/sdk/schemas';
import { expect } from 'vitest';
import { feedbackSubmission, submission } from './fixtures.js';
import { post } from './test-app.js';
import type { TestApp } from './test-app.js';

/**
 * The management requests case tests make, as a support tool would make them: each checks the status it expects
 * and parses the reply with the contract, so a test reads as the story it tells.
 */
export function caseRequests(t: TestApp) {
  const auth = (extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${t.shop.secretKey}`, ...extra });
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.request(path, {
      method,
      headers: auth({ 'Content-Type': 'application/json', ...headers }),
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

  return {
    auth,
    send,
    /**
     * A detractor's answer through the public API, finished (its case's notices go at once), NPS 5 unless told: a
     * normal-priority case, so tests that change the priority start from `normal`. Resolves to the case's id.
     */
    async openSurveyCase(overrides: Partial<ResponseSubmissionInput> = {}): Promise<string> {
      const res = await post(t.app, '/v1/responses', submission({ answers: { nps: 5 }, finished: true, ...overrides }));
      expect(res.status).toBe(201);
      const { followUpId } = ResponseAccepted.parse(await res.json());
      if (followUpId === null) throw new Error('the answer opened no case');
      return followUpId;
    },
    /** A `problem` through the feedback button; resolves to the id of its case. */
    async openFeedbackCase(overrides: Partial<FeedbackSubmissionInput> = {}): Promise<string> {
      const res = await post(t.app, '/v1/feedback', feedbackSubmission(overrides));
      expect(res.status).toBe(201);
      const { followUpId } = FeedbackAccepted.parse(await res.json());
      if (followUpId === null) throw new Error('the feedback opened no case');
      return followUpId;
    },
    async detail(id: string): Promise<CaseDetail> {
      const res = await t.app.request(`/api/v1/follow-ups/${id}`, { headers: auth() });
      expect(res.status).toBe(200);
      return CaseDetail.parse(await res.json());
    },
    /** A change expected to succeed: resolves to the case as it now is. */
    async change(method: 'PATCH' | 'POST', path: string, body: unknown, status = method === 'PATCH' ? 200 : 201): Promise<FollowUp> {
      const res = await send(method, path, body);
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(status);
      return FollowUp.parse(await res.json());
    },
    /** A request expected to be refused: resolves to the error body's `error`. */
    async refused(res: Response | Promise<Response>, status: number): Promise<ErrorBody['error']> {
      const reply = await res;
      const body: unknown = await reply.json();
      expect(reply.status, JSON.stringify(body)).toBe(status);
      return ErrorBody.parse(body).error;
    },
    async createMember(name: string, extra: Record<string, unknown> = {}): Promise<Member> {
      const res = await send('POST', '/api/v1/members', { name, email: `${name.toLowerCase()}@shop.example`, ...extra });
      expect(res.status).toBe(201);
      return Member.parse(await res.json());
    },
    async createTeam(name: string, memberIds: string[] = []): Promise<Team> {
      const res = await send('POST', '/api/v1/teams', { name, memberIds });
      expect(res.status).toBe(201);
      return Team.parse(await res.json());
    },
  };
}
