import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { DetractorThemes, FollowUpStats, NpsStats } from '@closeloop/sdk/schemas';
import { json } from '../../test-support/fake-fetch.js';
import { sessionOf } from '../../test-support/fixtures.js';
import { renderConsole } from '../../test-support/render-console.js';

const emptyFigures = {
  opened: 0,
  contactedWithinSla: null,
  medianFirstContactMs: null,
  medianResolutionMs: null,
  slaBreaches: 0,
  recoveryRate: null,
  rootCauses: [],
  nextLoop: { followedUp: { customers: 0, answeredAgain: 0, rate: null }, notFollowedUp: { customers: 0, answeredAgain: 0, rate: null } },
};

const NPS = NpsStats.parse({
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-11-04T00:00:00.000Z',
  interval: 'day',
  buckets: [
    { start: '2026-11-01T00:00:00.000Z', count: 4, detractors: 2, passives: 1, promoters: 1, nps: -25 },
    { start: '2026-11-02T00:00:00.000Z', count: 0, detractors: 0, passives: 0, promoters: 0, nps: null },
    { start: '2026-11-03T00:00:00.000Z', count: 2, detractors: 0, passives: 0, promoters: 2, nps: 100 },
  ],
  distribution: [1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 2],
  totals: { count: 6, detractors: 2, passives: 1, promoters: 3, nps: 16.7 },
});

const THEMES = DetractorThemes.parse({
  from: NPS.from,
  to: NPS.to,
  comments: 2,
  languages: ['en', 'de'],
  words: [
    { term: 'delivery', comments: 2 },
    { term: 'late', comments: 1 },
  ],
  phrases: [{ term: 'late delivery', comments: 1 }],
  pages: [{ page: '/checkout', answers: 4, detractors: 2, share: 0.5 }],
});

const OUTCOMES = FollowUpStats.parse({
  from: NPS.from,
  to: NPS.to,
  overall: { ...emptyFigures, opened: 2, contactedWithinSla: 0.5, medianFirstContactMs: 2 * 3_600_000, recoveryRate: 1, rootCauses: [{ id: 'delivery', label: 'Late delivery', count: 1 }] },
  teams: [{ ...emptyFigures, teamId: '0190a0b0-0000-7000-8000-0000000000b1', name: 'Care', opened: 2 }],
  members: [],
  rootCausesOverTime: [{ from: NPS.from, to: NPS.to, rootCauses: [{ id: 'delivery', label: 'Late delivery', count: 1 }] }],
});

function results(url = '/results?from=2026-11-01&to=2026-11-03') {
  return renderConsole(url, {
    'GET /api/v1/session': () => json(200, sessionOf('agent')),
    'GET /api/v1/members': () => json(200, { data: [] }),
    'GET /api/v1/teams': () => json(200, { data: [] }),
    'GET /api/v1/surveys': () => json(200, { data: [] }),
    'GET /api/v1/stats/nps': () => json(200, NPS),
    'GET /api/v1/stats/themes': () => json(200, THEMES),
    'GET /api/v1/stats/follow-ups': () => json(200, OUTCOMES),
  });
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the results page', () => {
  it('shows the NPS, the split with links to each group’s responses, the chart and the distribution', async () => {
    const { requests } = results();
    expect((await screen.findByTestId('nps-value')).textContent).toBe('+17');
    const groups = screen.getByRole('list', { name: 'Answers by group' });
    const detractors = within(groups).getByRole('link', { name: /Detractors/ });
    expect(detractors.textContent).toContain('2');
    expect(detractors.textContent).toContain('33%');
    expect(detractors.getAttribute('href')).toBe('/results/responses?from=2026-11-01&to=2026-11-03&group=detractor');
    expect(screen.getByRole('img', { name: /NPS per day/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Answers per score, 0 to 10 \(0: 1, 1: 0/ })).toBeTruthy();
    // The window is whole days: the last day shown is included.
    const nps = requests.find((r) => r.url.pathname === '/api/v1/stats/nps')!;
    expect(Object.fromEntries(nps.url.searchParams)).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z', interval: 'day' });
  });

  it('puts detractor themes beside the pages producing detractors, and the follow-up outcomes', async () => {
    const { requests } = results();
    const words = await screen.findByRole('list', { name: 'Words, most frequent first' });
    expect(within(words).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['delivery2 comments', 'late1 comments']);
    expect(screen.getByRole('link', { name: '/checkout' }).getAttribute('href')).toBe('/results/responses?from=2026-11-01&to=2026-11-03&page=%2Fcheckout&group=detractor');
    expect(screen.getByText('2 of 4 answers (50%) are detractors')).toBeTruthy();
    const outcomes = await screen.findByRole('region', { name: 'Follow-up outcomes' });
    const figure = within(outcomes).getAllByText('Contacted within SLA').find((el) => el.tagName === 'DT');
    expect(figure?.nextElementSibling?.textContent).toBe('50%');
    expect(within(outcomes).getByText('2 h')).toBeTruthy();
    expect(within(outcomes).getByRole('cell', { name: 'Care' })).toBeTruthy();
    // The root causes per period come with the figures: one stats read for the whole panel.
    const causes = within(outcomes).getByRole('table', { name: 'Cases resolved with each root cause, per period' });
    expect(within(causes).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Root cause', 'From 1 Nov']);
    expect(within(causes).getAllByRole('cell').map((td) => td.textContent)).toEqual(['Late delivery', '1']);
    expect(requests.filter((r) => r.url.pathname === '/api/v1/stats/follow-ups')).toHaveLength(1);
  });

  it('applies the filters through the URL and sends them to the server, attribute flat', async () => {
    const { requests } = results();
    await screen.findByTestId('nps-value');
    fireEvent.input(screen.getByLabelText('Page'), { target: { value: '/checkout' } });
    fireEvent.input(screen.getByLabelText('Attribute'), { target: { value: 'plan' } });
    fireEvent.input(screen.getByLabelText('Attribute value'), { target: { value: 'pro' } });
    fireEvent.change(screen.getByLabelText('Per'), { target: { value: 'week' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(requests.filter((r) => r.url.pathname === '/api/v1/stats/nps')).toHaveLength(2));
    const nps = requests.filter((r) => r.url.pathname === '/api/v1/stats/nps').at(-1)!;
    expect(Object.fromEntries(nps.url.searchParams)).toMatchObject({ page: '/checkout', 'attr.plan': 'pro', interval: 'week' });
    expect(location.search).toBe('?from=2026-11-01&to=2026-11-03&interval=week&page=%2Fcheckout&attr=plan&value=pro');
    expect(screen.getByRole('link', { name: 'Download responses (CSV)' }).getAttribute('href')).toBe(
      '/api/v1/export/responses.csv?from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-04T00%3A00%3A00.000Z&page=%2Fcheckout&attr.plan=pro',
    );
  });

  it('says what in the link was not understood', async () => {
    results('/results?from=yesterday&interval=month');
    expect(await screen.findByText(/from "yesterday" is not a date; interval "month" is not day or week/)).toBeTruthy();
  });
});
