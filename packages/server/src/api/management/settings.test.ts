import { describe, expect, it } from 'vitest';
import { caseRequests } from '../../testing/case-requests.js';
import { useTestApp } from '../../testing/test-app.js';

const DEFAULTS = { rootCauses: [], businessHours: null, feedbackRouting: [], customerValue: null, commentWaitSeconds: 60 };

describe('/api/v1/settings', () => {
  const t = useTestApp();
  const api = caseRequests(t);

  it('starts with no root causes, and PATCH replaces the list whole', async () => {
    expect(await (await api.send('GET', '/api/v1/settings')).json()).toEqual(DEFAULTS);
    const causes = [
      { id: 'delivery', label: 'Delivery' },
      { id: 'checkout-bug', label: 'Checkout bug' },
    ];
    const patched = await api.send('PATCH', '/api/v1/settings', { rootCauses: causes });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toEqual({ ...DEFAULTS, rootCauses: causes });
    expect(await (await api.send('GET', '/api/v1/settings')).json()).toEqual({ ...DEFAULTS, rootCauses: causes });
  });

  it('refuses a bad list by field: duplicate ids, ids that are not slugs, unknown settings', async () => {
    const dup = await api.refused(api.send('PATCH', '/api/v1/settings', { rootCauses: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }), 422);
    expect(dup.issues).toEqual([{ path: 'rootCauses', message: 'must not use an id twice' }]);
    const bad = await api.refused(api.send('PATCH', '/api/v1/settings', { rootCauses: [{ id: 'not a slug', label: '' }], timezone: 'UTC' }), 422);
    expect(bad.issues?.map((i) => i.path).sort()).toEqual(['rootCauses.0.id', 'rootCauses.0.label', 'timezone']);
    await api.refused(api.send('PATCH', '/api/v1/settings', {}), 422);
    expect(await (await api.send('GET', '/api/v1/settings')).json()).toEqual(DEFAULTS);
  });

  it("keeps how long a new case's notices wait for the comment, refusing a wait that is not whole seconds from 0 to 600", async () => {
    expect(await (await api.send('PATCH', '/api/v1/settings', { commentWaitSeconds: 0 })).json()).toEqual({ ...DEFAULTS, commentWaitSeconds: 0 });
    for (const [wait, message] of [
      [601, 'must be at most 600 (ten minutes)'],
      [-1, 'must be 0 (at once) or more'],
      [1.5, 'must be whole seconds'],
      ['60', 'must be a number of seconds'],
      [null, 'must be a number of seconds'],
    ] as const) {
      const refused = await api.refused(api.send('PATCH', '/api/v1/settings', { commentWaitSeconds: wait }), 422);
      expect(refused.issues).toEqual([{ path: 'commentWaitSeconds', message }]);
    }
    expect(await (await api.send('GET', '/api/v1/settings')).json()).toEqual({ ...DEFAULTS, commentWaitSeconds: 0 });
  });

  it('keeps business hours, feedback routing and customer value, each replaced whole', async () => {
    const member = await api.createMember('Ann');
    const routing = {
      businessHours: { timeZone: 'Europe/Stockholm', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
      feedbackRouting: [{ if: { url: { rules: [{ op: 'starts-with', value: '/checkout' }] } }, to: { memberId: member.id } }],
      customerValue: { attribute: 'mrr', tiers: [{ min: 1000, priority: 'urgent' }] },
    };
    const patched = await api.send('PATCH', '/api/v1/settings', routing);
    expect(patched.status).toBe(200);
    expect(await (await api.send('GET', '/api/v1/settings')).json()).toEqual({ ...DEFAULTS, ...routing, feedbackRouting: [{ ...routing.feedbackRouting[0], if: { url: { match: 'any', rules: [{ op: 'starts-with', value: '/checkout', on: 'path' }] } } }] });
    await api.send('PATCH', '/api/v1/settings', { businessHours: null });
    expect(await (await api.send('GET', '/api/v1/settings')).json()).toMatchObject({ businessHours: null, customerValue: routing.customerValue });
  });

  it('refuses bad business hours, tiers and routing rules by field, and rules pointing at no team or member', async () => {
    const hours = { timeZone: 'Europe/Stockholm', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
    const zone = await api.refused(api.send('PATCH', '/api/v1/settings', { businessHours: { ...hours, timeZone: 'Mars/Olympus' } }), 422);
    expect(zone.issues).toEqual([{ path: 'businessHours.timeZone', message: 'must be an IANA time zone such as Europe/Stockholm' }]);
    const clock = await api.refused(api.send('PATCH', '/api/v1/settings', { businessHours: { ...hours, days: [0, 1, 1], start: '9:00', end: '24:00' } }), 422);
    expect(clock.issues?.map((i) => i.path).sort()).toEqual(['businessHours.days', 'businessHours.days.0', 'businessHours.end', 'businessHours.start']);
    const late = await api.refused(api.send('PATCH', '/api/v1/settings', { businessHours: { ...hours, start: '18:00' } }), 422);
    expect(late.issues).toEqual([{ path: 'businessHours.end', message: 'must be after start (hours across midnight are not supported)' }]);
    const tier = await api.refused(api.send('PATCH', '/api/v1/settings', { customerValue: { attribute: 'mrr', tiers: [{ min: 1, equals: ['x'], priority: 'high' }, { min: 1, priority: 'top' }] } }), 422);
    expect(tier.issues).toEqual([
      { path: 'customerValue.tiers.0', message: 'must give exactly one of min, equals' },
      { path: 'customerValue.tiers.1.priority', message: expect.any(String) },
    ]);
    const shape = await api.refused(api.send('PATCH', '/api/v1/settings', { feedbackRouting: [{ if: { answer: { question: 'nps', op: 'lte', value: 3 } }, to: { teamId: 'care' } }] }), 422);
    expect(shape.issues?.map((i) => i.path).sort()).toEqual(['feedbackRouting.0.if.answer', 'feedbackRouting.0.to.teamId']);

    const nobody = '00000000-0000-4000-8000-000000000000';
    const unknown = await api.refused(api.send('PATCH', '/api/v1/settings', { feedbackRouting: [{ to: { teamId: nobody } }, { to: { memberId: nobody } }] }), 422);
    expect(unknown).toMatchObject({ code: 'unknown_routing_target' });
    expect(unknown.issues).toEqual([
      { path: 'feedbackRouting.0.to.teamId', message: `project has no team "${nobody}"` },
      { path: 'feedbackRouting.1.to.memberId', message: `project has no member "${nobody}"` },
    ]);
    expect(await (await api.send('GET', '/api/v1/settings')).json()).toEqual(DEFAULTS);
  });
});
