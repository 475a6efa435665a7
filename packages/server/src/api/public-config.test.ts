import { signIdentity } from '@closeloop/sdk/node';
import { CONFIG_VERSION, ConfigResponse, ErrorBody, SurveyDefinition } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { NOW, npsSurvey, submission } from '../testing/fixtures.js';
import { post, useTestApp } from '../testing/test-app.js';
import { upsertSurvey } from '../repos/surveys.js';

describe('GET /v1/config', () => {
  const t = useTestApp();

  it('returns the active surveys with an ETag and no-cache', async () => {
    const res = await t.app.request('/v1/config?project=pk_shop', { headers: { Origin: 'https://shop.example' } });
    expect(res.status).toBe(200);
    const body = ConfigResponse.parse(await res.json());
    expect(body).toEqual({ configVersion: CONFIG_VERSION, project: 'pk_shop', surveys: [npsSurvey] });
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('answers 304 to a matching If-None-Match, and 200 again once a survey changes', async () => {
    const first = await t.app.request('/v1/config?project=pk_shop');
    const etag = first.headers.get('etag') ?? '';
    const cached = await t.app.request('/v1/config?project=pk_shop', { headers: { 'If-None-Match': etag } });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe('');

    await upsertSurvey(t.db.kysely, t.shop.project.id, SurveyDefinition.parse({ ...npsSurvey, active: false }), NOW);
    const changed = await t.app.request('/v1/config?project=pk_shop', { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(ConfigResponse.parse(await changed.json()).surveys).toEqual([]);
  });

  it.each([
    ['missing', '/v1/config'],
    ['malformed', '/v1/config?project=shop'],
    ['too long', `/v1/config?project=pk_${'a'.repeat(70)}`],
  ])('422 naming project when the key is %s', async (_, url) => {
    const res = await t.app.request(url);
    expect(res.status).toBe(422);
    const { error } = ErrorBody.parse(await res.json());
    expect(error.issues?.map((i) => i.path)).toEqual(['project']);
  });

  describe('with an identified user', () => {
    const signature = signIdentity('shop-identity', 'user-1');
    const answer = () => post(t.app, '/v1/responses', submission({ respondent: { anonymousId: 'phone', userId: 'user-1', signature } }));

    it('lists what a correctly signed user answered on any device, privately', async () => {
      expect((await answer()).status).toBe(201);
      const res = await t.app.request(`/v1/config?project=pk_shop&user=user-1&signature=${signature}`);
      expect(res.status).toBe(200);
      expect(ConfigResponse.parse(await res.json()).answered).toEqual([{ surveyId: 'nps', at: NOW.toISOString() }]);
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
    });

    it.each([
      ['no signature', '&user=user-1'],
      ["another user's signature", `&user=user-2&signature=${signature}`],
      ['a signature made with another secret', `&user=user-1&signature=${signIdentity('other', 'user-1')}`],
    ])('reveals nothing with %s', async (_, query) => {
      await answer();
      const res = await t.app.request(`/v1/config?project=pk_shop${query}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).not.toHaveProperty('answered');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    });

    it('422 naming signature when it is not a hex HMAC', async () => {
      const res = await t.app.request('/v1/config?project=pk_shop&user=user-1&signature=nope');
      expect(res.status).toBe(422);
      expect(ErrorBody.parse(await res.json()).error.issues?.map((i) => i.path)).toEqual(['signature']);
    });
  });

  it('404 naming project for an unknown key', async () => {
    const res = await t.app.request('/v1/config?project=pk_nobody');
    expect(res.status).toBe(404);
    expect(ErrorBody.parse(await res.json()).error).toMatchObject({ code: 'project_not_found', issues: [{ path: 'project' }] });
  });

  it('403 naming origin for a page the project does not allow', async () => {
    const res = await t.app.request('/v1/config?project=pk_shop', { headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(ErrorBody.parse(await res.json()).error.issues?.[0]?.path).toBe('origin');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
