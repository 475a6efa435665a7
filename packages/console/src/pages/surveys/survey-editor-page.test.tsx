import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { SurveyDefinition } from '@closeloop/sdk/schemas';
import { MEMBERS, sessionOf } from '../../test-support/fixtures.js';
import { json } from '../../test-support/fake-fetch.js';
import { renderConsole } from '../../test-support/render-console.js';

const TEAM = { id: '0190a0b0-0000-7000-8000-0000000000t1'.replace('t1', 'b1'), name: 'Support', memberIds: [], createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' };

const nps = SurveyDefinition.parse({
  id: 'shop-nps',
  name: 'Shop NPS',
  questions: [
    { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend us?' },
    { id: 'why', type: 'text', prompt: 'Why?' },
  ],
  triggers: [{ type: 'dwell', seconds: 10 }],
});

function server(role: 'admin' | 'agent', put?: (body: unknown) => Response) {
  return {
    'GET /api/v1/session': () => json(200, sessionOf(role)),
    'GET /api/v1/surveys': () => json(200, { data: [nps] }),
    'GET /api/v1/members': () => json(200, { data: MEMBERS }),
    'GET /api/v1/teams': () => json(200, { data: [TEAM] }),
    'PUT /api/v1/surveys/:id': async (request: Request) => (put ? put(await request.json()) : json(200, await request.json())),
  };
}

/** What the shared schema says about `survey` at `path`: the editor must show exactly this. */
function schemaMessage(survey: unknown, path: string): string {
  const result = SurveyDefinition.safeParse(survey);
  const issue = result.success ? undefined : result.error.issues.find((i) => i.path.join('.') === path);
  if (!issue) throw new Error(`the schema finds nothing at ${path}`);
  return issue.message;
}

/** The error text tied to a control by aria-describedby. */
function errorOf(control: HTMLElement): string | undefined {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('field-error'))?.textContent ?? undefined;
}

afterEach(() => document.body.replaceChildren());

describe('the survey editor', () => {
  it('shows the schema error beside the field it concerns, and clears it once fixed', async () => {
    renderConsole('/surveys/shop-nps', server('admin'));
    const question = (await screen.findByRole('group', { name: 'Question 1 (nps)' })) as HTMLElement;
    const prompt = within(question).getByLabelText('Prompt');
    fireEvent.input(prompt, { target: { value: '' } });
    const expected = schemaMessage({ ...nps, questions: [{ ...nps.questions[0], prompt: '' }, nps.questions[1]] }, 'questions.0.prompt');
    await waitFor(() => expect(errorOf(prompt)).toBe(expected));
    expect(prompt.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('1 problem to fix before saving')).toBeTruthy();
    fireEvent.input(prompt, { target: { value: 'Would you recommend us?' } });
    await waitFor(() => expect(errorOf(prompt)).toBeUndefined());
  });

  it('names a bad trigger value and a bad theme colour where they were typed, and refuses to save', async () => {
    const { requests } = renderConsole('/surveys/shop-nps', server('admin'));
    const seconds = await screen.findByLabelText('Seconds on the page');
    fireEvent.input(seconds, { target: { value: '0' } });
    const accent = screen.getByLabelText('Accent colour');
    fireEvent.input(accent, { target: { value: 'red' } });
    await waitFor(() => expect(errorOf(accent)).toBe('must be a hex colour such as #0f766e'));
    expect(errorOf(seconds)).toBe(schemaMessage({ ...nps, triggers: [{ type: 'dwell', seconds: 0 }] }, 'triggers.0.seconds'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    const problems = screen.getByText('2 problems to fix before saving').closest('details')!;
    expect(problems.open).toBe(true);
    expect(problems.textContent).toContain('triggers.0.seconds');
    expect(problems.textContent).toContain('display.theme.accent');
  });

  it('saves the edited survey with a PUT, and puts the server\'s 422 issues beside their fields', async () => {
    let calls = 0;
    const { requests } = renderConsole(
      '/surveys/shop-nps',
      server('admin', (body) =>
        ++calls === 1
          ? json(422, { error: { code: 'unknown_routing_target', message: 'no such team', issues: [{ path: 'followUp.routing.0.to.teamId', message: 'no team with this id in the project' }] } })
          : json(200, body),
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Add a routing rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const target = await screen.findByLabelText('Send the case to');
    await waitFor(() => expect(errorOf(target)).toBe('no team with this id in the project'));
    expect(requests.find((r) => r.method === 'PUT')?.body).toMatchObject({ id: 'shop-nps', followUp: { routing: [{ to: { teamId: TEAM.id } }] } });
    // Editing the field the server named clears its issue.
    fireEvent.change(target, { target: { value: `member:${MEMBERS[0]!.id}` } });
    await waitFor(() => expect(errorOf(target)).toBeUndefined());
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved "Shop NPS".');
  });

  it('adds a question of any type with its own fields, and logic that jumps forward', async () => {
    const { requests } = renderConsole('/surveys/shop-nps', server('admin'));
    fireEvent.change(await screen.findByLabelText('New question type'), { target: { value: 'single_choice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    const third = screen.getByRole('group', { name: 'Question 3 (single-choice-1)' });
    expect(within(third).getByLabelText('Option 1 label')).toBeTruthy();
    const first = screen.getByRole('group', { name: 'Question 1 (nps)' });
    fireEvent.click(within(first).getByRole('button', { name: 'Add a rule' }));
    fireEvent.change(within(first).getByLabelText('Rule 1: when'), { target: { value: 'gte' } });
    fireEvent.input(within(first).getByLabelText('Score'), { target: { value: '9' } });
    fireEvent.change(within(first).getByLabelText('Go to'), { target: { value: 'single-choice-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const saved = SurveyDefinition.parse(requests.find((r) => r.method === 'PUT')!.body);
    expect(saved.questions.map((q) => q.type)).toEqual(['nps', 'text', 'single_choice']);
    expect(saved.questions[0]!.logic).toEqual([{ if: { op: 'gte', value: 9 }, goTo: 'single-choice-1' }]);
  });

  it('pauses and publishes from the editor', async () => {
    const { requests } = renderConsole('/surveys/shop-nps', server('admin'));
    fireEvent.click(await screen.findByRole('button', { name: 'Pause' }));
    await screen.findByRole('button', { name: 'Publish' });
    expect(requests.find((r) => r.method === 'PUT')?.body).toMatchObject({ active: false });
  });

  it('will not create a new survey under the id of an existing one', async () => {
    renderConsole('/surveys/_new', server('admin'));
    const id = await screen.findByLabelText('Survey id');
    fireEvent.input(id, { target: { value: 'shop-nps' } });
    await waitFor(() => expect(errorOf(id)).toBe('the project has a survey "shop-nps" already: pick another id'));
  });

  it('shows an agent the survey read-only: no save, no publish, fields disabled', async () => {
    renderConsole('/surveys/shop-nps', server('agent'));
    const prompt = within(await screen.findByRole('group', { name: 'Question 1 (nps)' })).getByLabelText('Prompt') as HTMLTextAreaElement;
    // Inside a disabled fieldset every control is disabled (the browser test checks it for real).
    expect(prompt.closest('fieldset[disabled]')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    expect(screen.getByText('Your role can look at this survey but not change it.')).toBeTruthy();
  });
});
