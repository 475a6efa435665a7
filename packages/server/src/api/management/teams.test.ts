import { TeamList } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { caseRequests } from '../../testing/case-requests.js';
import { useTestApp } from '../../testing/test-app.js';

describe('/api/v1/teams', () => {
  const t = useTestApp();
  const api = caseRequests(t);
  const list = async () => TeamList.parse(await (await t.app.request('/api/v1/teams', { headers: api.auth() })).json()).data;

  it('creates teams of members in the order given, renames them and replaces their members', async () => {
    const ana = await api.createMember('Ana');
    const bo = await api.createMember('Bo');
    const billing = await api.createTeam('Billing', [bo.id, ana.id]);
    expect(billing).toMatchObject({ name: 'Billing', memberIds: [bo.id, ana.id] });
    await api.createTeam('Delivery');
    expect((await list()).map((team) => [team.name, team.memberIds])).toEqual([
      ['Billing', [bo.id, ana.id]],
      ['Delivery', []],
    ]);
    const renamed = await api.send('PATCH', `/api/v1/teams/${billing.id}`, { name: 'Payments', memberIds: [ana.id] });
    expect(await renamed.json()).toMatchObject({ id: billing.id, name: 'Payments', memberIds: [ana.id] });
    // A deleted member leaves their teams.
    await api.send('DELETE', `/api/v1/members/${ana.id}`);
    expect((await list()).find((team) => team.id === billing.id)?.memberIds).toEqual([]);
  });

  it('names an unknown member by its place in memberIds (422), a taken name (409), an unknown team (404)', async () => {
    const ana = await api.createMember('Ana');
    const unknown = await api.refused(api.send('POST', '/api/v1/teams', { name: 'Billing', memberIds: [ana.id, '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'] }), 422);
    expect(unknown).toMatchObject({ code: 'unknown_member', issues: [{ path: 'memberIds.1' }] });
    expect(await list()).toEqual([]);
    const billing = await api.createTeam('Billing');
    const delivery = await api.createTeam('Delivery');
    expect(await api.refused(api.send('POST', '/api/v1/teams', { name: 'Billing' }), 409)).toMatchObject({ code: 'team_exists', issues: [{ path: 'name' }] });
    await api.refused(api.send('PATCH', `/api/v1/teams/${delivery.id}`, { name: 'Billing' }), 409);
    await api.refused(api.send('PATCH', '/api/v1/teams/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', { name: 'X' }), 404);
    const twice = await api.refused(api.send('PATCH', `/api/v1/teams/${billing.id}`, { memberIds: [ana.id, ana.id] }), 422);
    expect(twice.issues).toEqual([{ path: 'memberIds', message: 'must not list a member twice' }]);
  });
});
