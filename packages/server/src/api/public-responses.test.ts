import { contactOf } from '@closeloop/sdk/logic';
import { signIdentity } from '@closeloop/sdk/node';
import { ErrorBody, ResponseAccepted, SurveyDefinition } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { NOW, npsSurvey, submission } from '../testing/fixtures.js';
import { post, useTestApp } from '../testing/test-app.js';
import { listCases } from '../repos/cases.js';
import { createProject, findProjectByPublicKey } from '../repos/projects.js';
import { listResponses } from '../repos/responses.js';
import { upsertSurvey } from '../repos/surveys.js';

const ORIGIN = { Origin: 'https://shop.example' };

async function errorOf(res: Response) {
  return ErrorBody.parse(await res.json()).error;
}

describe('POST /v1/responses', () => {
  const t = useTestApp();

  it('stores a detractor (201) and opens its follow-up case', async () => {
    const body = submission();
    const res = await post(t.app, '/v1/responses', body, ORIGIN);
    expect(res.status).toBe(201);
    const accepted = ResponseAccepted.parse(await res.json());
    expect(accepted.id).toBe(body.id);
    expect(accepted.followUpId).toEqual(expect.any(String));
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');

    const cases = await listCases(t.db.kysely, t.shop.project.id, { limit: 10 });
    expect(cases.data[0]).toMatchObject({ id: accepted.followUpId, dueAt: '2026-11-25T10:00:00.000Z', reason: { question: 'nps', value: 3 }, status: 'open', assigneeId: null, version: 1 });
  });

  it('accepts text/plain bodies, as sendBeacon and preflight-free fetch send them', async () => {
    const res = await post(t.app, '/v1/responses', submission({ answers: { nps: 9 } }), { 'Content-Type': 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ followUpId: null });
  });

  it('merges a later step (200), keeps one response and one case', async () => {
    const first = submission();
    const r1 = ResponseAccepted.parse(await (await post(t.app, '/v1/responses', first)).json());
    const res = await post(t.app, '/v1/responses', { ...first, answers: { comment: 'Too slow' }, finished: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: first.id, followUpId: r1.followUpId });
    const again = await post(t.app, '/v1/responses', { ...first, answers: { comment: 'Too slow' }, finished: true });
    expect(again.status).toBe(200);

    const { data } = await listResponses(t.db.kysely, t.shop.project.id, { limit: 10 });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ answers: { nps: 3, comment: 'Too slow' }, finished: true });
  });

  it('opens exactly one case for concurrent duplicate posts', async () => {
    const body = submission({ answers: { nps: 0 } });
    const replies = await Promise.all(Array.from({ length: 8 }, () => post(t.app, '/v1/responses', body)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(replies.map(async (r) => ResponseAccepted.parse(await r.json()).followUpId)));
    expect(ids.size).toBe(1);
    expect((await listCases(t.db.kysely, t.shop.project.id, { limit: 10 })).data).toHaveLength(1);
  });

  it('marks a correctly signed identity verified, a wrongly signed one not, and never stores the signature', async () => {
    const good = signIdentity('shop-identity', 'user-1');
    const bad = signIdentity('another-secret', 'user-2');
    await post(t.app, '/v1/responses', submission({ respondent: { anonymousId: 'a', userId: 'user-1', signature: good } }));
    await post(t.app, '/v1/responses', submission({ respondent: { anonymousId: 'b', userId: 'user-2', signature: bad } }));
    await post(t.app, '/v1/responses', submission({ respondent: { anonymousId: 'c', userId: 'user-3' } }));
    const { data } = await listResponses(t.db.kysely, t.shop.project.id, { limit: 10 });
    const byUser = Object.fromEntries(data.map((r) => [r.respondent.userId, r.respondent.verified]));
    expect(byUser).toEqual({ 'user-1': true, 'user-2': false, 'user-3': false });
    expect(JSON.stringify(data)).not.toContain(good);
    expect(JSON.stringify(data)).not.toContain(bad);
  });

  it('clamps answeredAt into the last 7 days', async () => {
    await post(t.app, '/v1/responses', submission({ answeredAt: '2030-01-01T00:00:00.000Z', answers: { nps: 9 } }));
    await post(t.app, '/v1/responses', submission({ answeredAt: '2020-01-01T00:00:00+02:00', answers: { nps: 8 } }));
    const { data } = await listResponses(t.db.kysely, t.shop.project.id, { limit: 10 });
    expect(data.map((r) => r.answeredAt).sort()).toEqual(['2026-11-16T10:00:00.000Z', NOW.toISOString()]);
  });

  describe('bad input', () => {
    it('400 invalid_json for a malformed body', async () => {
      const res = await post(t.app, '/v1/responses', '{"id": ', ORIGIN);
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe('invalid_json');
      // Readable by the page, so the developer sees the error rather than a CORS failure.
      expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    });

    it('422 naming each field with a wrong type or missing', async () => {
      const res = await post(t.app, '/v1/responses', { ...submission(), id: 'nope', answers: { nps: 'ten' }, context: { url: 12 }, respondent: undefined });
      expect(res.status).toBe(422);
      const error = await errorOf(res);
      expect(error.code).toBe('invalid_request');
      expect(error.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['id', 'context.url', 'respondent']));
    });

    it.each([
      ['javascript:alert(1)', undefined],
      ['data:text/html,<script>alert(1)</script>', undefined],
      ['https://shop.example/', 'javascript:alert(1)'],
      ['https://shop.example/', 'file:///etc/passwd'],
    ])('422 naming the field for a page url %s or referrer %s that is not http(s), and nothing is stored', async (url, referrer) => {
      const res = await post(t.app, '/v1/responses', submission({ context: { url, ...(referrer && { referrer }) } }));
      expect(res.status).toBe(422);
      expect((await errorOf(res)).issues).toEqual([{ path: referrer ? 'context.referrer' : 'context.url', message: 'must be an http(s) URL' }]);
      expect((await listResponses(t.db.kysely, t.shop.project.id, { limit: 10 })).data).toEqual([]);
    });

    it('422 for a JSON body that is not an object', async () => {
      const res = await post(t.app, '/v1/responses', '[1,2]');
      expect(res.status).toBe(422);
      expect((await errorOf(res)).issues?.[0]?.path).toBe('(root)');
    });

    it('415 naming content-type for other media types', async () => {
      const res = await post(t.app, '/v1/responses', submission(), { 'Content-Type': 'application/x-www-form-urlencoded' });
      expect(res.status).toBe(415);
      expect((await errorOf(res)).issues?.[0]?.path).toBe('content-type');
    });

    it('413 for a body over the limit', async () => {
      const huge = submission({ context: { url: 'https://shop.example/', referrer: 'x'.repeat(70 * 1024) } });
      const res = await post(t.app, '/v1/responses', huge);
      expect(res.status).toBe(413);
      expect((await errorOf(res)).code).toBe('payload_too_large');
    });

    it('404 naming project for an unknown project key', async () => {
      const res = await post(t.app, '/v1/responses', submission({ project: 'pk_nobody' }));
      expect(res.status).toBe(404);
      expect((await errorOf(res)).issues).toEqual([{ path: 'project', message: expect.any(String) }]);
    });

    it('404 naming surveyId for an unknown survey, 422 for an inactive one', async () => {
      const unknown = await post(t.app, '/v1/responses', submission({ surveyId: 'csat' }));
      expect(unknown.status).toBe(404);
      expect((await errorOf(unknown)).issues?.[0]?.path).toBe('surveyId');

      await upsertSurvey(t.db.kysely, t.shop.project.id, SurveyDefinition.parse({ ...npsSurvey, active: false }), NOW);
      const inactive = await post(t.app, '/v1/responses', submission());
      expect(inactive.status).toBe(422);
      expect(await errorOf(inactive)).toMatchObject({ code: 'survey_inactive', issues: [{ path: 'surveyId' }] });
    });

    it('422 naming answers.<id> for out-of-range answers and unknown questions', async () => {
      const res = await post(t.app, '/v1/responses', submission({ answers: { nps: 11, comment: 'x'.repeat(201), color: 'red' } }));
      expect(res.status).toBe(422);
      const error = await errorOf(res);
      expect(error.code).toBe('invalid_answers');
      expect(error.issues?.map((i) => i.path).sort()).toEqual(['answers.color', 'answers.comment', 'answers.nps']);
      expect(await listResponses(t.db.kysely, t.shop.project.id, { limit: 10 })).toEqual({ data: [], next: null });
    });

    it('409 naming id when the id belongs to another survey or project', async () => {
      const { id } = submission();
      await post(t.app, '/v1/responses', submission({ id }));
      await createProject(t.db.kysely, { name: 'b', publicKey: 'pk_b', secretKey: 'sk_b', identitySecret: 'b', allowedOrigins: ['*'] }, NOW);
      const projectB = await findProjectByPublicKey(t.db.kysely, 'pk_b');
      await upsertSurvey(t.db.kysely, projectB?.id ?? '', npsSurvey, NOW);
      const res = await post(t.app, '/v1/responses', submission({ id, project: 'pk_b' }));
      expect(res.status).toBe(409);
      expect((await errorOf(res)).issues?.[0]?.path).toBe('id');
    });

    it('403 naming origin for a page the project does not allow, without CORS headers', async () => {
      const res = await post(t.app, '/v1/responses', submission(), { Origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect((await errorOf(res)).issues?.[0]?.path).toBe('origin');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect((await listResponses(t.db.kysely, t.shop.project.id, { limit: 10 })).data).toEqual([]);
    });
  });

  describe('every question type', () => {
    const everyType = SurveyDefinition.parse({
      id: 'every',
      name: 'Every type',
      questions: [
        { id: 'csat', type: 'csat', prompt: 'How satisfied are you?' },
        { id: 'ces', type: 'ces', prompt: 'How easy was it?' },
        { id: 'stars', type: 'rating', prompt: 'Rate the delivery', scale: 3 },
        { id: 'plan', type: 'single_choice', prompt: 'Which plan?', options: [{ id: 'free', label: 'Free' }, { id: 'pro', label: 'Pro' }], other: true },
        { id: 'uses', type: 'multiple_choice', prompt: 'What for?', options: [{ id: 'work', label: 'Work' }, { id: 'home', label: 'Home' }] },
        { id: 'review', type: 'cta', prompt: 'Review us?', buttonLabel: 'Review', url: 'https://reviews.example/shop' },
      ],
    });
    const answers = { csat: 4, ces: 6, stars: 3, plan: { choices: [], other: 'Team' }, uses: { choices: ['work', 'home'] }, review: 'clicked' };

    it('stores valid answers to each type as given', async () => {
      await upsertSurvey(t.db.kysely, t.shop.project.id, everyType, NOW);
      const res = await post(t.app, '/v1/responses', submission({ surveyId: 'every', answers, finished: true }));
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ followUpId: null });
      const { data } = await listResponses(t.db.kysely, t.shop.project.id, { limit: 10 });
      expect(data[0]?.answers).toEqual(answers);
    });

    it('opens a case for a CSAT of 2 or a CES of 3 (on 1 "very difficult" to 7 "very easy") by default, none for a CES of 7', async () => {
      await upsertSurvey(t.db.kysely, t.shop.project.id, everyType, NOW);
      const csat = ResponseAccepted.parse(await (await post(t.app, '/v1/responses', submission({ surveyId: 'every', answers: { csat: 2 } }))).json());
      const ces = ResponseAccepted.parse(await (await post(t.app, '/v1/responses', submission({ surveyId: 'every', answers: { ces: 3 } }))).json());
      const easy = ResponseAccepted.parse(await (await post(t.app, '/v1/responses', submission({ surveyId: 'every', answers: { ces: 7 } }))).json());
      expect([csat.followUpId, ces.followUpId, easy.followUpId]).toEqual([expect.any(String), expect.any(String), null]);
      const cases = await listCases(t.db.kysely, t.shop.project.id, { limit: 10 });
      expect(cases.data.map((c) => ('reason' in c ? c.reason : null)).sort((a, b) => (a?.question ?? '').localeCompare(b?.question ?? ''))).toEqual([
        { question: 'ces', value: 3 },
        { question: 'csat', value: 2 },
      ]);
    });

    it('422 naming each answer that does not fit its question', async () => {
      await upsertSurvey(t.db.kysely, t.shop.project.id, everyType, NOW);
      const bad = { csat: 6, ces: 0, stars: 4, plan: { choices: ['free', 'pro'] }, uses: { choices: ['garden'] }, review: 'yes' };
      const res = await post(t.app, '/v1/responses', submission({ surveyId: 'every', answers: bad }));
      expect(res.status).toBe(422);
      expect((await errorOf(res)).issues).toEqual([
        { path: 'answers.csat', message: 'must be a whole number from 1 to 5' },
        { path: 'answers.ces', message: 'must be a whole number from 1 to 7' },
        { path: 'answers.stars', message: 'must be a whole number from 1 to 3' },
        { path: 'answers.plan.choices', message: 'must choose exactly one option' },
        { path: 'answers.uses.choices.0', message: 'no option "garden" in this question' },
        { path: 'answers.review', message: 'must be "clicked"' },
      ]);
    });
  });

  describe('the contact step', () => {
    const withContact = SurveyDefinition.parse({
      id: 'reach',
      name: 'NPS with a contact step',
      questions: [
        { id: 'nps', type: 'nps', prompt: 'How likely?' },
        { id: 'comment', type: 'text', prompt: 'Why?' },
        { id: 'contact', type: 'contact', prompt: 'May we contact you about this?' },
      ],
    });
    const send = async (answers: Record<string, unknown>) => {
      await upsertSurvey(t.db.kysely, t.shop.project.id, withContact, NOW);
      // The body as a browser (or anything else) may send it: answers the contract has not checked yet.
      return post(t.app, '/v1/responses', { ...submission({ surveyId: 'reach', finished: true }), answers });
    };

    it("stores a detractor's consent, channel and address with the response, and the case carries them", async () => {
      const contact = { consent: true, channel: 'phone', address: '+46 70-123 45 67' };
      const res = await send({ nps: 2, comment: 'Broken on arrival', contact });
      expect(res.status).toBe(201);
      const accepted = ResponseAccepted.parse(await res.json());
      expect(accepted.followUpId).toEqual(expect.any(String));
      const { data } = await listResponses(t.db.kysely, t.shop.project.id, { limit: 10 });
      expect(data[0]?.answers).toEqual({ nps: 2, comment: 'Broken on arrival', contact });
      const [opened] = (await listCases(t.db.kysely, t.shop.project.id, { limit: 10 })).data;
      expect(opened).toMatchObject({ id: accepted.followUpId, reason: { question: 'nps', value: 2 } });
      expect(contactOf(withContact, data[0]!.answers)).toEqual({ consent: true, channel: 'phone', address: '+46701234567' });
    });

    it("accepts a promoter's contact answer and a refusal, and opens no case for them", async () => {
      const promoter = await send({ nps: 10, contact: { consent: true, channel: 'email', address: 'ann@example.com' } });
      expect(promoter.status).toBe(201);
      expect(ResponseAccepted.parse(await promoter.json()).followUpId).toBeNull();
      // A refusal keeps nothing else: an address given without consent is not stored.
      const refusal = await send({ nps: 9, contact: { consent: false, channel: 'email', address: 'ann@example.com' } });
      expect(refusal.status).toBe(201);
      const { data } = await listResponses(t.db.kysely, t.shop.project.id, { limit: 10 });
      expect(data.map((r) => r.answers.contact)).toContainEqual({ consent: false });
    });

    it('422 naming the field of a contact answer at fault', async () => {
      const issues = async (contact: unknown) => {
        const res = await send({ nps: 3, contact });
        expect(res.status).toBe(422);
        return (await errorOf(res)).issues;
      };
      expect(await issues({ consent: true, channel: 'email', address: 'ann@' })).toEqual([{ path: 'answers.contact.address', message: 'must be an email address of at most 254 characters' }]);
      expect(await issues({ consent: true, channel: 'phone', address: '12 34' })).toEqual([
        { path: 'answers.contact.address', message: 'must be a phone number of 7 to 20 digits, a + only in front, spaces or dashes between digits' },
      ]);
      expect(await issues('call me')).toEqual([{ path: 'answers.contact.consent', message: 'must be { consent: true, channel, address } or { consent: false }' }]);
      expect((await issues({ consent: true, channel: 'fax', address: '1234567' }))?.map((i) => i.path)).toEqual(['answers.contact']);
    });
  });

  it('answers a preflight for a JSON post', async () => {
    const res = await t.app.request('/v1/responses', {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
  });
});
