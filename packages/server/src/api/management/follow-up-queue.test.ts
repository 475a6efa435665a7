import { FollowUpList } from '@closeloop/sdk/schemas';
import type { FollowUp } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { NOW } from '../../testing/fixtures.js';
import { caseRequests } from '../../testing/case-requests.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();

describe.each(testDialects)('GET /api/v1/follow-ups: the queue on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const api = caseRequests(t);

  async function list(query = ''): Promise<FollowUpList> {
    const res = await t.app.request(`/api/v1/follow-ups${query}`, { headers: api.auth() });
    expect(res.status, await res.clone().text()).toBe(200);
    return FollowUpList.parse(await res.json());
  }
  const ids = (page: { data: FollowUp[] }) => page.data.map((f) => f.id);

  it('orders by priority (urgent, high, normal, low), then soonest due, then id', async () => {
    // Answered 10 h, 20 h, 30 h ago: due in 38 h, 28 h, 18 h.
    const a = await api.openSurveyCase({ answeredAt: hoursAgo(10) });
    const b = await api.openSurveyCase({ answeredAt: hoursAgo(20) });
    const c = await api.openSurveyCase({ answeredAt: hoursAgo(30) });
    const d = await api.openFeedbackCase({ sentAt: hoursAgo(5) });
    await api.change('PATCH', `/api/v1/follow-ups/${a}`, { priority: 'urgent', version: 1 });
    await api.change('PATCH', `/api/v1/follow-ups/${d}`, { priority: 'low', version: 1 });
    await api.change('PATCH', `/api/v1/follow-ups/${b}`, { priority: 'high', version: 1 });
    expect(ids(await list())).toEqual([a, b, c, d]);
  });

  it('pages through the whole queue without duplicates or gaps, cases with equal priority and due time included', async () => {
    const opened: string[] = [];
    for (let i = 0; i < 13; i++) opened.push(await api.openSurveyCase({ answeredAt: hoursAgo(i % 4) }));
    const priorities = ['urgent', 'high', 'normal', 'low'] as const;
    for (const [i, id] of opened.entries()) {
      if (i % 3 !== 0) await api.change('PATCH', `/api/v1/follow-ups/${id}`, { priority: priorities[i % 4], version: 1 });
    }
    const everything = await list('?limit=200');
    const seen: FollowUp[] = [];
    let cursor: string | null = null;
    do {
      const page: FollowUpList = await list(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.data.length).toBeLessThanOrEqual(4);
      seen.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen.map((f) => f.id)).toEqual(ids(everything));
    expect(new Set(seen.map((f) => f.id))).toEqual(new Set(opened));
    const rank = { urgent: 0, high: 1, normal: 2, low: 3 };
    const key = (f: FollowUp) => `${rank[f.priority]}|${f.dueAt}|${f.id}`;
    expect(seen.map(key)).toEqual(seen.map(key).sort());
  });

  it('filters by status, assignee, team, priority, survey, source and overdue, with counts per status for the same filters', async () => {
    const ana = await api.createMember('Ana');
    const billing = await api.createTeam('Billing', [ana.id]);
    const assigned = await api.openSurveyCase({ answeredAt: hoursAgo(1) });
    const teamed = await api.openSurveyCase({ answeredAt: hoursAgo(2) });
    // Answered two days and an hour ago: its 48 h are up.
    const overdue = await api.openSurveyCase({ answeredAt: hoursAgo(49) });
    const feedback = await api.openFeedbackCase();
    const resolvedLate = await api.openSurveyCase({ answeredAt: hoursAgo(50) });
    await api.change('PATCH', `/api/v1/follow-ups/${assigned}`, { assigneeId: ana.id, status: 'in_progress', version: 1 });
    await api.change('PATCH', `/api/v1/follow-ups/${teamed}`, { teamId: billing.id, priority: 'high', version: 1 });
    await api.change('POST', `/api/v1/follow-ups/${resolvedLate}/resolve`, { resolution: 'fixed', summary: 'Fixed' }, 200);

    const all = await list();
    expect(all.counts).toEqual({ open: 3, in_progress: 1, waiting_on_customer: 0, resolved: 1, closed: 0 });
    expect(new Set(ids(await list('?status=open')))).toEqual(new Set([teamed, overdue, feedback]));
    // The counts ignore `status` itself, so every tab shows its number whichever is selected.
    expect((await list('?status=open')).counts).toEqual(all.counts);
    expect(ids(await list(`?assignee=${ana.id}`))).toEqual([assigned]);
    expect((await list(`?assignee=${ana.id}`)).counts).toEqual({ open: 0, in_progress: 1, waiting_on_customer: 0, resolved: 0, closed: 0 });
    expect(new Set(ids(await list('?assignee=none')))).toEqual(new Set([teamed, overdue, feedback, resolvedLate]));
    expect(ids(await list(`?team=${billing.id}`))).toEqual([teamed]);
    expect(ids(await list('?team=none'))).not.toContain(teamed);
    expect(ids(await list('?priority=high'))).toEqual([teamed]);
    expect(ids(await list('?source=feedback'))).toEqual([feedback]);
    expect(ids(await list('?surveyId=nps'))).not.toContain(feedback);
    expect((await list('?surveyId=nps')).data).toHaveLength(4);
    // Past due and not resolved: the resolved late case is not overdue any more.
    expect(ids(await list('?overdue=true'))).toEqual([overdue]);
    expect((await list('?overdue=true')).counts).toEqual({ open: 1, in_progress: 0, waiting_on_customer: 0, resolved: 0, closed: 0 });
    expect(ids(await list(`?status=open&team=${billing.id}&priority=high`))).toEqual([teamed]);
    expect((await list('?status=closed')).data).toEqual([]);
  });

  it('searches the customer’s text answers and feedback comments with q, case-insensitively and literally', async () => {
    const late = await api.openSurveyCase();
    await api.openSurveyCase({ answers: { nps: 2, comment: 'Prices went up 50% overnight' } });
    const feedback = await api.openFeedbackCase({ comment: 'The DISCOUNT code is refused' });
    // The comment arrives after the score that opened the case, and is found all the same.
    const first = (await api.detail(late)).case;
    if (first.source !== 'survey') throw new Error('expected a survey case');
    await t.app.request('/v1/responses', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        id: first.response.id,
        project: 'pk_shop',
        surveyId: 'nps',
        answers: { comment: 'Shipping took three WEEKS' },
        respondent: { anonymousId: 'anon-1' },
        context: { url: 'https://shop.example/checkout' },
        answeredAt: NOW.toISOString(),
      }),
    });
    expect(ids(await list('?q=weeks'))).toEqual([late]);
    expect(ids(await list('?q=discount%20CODE'))).toEqual([feedback]);
    expect((await list('?q=50%25')).data).toHaveLength(1);
    // `%` and `_` are text, not wildcards.
    expect((await list('?q=%25%25')).data).toEqual([]);
    expect((await list('?q=_')).data).toEqual([]);
    // Scores are not text.
    expect((await list('?q=2')).data).toEqual([]);
    expect((await list('?q=weeks')).counts.open).toBe(1);
  });

  it.each([
    ['assignee=me', 'assignee', 'me needs a signed-in member; use a member id'],
    ['assignee=0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'assignee', 'no member of the project'],
    ['assignee=ana', 'assignee', 'must be me, none or a member id'],
    ['team=0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'team', 'no team of the project'],
    ['overdue=yes', 'overdue', 'must be true or false'],
    ['priority=whenever', 'priority', ''],
    ['source=email', 'source', 'must be survey or feedback'],
    ['q=', 'q', 'must not be empty'],
    ['cursor=WzEsMl0', 'cursor', 'is not a cursor from a previous page'],
  ])('?%s is a 422 naming %s', async (query, field, message) => {
    const error = await api.refused(t.app.request(`/api/v1/follow-ups?${query}`, { headers: api.auth() }), 422);
    expect(error.issues).toEqual([{ path: field, message: expect.stringContaining(message) }]);
  });
});
