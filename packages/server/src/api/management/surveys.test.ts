import { ConfigResponse, ErrorBody, SurveyDefinition, SurveyList } from '@closeloop/sdk/schemas';
import type { SurveyDefinitionInput } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { npsSurvey, seedProject } from '../../testing/fixtures.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

const csat: SurveyDefinitionInput = {
  id: 'after-checkout',
  name: 'Checkout CSAT',
  questions: [{ id: 'csat', type: 'csat', prompt: 'How was checkout?' }],
  triggers: [{ type: 'event', name: 'checkout_completed' }],
};

describe.each(testDialects)('/api/v1/surveys on $name', ({ open }) => {
  const t = useTestApp({}, open);

  const auth = (key = t.shop.secretKey) => ({ Authorization: `Bearer ${key}` });
  const put = (id: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.request(`/api/v1/surveys/${id}`, {
      method: 'PUT',
      headers: { ...auth(), 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const issuesOf = async (res: Response) => ErrorBody.parse(await res.json()).error.issues?.map((i) => i.path);
  const config = async () => ConfigResponse.parse(await (await t.app.request('/v1/config?project=pk_shop', { headers: { Origin: 'https://shop.example' } })).json());

  it('creates with 201, replaces with 200, and /v1/config serves the new version at once', async () => {
    const created = await put('after-checkout', csat);
    expect(created.status).toBe(201);
    expect(SurveyDefinition.parse(await created.json())).toMatchObject({ id: 'after-checkout', active: true, thankYou: { title: 'Thank you!' } });
    expect((await config()).surveys.map((s) => s.id).sort()).toEqual(['after-checkout', 'nps']);

    const replaced = await put('after-checkout', { ...csat, name: 'Checkout satisfaction' });
    expect(replaced.status).toBe(200);
    const got = SurveyDefinition.parse(await (await t.app.request('/api/v1/surveys/after-checkout', { headers: auth() })).json());
    expect(got.name).toBe('Checkout satisfaction');
  });

  it("keeps routing rules that point at the project's teams and members, and /v1/config never shows them", async () => {
    const member = (await (await t.app.request('/api/v1/members', { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Ann', email: 'ann@shop.example' }) })).json()) as { id: string };
    const team = (await (await t.app.request('/api/v1/teams', { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Care', memberIds: [member.id] }) })).json()) as { id: string };
    const routing = [
      { if: { answer: { question: 'csat', op: 'lte', value: 1 } }, to: { memberId: member.id } },
      { if: { url: { rules: [{ op: 'starts-with', value: '/checkout' }] }, attribute: { name: 'plan', op: 'in', value: ['pro'] } }, to: { teamId: team.id } },
      { to: { teamId: team.id } },
    ];
    const saved = await put('after-checkout', { ...csat, followUp: { routing, dueIn: 8 } });
    expect(saved.status).toBe(201);
    const got = SurveyDefinition.parse(await (await t.app.request('/api/v1/surveys/after-checkout', { headers: auth() })).json());
    expect(got.followUp).toMatchObject({ enabled: true, dueIn: 8, routing: [{ to: { memberId: member.id } }, { to: { teamId: team.id } }, { if: {}, to: { teamId: team.id } }] });
    const served = (await config()).surveys.find((s) => s.id === 'after-checkout');
    expect(served?.followUp).toEqual({ enabled: true });
  });

  it('refuses routing rules by field: unknown team or member, a question the survey lacks, a bad target or dueIn', async () => {
    const nobody = '00000000-0000-4000-8000-000000000000';
    const unknown = await put('after-checkout', { ...csat, followUp: { routing: [{ to: { memberId: nobody } }, { to: { teamId: nobody } }] } });
    expect(unknown.status).toBe(422);
    const body = ErrorBody.parse(await unknown.json());
    expect(body.error.code).toBe('unknown_routing_target');
    expect(body.error.issues).toEqual([
      { path: 'followUp.routing.0.to.memberId', message: `project has no member "${nobody}"` },
      { path: 'followUp.routing.1.to.teamId', message: `project has no team "${nobody}"` },
    ]);
    const shape = await put('after-checkout', { ...csat, followUp: { dueIn: 0, routing: [{ to: { team: 'care' } }] } });
    expect(shape.status).toBe(422);
    expect((await issuesOf(shape))?.sort()).toEqual(['followUp.dueIn', 'followUp.routing.0.to']);
    const question = await put('after-checkout', { ...csat, followUp: { routing: [{ if: { answer: { question: 'nps', op: 'lte', value: 6 } }, to: { teamId: nobody } }] } });
    expect(await issuesOf(question)).toEqual(['followUp.routing.0.if.answer.question']);
    expect((await t.app.request('/api/v1/surveys/after-checkout', { headers: auth() })).status).toBe(404);
  });

  it('lists every survey by id, inactive ones included', async () => {
    await put('after-checkout', { ...csat, active: false });
    const res = await t.app.request('/api/v1/surveys', { headers: auth() });
    expect(res.status).toBe(200);
    const list = SurveyList.parse(await res.json());
    expect(list.data.map((s) => [s.id, s.active])).toEqual([
      ['after-checkout', false],
      ['nps', true],
    ]);
    expect(list.data[1]).toEqual(npsSurvey);
  });

  it('DELETE deactivates: gone from /v1/config, kept for its answers, back with a PUT', async () => {
    const res = await t.app.request('/api/v1/surveys/nps', { method: 'DELETE', headers: auth() });
    expect(res.status).toBe(200);
    expect(SurveyDefinition.parse(await res.json())).toEqual({ ...npsSurvey, active: false });
    expect((await config()).surveys).toEqual([]);
    const kept = SurveyDefinition.parse(await (await t.app.request('/api/v1/surveys/nps', { headers: auth() })).json());
    expect(kept.active).toBe(false);

    expect((await put('nps', { ...npsSurvey, active: true })).status).toBe(200);
    expect((await config()).surveys).toEqual([npsSurvey]);
  });

  it('never shows or touches another project’s surveys', async () => {
    const other = await seedProject(t.db, 'other');
    expect((await t.app.request('/api/v1/surveys/nps', { method: 'DELETE', headers: auth(other.secretKey) })).status).toBe(200);
    expect((await config()).surveys).toEqual([npsSurvey]);
    await put('after-checkout', csat, auth(other.secretKey));
    const mine = SurveyList.parse(await (await t.app.request('/api/v1/surveys', { headers: auth() })).json());
    expect(mine.data.map((s) => s.id)).toEqual(['nps']);
  });

  describe('bad input', () => {
    it('422 naming id when the body and the path disagree, and nothing is written', async () => {
      const res = await put('checkout', csat);
      expect(res.status).toBe(422);
      expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: 'id_mismatch', issues: [{ path: 'id' }] });
      expect((await t.app.request('/api/v1/surveys/checkout', { headers: auth() })).status).toBe(404);
      expect((await t.app.request('/api/v1/surveys/after-checkout', { headers: auth() })).status).toBe(404);
    });

    it('422 naming each field of an invalid survey', async () => {
      const res = await put('after-checkout', { ...csat, name: '', questions: [{ id: 'q', type: 'nps' }], triggers: [{ type: 'teleport' }] });
      expect(res.status).toBe(422);
      expect(await issuesOf(res)).toEqual(expect.arrayContaining(['name', 'questions.0.prompt', 'triggers.0.type']));
    });

    it('422 naming id for a path id that is not a slug', async () => {
      for (const method of ['GET', 'DELETE']) {
        const res = await t.app.request('/api/v1/surveys/bad%20id', { method, headers: auth() });
        expect(res.status).toBe(422);
        expect(await issuesOf(res)).toEqual(['id']);
      }
      expect(await issuesOf(await put('bad%20id', csat))).toEqual(['id']);
    });

    it('404 naming id for an unknown survey', async () => {
      for (const method of ['GET', 'DELETE']) {
        const res = await t.app.request('/api/v1/surveys/missing', { method, headers: auth() });
        expect(res.status).toBe(404);
        expect(await issuesOf(res)).toEqual(['id']);
      }
    });

    it('400 for malformed JSON, 415 naming content-type for a form body', async () => {
      const malformed = await put('after-checkout', '{"id":');
      expect(malformed.status).toBe(400);
      expect(ErrorBody.parse(await malformed.json()).error.code).toBe('invalid_json');
      const form = await put('after-checkout', 'id=x', { 'Content-Type': 'application/x-www-form-urlencoded' });
      expect(form.status).toBe(415);
      expect(await issuesOf(form)).toEqual(['content-type']);
    });

    it('413 for a body over 1 MiB', async () => {
      const res = await put('after-checkout', { ...csat, name: 'x'.repeat(1024 * 1024) });
      expect(res.status).toBe(413);
    });

    it.each(['GET /api/v1/surveys', 'GET /api/v1/surveys/nps', 'PUT /api/v1/surveys/nps', 'DELETE /api/v1/surveys/nps'])(
      '401 naming authorization for %s without a key',
      async (route) => {
        const [method, path] = route.split(' ') as [string, string];
        const res = await t.app.request(path, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'PUT' ? JSON.stringify(npsSurvey) : undefined });
        expect(res.status).toBe(401);
        expect(await issuesOf(res)).toEqual(['authorization']);
      },
    );
  });
});
