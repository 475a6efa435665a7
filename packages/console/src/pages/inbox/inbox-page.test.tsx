import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { FollowUp } from '@closeloop/sdk/schemas';
import { json } from '../../test-support/fake-fetch.js';
import { FakeEventSource } from '../../test-support/fake-event-source.js';
import { AGENT_ID, MEMBERS, sessionOf, surveyCase } from '../../test-support/fixtures.js';
import { renderConsole } from '../../test-support/render-console.js';

const COUNTS = { open: 2, in_progress: 1, waiting_on_customer: 0, resolved: 4, closed: 0 };

function inbox(cases: () => FollowUp[], role: 'agent' | 'viewer' = 'agent', extra: Parameters<typeof renderConsole>[1] = {}) {
  FakeEventSource.opened = [];
  return renderConsole(
    '/inbox',
    {
      'GET /api/v1/session': () => json(200, sessionOf(role)),
      'GET /api/v1/follow-ups': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        const all = cases();
        return cursor ? json(200, { data: all.slice(2), nextCursor: null, counts: COUNTS }) : json(200, { data: all.slice(0, all.length > 3 ? 2 : all.length), nextCursor: all.length > 3 ? 'page-2' : null, counts: COUNTS });
      },
      'GET /api/v1/members': () => json(200, { data: MEMBERS }),
      'GET /api/v1/teams': () => json(200, { data: [] }),
      'GET /api/v1/surveys': () => json(200, { data: [] }),
      ...extra,
    },
    FakeEventSource as never,
  );
}

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('the inbox', () => {
  it('lists cases with what the customer said, priority, status, SLA in words, and counts per status', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-30T12:00:00.000Z'), toFake: ['Date'] });
    const overdue = surveyCase({ dueAt: '2026-11-30T09:30:00.000Z', priority: 'urgent', assigneeId: AGENT_ID });
    const due = surveyCase({ dueAt: '2026-11-30T14:15:00.000Z' }, { nps: 5, comment: 'Checkout failed twice.' });
    inbox(() => [overdue, due]);
    const list = await screen.findByRole('list', { name: 'Cases, most urgent first' });
    const rows = within(list).getAllByRole('link');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('“Delivery took two weeks.”');
    expect(rows[0]!.textContent).toContain('Urgent priority');
    expect(rows[0]!.textContent).toContain('Overdue by 2 h 30 min');
    expect(rows[0]!.textContent).toContain('Alex Agent');
    expect(rows[1]!.textContent).toContain('2 h 15 min left');
    expect(within(rows[0]!).getByText('Overdue by 2 h 30 min').className).toContain('badge-danger');
    expect(screen.getByRole('button', { name: 'Open (2)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Any status (7)' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('asks the server for each view and filter, keeping them in the URL', async () => {
    const { requests } = inbox(() => [surveyCase()]);
    await screen.findByRole('list', { name: 'Cases, most urgent first' });
    fireEvent.click(screen.getByRole('link', { name: 'Mine' }));
    await waitFor(() => expect(requests.at(-1)?.url.searchParams.get('assignee')).toBe('me'));
    fireEvent.click(screen.getByRole('button', { name: 'Resolved (4)' }));
    await waitFor(() => expect(Object.fromEntries(requests.at(-1)!.url.searchParams)).toEqual({ assignee: 'me', status: 'resolved', limit: '50' }));
    expect(location.search).toBe('?view=mine&status=resolved');
    fireEvent.click(screen.getByRole('link', { name: 'Overdue' }));
    await waitFor(() => expect(requests.at(-1)?.url.searchParams.get('overdue')).toBe('true'));
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'urgent' } });
    await waitFor(() => expect(requests.at(-1)?.url.searchParams.get('priority')).toBe('urgent'));
  });

  it('names a part of the link it cannot use instead of guessing', async () => {
    history.replaceState(null, '', '/inbox?status=lost');
    const { requests } = renderConsole('/inbox?status=lost', {
      'GET /api/v1/session': () => json(200, sessionOf('agent')),
      'GET /api/v1/follow-ups': () => json(200, { data: [], nextCursor: null, counts: COUNTS }),
      'GET /api/v1/members': () => json(200, { data: MEMBERS }),
      'GET /api/v1/teams': () => json(200, { data: [] }),
      'GET /api/v1/surveys': () => json(200, { data: [] }),
    });
    expect((await screen.findByText(/Part of this link was not understood/)).textContent).toContain('status:');
    await waitFor(() => expect(requests.some((r) => r.url.pathname === '/api/v1/follow-ups')).toBe(true));
    expect(requests.find((r) => r.url.pathname === '/api/v1/follow-ups')?.url.searchParams.has('status')).toBe(false);
  });

  it('loads more with the cursor, appending the next page', async () => {
    const cases = [surveyCase(), surveyCase(), surveyCase(), surveyCase()];
    const { requests } = inbox(() => cases);
    const list = await screen.findByRole('list', { name: 'Cases, most urgent first' });
    expect(within(list).getAllByRole('link')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Load more cases' }));
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(4));
    expect(requests.at(-1)?.url.searchParams.get('cursor')).toBe('page-2');
    expect(screen.queryByRole('button', { name: 'Load more cases' })).toBeNull();
  });

  it('shows a new case when the server announces one, without a reload', async () => {
    const cases = [surveyCase()];
    inbox(() => cases);
    const list = await screen.findByRole('list', { name: 'Cases, most urgent first' });
    expect(FakeEventSource.opened.map((source) => source.url)).toEqual(['/api/v1/events']);
    cases.unshift(surveyCase({}, { nps: 1, comment: 'Never again.' }));
    FakeEventSource.opened[0]!.emit('follow_up', { caseId: cases[0]!.id, kind: 'opened', at: new Date().toISOString() });
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(2), { timeout: 2000 });
    expect(within(list).getAllByRole('link')[0]!.textContent).toContain('Never again.');
  });

  it('works from the keyboard: j/k move, a assigns to me, ? lists the shortcuts; letters typed in a field are text', async () => {
    const first = surveyCase();
    const second = surveyCase();
    const { requests } = inbox(() => [first, second], 'agent', { 'PATCH /api/v1/follow-ups/:id': () => json(200, { ...second, assigneeId: AGENT_ID, version: 2 }) });
    const list = await screen.findByRole('list', { name: 'Cases, most urgent first' });
    const [one, two] = within(list).getAllByRole('link');
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(document.activeElement).toBe(two);
    fireEvent.keyDown(two!, { key: 'k' });
    expect(document.activeElement).toBe(one);
    fireEvent.keyDown(one!, { key: 'j' });
    fireEvent.keyDown(two!, { key: 'a' });
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(patch.url.pathname).toBe(`/api/v1/follow-ups/${second.id}`);
    expect(patch.body).toEqual({ assigneeId: AGENT_ID, version: 1 });
    expect(patch.headers.get('X-CSRF-Token')).toBe('csrf-token-1');

    // Enter on a button presses that button; on the page it opens the selected case.
    const shortcuts = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    shortcuts.focus();
    fireEvent.keyDown(shortcuts, { key: 'Enter' });
    expect(location.pathname).toBe('/inbox');
    fireEvent.keyDown(document.body, { key: 'Enter' });
    await waitFor(() => expect(location.pathname).toBe(`/cases/${second.id}`));
    history.back();
    await waitFor(() => expect(location.pathname).toBe('/inbox'));
    await screen.findByRole('list', { name: 'Cases, most urgent first' });

    const priority = screen.getByLabelText('Priority');
    priority.focus();
    fireEvent.keyDown(priority, { key: '?' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Assign the selected case to me');
  });

  it('does not assign for a viewer: the role reads, and says so', async () => {
    const { requests, services } = inbox(() => [surveyCase()], 'viewer');
    await screen.findByRole('list', { name: 'Cases, most urgent first' });
    fireEvent.keyDown(document.body, { key: 'a' });
    await waitFor(() => expect(services.toasts.list.value.map((t) => t.message)).toContain('Your role can read cases but not change them.'));
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
  });
});
