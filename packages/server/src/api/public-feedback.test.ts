import { signIdentity } from '@closeloop/sdk/node';
import { ErrorBody, FeedbackAccepted } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { feedbackSubmission, NOW } from '../testing/fixtures.js';
import { post, useTestApp } from '../testing/test-app.js';
import { listCases } from '../repos/cases.js';
import { listFeedback } from '../repos/feedback.js';
import { createProject } from '../repos/projects.js';

const ORIGIN = { Origin: 'https://shop.example' };

async function errorOf(res: Response) {
  return ErrorBody.parse(await res.json()).error;
}

describe('POST /v1/feedback', () => {
  const t = useTestApp();
  const feedbackList = () => listFeedback(t.db.kysely, t.shop.project.id, { limit: 10 });
  const cases = () => listCases(t.db.kysely, t.shop.project.id, { limit: 10 });

  it('stores a problem (201) and opens an open case due in 48 hours, carrying the feedback', async () => {
    const body = feedbackSubmission({ email: 'ana@example.com' });
    const res = await post(t.app, '/v1/feedback', body, ORIGIN);
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const accepted = FeedbackAccepted.parse(await res.json());
    expect(accepted).toEqual({ id: body.id, followUpId: expect.any(String) });

    const [followUp] = (await cases()).data;
    expect(followUp).toMatchObject({
      id: accepted.followUpId,
      source: 'feedback',
      status: 'open',
      assigneeId: null,
      version: 1,
      dueAt: '2026-11-25T10:00:00.000Z',
      feedback: {
        id: body.id,
        category: 'problem',
        comment: 'The discount code is refused at checkout.',
        email: 'ana@example.com',
        context: { url: 'https://shop.example/checkout' },
        followUpId: accepted.followUpId,
      },
    });
  });

  it.each(['idea', 'praise', 'other'] as const)('stores %s feedback without opening a case', async (category) => {
    const res = await post(t.app, '/v1/feedback', feedbackSubmission({ category }), { 'Content-Type': 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ followUpId: null });
    expect((await feedbackList()).data.map((f) => f.category)).toEqual([category]);
    expect((await cases()).data).toEqual([]);
  });

  it('stores the same id once, however often and however concurrently it is sent', async () => {
    const body = feedbackSubmission();
    const replies = await Promise.all(Array.from({ length: 6 }, () => post(t.app, '/v1/feedback', body)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const caseIds = new Set(await Promise.all(replies.map(async (r) => FeedbackAccepted.parse(await r.json()).followUpId)));
    expect(caseIds.size).toBe(1);
    expect((await feedbackList()).data).toHaveLength(1);
    expect((await cases()).data).toHaveLength(1);
  });

  it('marks a correctly signed identity verified and never stores the signature', async () => {
    const signature = signIdentity('shop-identity', 'user-1');
    await post(t.app, '/v1/feedback', feedbackSubmission({ respondent: { anonymousId: 'a', userId: 'user-1', signature } }));
    const [stored] = (await feedbackList()).data;
    expect(stored?.respondent).toEqual({ anonymousId: 'a', userId: 'user-1', verified: true });
    expect(JSON.stringify(stored)).not.toContain(signature);
  });

  it('trims the comment and clamps sentAt into the last 7 days', async () => {
    await post(t.app, '/v1/feedback', feedbackSubmission({ comment: '  Checkout is slow  ', sentAt: '2030-01-01T00:00:00.000Z' }));
    const [stored] = (await feedbackList()).data;
    expect(stored).toMatchObject({ comment: 'Checkout is slow', sentAt: NOW.toISOString() });
  });

  describe('bad input', () => {
    it('422 naming each field at fault', async () => {
      const res = await post(t.app, '/v1/feedback', {
        ...feedbackSubmission(),
        id: 'nope',
        category: 'complaint',
        comment: '   ',
        email: 'not-an-email',
        sentAt: 'yesterday',
        context: { url: 'javascript:alert(document.cookie)' },
      });
      expect(res.status).toBe(422);
      const error = await errorOf(res);
      expect(error.code).toBe('invalid_request');
      expect(error.issues?.map((i) => i.path).sort()).toEqual(['category', 'comment', 'context.url', 'email', 'id', 'sentAt']);
      expect(error.issues?.find((i) => i.path === 'category')?.message).toBe('must be one of idea, problem, praise, other');
      expect((await feedbackList()).data).toEqual([]);
    });

    it('422 naming comment when it is over the limit, and naming each missing field', async () => {
      const long = await post(t.app, '/v1/feedback', feedbackSubmission({ comment: 'x'.repeat(2001) }));
      expect(long.status).toBe(422);
      expect((await errorOf(long)).issues).toEqual([{ path: 'comment', message: 'must be at most 2000 characters' }]);
      const missing = await post(t.app, '/v1/feedback', { project: 'pk_shop' });
      expect((await errorOf(missing)).issues?.map((i) => i.path).sort()).toEqual(['category', 'comment', 'context', 'id', 'respondent', 'sentAt']);
    });

    it('422 naming email when an identified user leaves one', async () => {
      const res = await post(t.app, '/v1/feedback', feedbackSubmission({ email: 'a@example.com', respondent: { anonymousId: 'a', userId: 'u' } }));
      expect(res.status).toBe(422);
      expect((await errorOf(res)).issues).toEqual([{ path: 'email', message: 'only anonymous visitors may leave an email' }]);
    });

    it('400 invalid_json, 415 naming content-type, 413 over the size cap', async () => {
      const bad = await post(t.app, '/v1/feedback', '{"id":', ORIGIN);
      expect(bad.status).toBe(400);
      expect((await errorOf(bad)).code).toBe('invalid_json');
      expect(bad.headers.get('access-control-allow-origin')).toBe('https://shop.example');

      const form = await post(t.app, '/v1/feedback', feedbackSubmission(), { 'Content-Type': 'multipart/form-data' });
      expect(form.status).toBe(415);
      expect((await errorOf(form)).issues?.[0]?.path).toBe('content-type');

      const huge = await post(t.app, '/v1/feedback', feedbackSubmission({ context: { url: 'https://shop.example/', referrer: 'x'.repeat(70 * 1024) } }));
      expect(huge.status).toBe(413);
    });

    it('404 naming project for an unknown key', async () => {
      const res = await post(t.app, '/v1/feedback', feedbackSubmission({ project: 'pk_nobody' }));
      expect(res.status).toBe(404);
      expect((await errorOf(res)).issues?.[0]?.path).toBe('project');
    });

    it('403 naming origin for a page the project does not allow, storing nothing', async () => {
      const res = await post(t.app, '/v1/feedback', feedbackSubmission(), { Origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).issues?.[0]?.path).toBe('origin');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect((await feedbackList()).data).toEqual([]);
    });

    it('409 naming id when the id belongs to feedback of another project', async () => {
      const body = feedbackSubmission();
      await post(t.app, '/v1/feedback', body);
      await createProject(t.db.kysely, { name: 'b', publicKey: 'pk_b', secretKey: 'sk_b', identitySecret: 'b', allowedOrigins: ['*'] }, NOW);
      const res = await post(t.app, '/v1/feedback', { ...body, project: 'pk_b' });
      expect(res.status).toBe(409);
      expect((await errorOf(res)).issues?.[0]?.path).toBe('id');
    });
  });
});
