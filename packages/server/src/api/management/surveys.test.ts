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
