import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { SurveyDefinition } from '@closeloop/sdk/schemas';
import { MEMBERS, sessionOf } from '../../test-support/fixtures.js';
import { json } from '../../test-support/fake-fetch.js';
import { renderConsole } from '../../test-support/render-console.js';

const nps = SurveyDefinition.parse({
  id: 'shop-nps',
  name: 'Shop NPS',
  active: true,
  questions: [{ id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?' }],
  triggers: [{ type: 'dwell', seconds: 10 }],
});

function server(role: 'admin' | 'agent', surveys = [nps]) {
  const stored = new Map(surveys.map((survey) => [survey.id, survey]));
  return {
    'GET /api/v1/session': () => json(200, sessionOf(role)),
    'GET /api/v1/surveys': () => json(200, { data: [...stored.values()] }),
    'GET /api/v1/members': () => json(200, { data: MEMBERS }),
    'GET /api/v1/teams': () => json(200, { data: [] }),
    'PUT /api/v1/surveys/:id': async (request: Request) => {
      const body = SurveyDefinition.parse(await request.json());
      const existed = stored.has(body.id);
      stored.set(body.id, body);
      return json(existed ? 200 : 201, body);
    },
  };
}

afterEach(() => document.body.replaceChildren());

describe('the surveys list', () => {
  it('shows each survey with its status, kind and trigger, and pauses one with a PUT of the whole survey', async () => {
    const { requests } = renderConsole('/surveys', server('admin'));
    const row = (await screen.findByRole('link', { name: 'Shop NPS' })).closest('li')!;
    expect(within(row).getByText('Published')).toBeTruthy();
    expect(within(row).getByText('NPS (0–10)')).toBeTruthy();
    expect(within(row).getByText('shows after 10 s on a page')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Pause Shop NPS' }));
    await waitFor(() => expect(within(row).getByText('Paused')).toBeTruthy());
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.url.pathname).toBe('/api/v1/surveys/shop-nps');
    expect(put?.body).toMatchObject({ id: 'shop-nps', active: false, questions: [{ id: 'nps' }], triggers: [{ type: 'dwell', seconds: 10 }] });
    expect(put?.headers.get('X-CSRF-Token')).toBe('csrf-token-1');
  });

  it('lists every problem of an imported survey by its field, and sends nothing', async () => {
    const { requests } = renderConsole('/surveys', server('admin'));
    fireEvent.click(await screen.findByRole('button', { name: 'Import JSON' }));
    const bad = { id: 'bad survey', name: 'Bad', questions: [{ id: 'q1', type: 'nps', prompt: '' }], triggers: [{ type: 'dwell', seconds: 0 }] };
    fireEvent.input(screen.getByLabelText('Or paste it'), { target: { value: JSON.stringify(bad) } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    const paths = within(alert)
      .getAllByRole('listitem')
      .map((item) => item.querySelector('code')?.textContent);
    expect(paths).toEqual(expect.arrayContaining(['id', 'questions.0.prompt', 'triggers.0.seconds']));
    expect(alert.textContent).toContain('must be 1–64 letters, digits, _ or -');
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });

  it('says where text that is not JSON broke', async () => {
    renderConsole('/surveys', server('admin'));
    fireEvent.click(await screen.findByRole('button', { name: 'Import JSON' }));
    fireEvent.input(screen.getByLabelText('Or paste it'), { target: { value: '{"id": "x",' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/\(file\): is not JSON/);
  });

  it('imports a valid survey, asking before it replaces one with the same id', async () => {
    const { requests } = renderConsole('/surveys', server('admin'));
    await screen.findByRole('link', { name: 'Shop NPS' });
    fireEvent.click(screen.getByRole('button', { name: 'Import JSON' }));
    fireEvent.input(screen.getByLabelText('Or paste it'), { target: { value: JSON.stringify({ ...nps, name: 'Shop NPS v2' }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/already has a survey "shop-nps"/)).toBeTruthy();
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Replace "shop-nps"' }));
    expect(await screen.findByRole('link', { name: 'Shop NPS v2' })).toBeTruthy();
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('shows an agent the surveys without any way to change them', async () => {
    renderConsole('/surveys', server('agent'));
    await screen.findByRole('link', { name: 'Shop NPS' });
    expect(screen.queryByRole('button', { name: 'Import JSON' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New survey' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Pause/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Export JSON: Shop NPS' })).toBeTruthy();
  });
});
