import { describe, expect, it } from 'vitest';
import { caseRequests } from '../../testing/case-requests.js';
import { useTestApp } from '../../testing/test-app.js';

describe('/api/v1/settings', () => {
  const t = useTestApp();
  const api = caseRequests(t);

  it('starts with no root causes, and PATCH replaces the list whole', async () => {
    expect(await (await api.send('GET', '/api/v1/settings')).json()).toEqual({ rootCauses: [] });
    const causes = [
      { id: 'delivery', label: 'Delivery' },
      { id: 'checkout-bug', label: 'Checkout bug' },
    ];
    const patched = await api.send('PATCH', '/api/v1/settings', { rootCauses: causes });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toEqual({ rootCauses: causes });
    expect(await (await api.send('GET', '/api/v1/settings')).json()).toEqual({ rootCauses: causes });
  });

  it('refuses a bad list by field: duplicate ids, ids that are not slugs, unknown settings', async () => {
    const dup = await api.refused(api.send('PATCH', '/api/v1/settings', { rootCauses: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }), 422);
    expect(dup.issues).toEqual([{ path: 'rootCauses', message: 'must not use an id twice' }]);
    const bad = await api.refused(api.send('PATCH', '/api/v1/settings', { rootCauses: [{ id: 'not a slug', label: '' }], timezone: 'UTC' }), 422);
    expect(bad.issues?.map((i) => i.path).sort()).toEqual(['rootCauses.0.id', 'rootCauses.0.label', 'timezone']);
    await api.refused(api.send('PATCH', '/api/v1/settings', {}), 422);
    expect(await (await api.send('GET', '/api/v1/settings')).json()).toEqual({ rootCauses: [] });
  });
});
