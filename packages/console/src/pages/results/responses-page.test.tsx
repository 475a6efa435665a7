import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { ListedResponse } from '@closeloop/sdk/schemas';
import { json } from '../../test-support/fake-fetch.js';
import { sessionOf } from '../../test-support/fixtures.js';
import { renderConsole } from '../../test-support/render-console.js';

const CASE_ID = '0190a0b0-0000-7000-8000-0000000000c1';

function response(n: number, score: number, extra: Partial<ListedResponse> = {}): ListedResponse {
  return ListedResponse.parse({
    id: `0190a0b1-0000-7000-8000-${String(n).padStart(12, '0')}`,
    surveyId: 'nps',
    answers: { nps: score, comment: `Comment ${n}` },
    finished: true,
    respondent: { anonymousId: `anon-${n}`, verified: false },
    context: { url: 'https://shop.example/checkout?step=2' },
    answeredAt: '2026-11-02T10:00:00.000Z',
    receivedAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    followUpId: null,
    npsScore: score,
    read: false,
    ...extra,
  });
}

function responses(data: ListedResponse[], url = '/results/responses?from=2026-11-01&to=2026-11-03&group=detractor') {
  return renderConsole(url, {
    'GET /api/v1/session': () => json(200, sessionOf('viewer')),
    'GET /api/v1/members': () => json(200, { data: [] }),
    'GET /api/v1/teams': () => json(200, { data: [] }),
    'GET /api/v1/surveys': () => json(200, { data: [] }),
    'GET /api/v1/responses': () => json(200, { data, nextCursor: null }),
    'POST /api/v1/responses/read': () => json(204, null),
    'POST /api/v1/responses/unread': () => json(204, null),
  });
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the responses page', () => {
  it('asks for the group and window in the link, and shows each response with its score, comment and case', async () => {
    const { requests } = responses([response(1, 2, { followUpId: CASE_ID }), response(2, 5, { read: true })]);
    const list = await screen.findByRole('list', { name: 'Responses, newest first' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('2 · Detractor');
    expect(items[0]!.textContent).toContain('Comment 1');
    expect(items[0]!.textContent).toContain('/checkout');
    expect(items[0]!.textContent).toContain('Unread.');
    expect(within(items[0]!).getByRole('link', { name: 'Open its case' }).getAttribute('href')).toBe(`/cases/${CASE_ID}`);
    expect(items[1]!.textContent).toContain('No case');
    const list1 = requests.find((r) => r.url.pathname === '/api/v1/responses')!;
    expect(Object.fromEntries(list1.url.searchParams)).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z', group: 'detractor', limit: '50' });
    expect(screen.getByRole('link', { name: 'Detractors' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Download these (CSV)' }).getAttribute('href')).toBe('/api/v1/export/responses.csv?from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-04T00%3A00%3A00.000Z&group=detractor');
  });

  it('marks one response read and back, and all shown unread ones at once, with the CSRF token', async () => {
    const { requests } = responses([response(1, 2), response(2, 3), response(3, 4, { read: true })]);
    const list = await screen.findByRole('list', { name: 'Responses, newest first' });
    fireEvent.click(within(within(list).getAllByRole('listitem')[0]!).getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(within(within(list).getAllByRole('listitem')[0]!).getByRole('button', { name: 'Mark unread' })).toBeTruthy());
    const marked = requests.find((r) => r.url.pathname === '/api/v1/responses/read')!;
    expect(marked.body).toEqual({ ids: [response(1, 2).id] });
    expect(marked.headers.get('X-CSRF-Token')).toBe('csrf-token-1');

    fireEvent.click(screen.getByRole('button', { name: 'Mark the 1 shown as read' }));
    await waitFor(() => expect(requests.filter((r) => r.url.pathname === '/api/v1/responses/read')).toHaveLength(2));
    expect(requests.filter((r) => r.url.pathname === '/api/v1/responses/read').at(-1)!.body).toEqual({ ids: [response(2, 3).id] });
    await waitFor(() => expect(screen.queryByRole('button', { name: /shown as read/ })).toBeNull());

    fireEvent.click(within(within(list).getAllByRole('listitem')[2]!).getByRole('button', { name: 'Mark unread' }));
    await waitFor(() => expect(requests.some((r) => r.url.pathname === '/api/v1/responses/unread')).toBe(true));
  });

  it('filters by read state through the link', async () => {
    const { requests } = responses([], '/results/responses?from=2026-11-01&to=2026-11-03&read=false');
    expect(await screen.findByText('No responses here')).toBeTruthy();
    expect(requests.find((r) => r.url.pathname === '/api/v1/responses')!.url.searchParams.get('read')).toBe('false');
    expect(screen.getByRole('link', { name: 'Unread' }).getAttribute('aria-current')).toBe('page');
  });
});
