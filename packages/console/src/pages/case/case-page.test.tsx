import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { FollowUp } from '@closeloop/sdk/schemas';
import type { CaseDetail } from '@closeloop/sdk/schemas';
import { errorReply, json } from '../../test-support/fake-fetch.js';
import { AGENT_ID, MEMBERS, caseDetailOf, sessionOf, surveyCase } from '../../test-support/fixtures.js';
import { renderConsole } from '../../test-support/render-console.js';

const SURVEY = {
  id: 'nps',
  name: 'Shop NPS',
  questions: [
    { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend Demo Shop?' },
    { id: 'comment', type: 'text', prompt: 'What is the main reason for your score?' },
  ],
};

/** The case page against a fake server that keeps one case and applies PATCHes to it (raising its version). */
function casePage(start: FollowUp, { role = 'agent' as 'agent' | 'viewer', url = `/cases/${start.id}`, handlers = {} as Parameters<typeof renderConsole>[1] } = {}) {
  let detail: CaseDetail = caseDetailOf(start);
  const set = (change: Partial<FollowUp>) => {
    detail = { ...detail, case: { ...detail.case, ...change, version: detail.case.version + 1 } as FollowUp };
    return json(200, detail.case);
  };
  const rendered = renderConsole(url, {
    'GET /api/v1/session': () => json(200, sessionOf(role)),
    'GET /api/v1/follow-ups/:id': () => json(200, detail),
    'PATCH /api/v1/follow-ups/:id': async (request) => set((await request.json()) as Partial<FollowUp>),
    'GET /api/v1/members': () => json(200, { data: MEMBERS }),
    'GET /api/v1/teams': () => json(200, { data: [] }),
    'GET /api/v1/surveys': () => json(200, { data: [SURVEY] }),
    'GET /api/v1/settings': () => json(200, { rootCauses: [{ id: 'delivery', label: 'Slow delivery' }] }),
    ...handlers,
  });
  return { ...rendered, set, current: () => detail };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the case page', () => {
  it("shows the customer's answers under their questions first, then the context and the timeline", async () => {
    casePage(surveyCase());
    await screen.findByRole('heading', { level: 1, name: 'NPS 3 · customer-42' });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.slice(0, 3)).toEqual(['What the customer said', 'Customer and context', 'Timeline']);
    const answers = screen.getByRole('region', { name: 'What the customer said' });
    expect(answers.textContent).toContain('What is the main reason for your score?Delivery took two weeks.');
    const context = screen.getByRole('region', { name: 'Customer and context' });
    expect(context.textContent).toContain('https://shop.example/checkout');
    expect(context.textContent).toContain('Mobile');
    expect(context.textContent).toContain('Agreed, by email: customer@example.com');
    expect(within(context).getByRole('table', { name: 'Attributes' }).textContent).toContain('plan');
    expect(screen.getByRole('region', { name: 'Timeline' }).textContent).toContain('Case opened, high priority');
  });

  it('says why a customer gave no contact answer: no such step, passed over for a verified email, or left before it', async () => {
    const withContact = { ...SURVEY, questions: [...SURVEY.questions, { id: 'contact', type: 'contact', prompt: 'May we contact you about this?' }] };
    const contactLine = async (followUp: FollowUp, surveys: unknown[]) => {
      const detail = caseDetailOf(followUp);
      const { unmount } = casePage(followUp, {
        handlers: { 'GET /api/v1/follow-ups/:id': () => json(200, { ...detail, customer: { ...detail.customer, contact: null } }), 'GET /api/v1/surveys': () => json(200, { data: surveys }) },
      });
      const context = await screen.findByRole('region', { name: 'Customer and context' });
      // Once the surveys are read: the line no longer hedges.
      await waitFor(() => expect(context.textContent).not.toContain('Not asked, or not answered'));
      const text = context.textContent;
      unmount();
      return text;
    };
    const leftEarly = (respondent: Record<string, unknown>) => {
      const followUp = surveyCase();
      return surveyCase({ response: { ...(followUp.source === 'survey' && followUp.response), finished: false, respondent } });
    };
    const anonymous = { anonymousId: 'anon-1', verified: false };
    expect(await contactLine(leftEarly(anonymous), [SURVEY])).toContain('Not asked: the survey has no contact step');
    expect(await contactLine(leftEarly(anonymous), [withContact])).toContain('Not answered: the customer left the survey before this step');
    const known = { anonymousId: 'anon-1', userId: 'customer-42', attributes: { email: 'jane@shop.example' }, verified: true };
    expect(await contactLine(leftEarly(known), [withContact])).toContain('Not asked: their verified email is under Attributes');
    const { response, surveyId: _surveyId, reason: _reason, ...common } = surveyCase() as Extract<FollowUp, { source: 'survey' }>;
    const feedback = { id: response.id, category: 'problem', comment: 'The coupon field is gone', respondent: response.respondent, context: response.context, sentAt: response.answeredAt, receivedAt: response.receivedAt, followUpId: common.id };
    expect(await contactLine(FollowUp.parse({ ...common, source: 'feedback', feedback }), [withContact])).toContain('No email left with the feedback');
  });

  it('names what a later step of the answer brought by its questions, as the customer read them', async () => {
    const start = surveyCase();
    const step = (n: number, questionIds: string[]) => ({
      id: `0190a0b2-0000-7000-8000-00000000000${n}`,
      type: 'answer_updated',
      actor: { kind: 'customer' },
      at: start.createdAt,
      before: null,
      after: { questionIds },
    });
    // The comment, then a question the survey no longer has: that one is told without a name.
    const detail = caseDetailOf(start, { timeline: [...caseDetailOf(start).timeline, step(2, ['comment']), step(3, ['gone'])] });
    casePage(start, { handlers: { 'GET /api/v1/follow-ups/:id': () => json(200, detail) } });
    const timeline = await screen.findByRole('region', { name: 'Timeline' });
    await waitFor(() => expect(timeline.textContent).toContain('The customer answered “What is the main reason for your score?”'));
    expect(timeline.textContent).toContain('The customer added to their answer');
  });

  it('offers only the legal status moves (resolving goes through the form) and sends each change with the version', async () => {
    const { requests } = casePage(surveyCase({ status: 'waiting_on_customer' }));
    const status = (await screen.findByLabelText('Status')) as HTMLSelectElement;
    expect([...status.options].map((o) => o.value)).toEqual(['waiting_on_customer', 'in_progress']);
    fireEvent.click(screen.getByRole('button', { name: 'Assign to me' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ assigneeId: AGENT_ID, version: 1 }));
    await waitFor(() => expect((screen.getByLabelText('Assignee') as HTMLSelectElement).value).toBe(AGENT_ID));
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'urgent' } });
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH').at(-1)?.body).toEqual({ priority: 'urgent', version: 2 }));
  });

  it('says when someone else changed the case (409) and shows their change', async () => {
    const start = surveyCase();
    const page = casePage(start, {
      handlers: {
        'PATCH /api/v1/follow-ups/:id': () => {
          page.set({ priority: 'low' });
          return errorReply(409, 'version_conflict', 'is 1, but the case is at version 2 (status open): reload it and apply the change again');
        },
      },
    });
    await screen.findByLabelText('Priority');
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'urgent' } });
    await waitFor(() => expect(screen.getByText(/Someone else changed this case while you had it open/)).toBeTruthy());
    await waitFor(() => expect((screen.getByLabelText('Priority') as HTMLSelectElement).value).toBe('low'));
  });

  it('records a contact with the customer as a note of that kind', async () => {
    const { requests } = casePage(surveyCase(), { handlers: { 'POST /api/v1/follow-ups/:id/notes': () => json(201, surveyCase()) } });
    await screen.findByRole('heading', { name: 'Add a note' });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByText('must not be empty')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Contact with the customer'));
    fireEvent.input(screen.getByLabelText('What was said'), { target: { value: 'Called, apologised, refund on its way.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record contact' }));
    await waitFor(() => expect(requests.find((r) => r.url.pathname.endsWith('/notes'))?.body).toEqual({ body: 'Called, apologised, refund on its way.', kind: 'contact', version: 1 }));
  });

  it('resolves with a root cause and compensation, naming each missing field first', async () => {
    const { requests } = casePage(surveyCase(), { url: `/cases/${surveyCase().id}?resolve=1`, handlers: { 'POST /api/v1/follow-ups/:id/resolve': () => json(200, surveyCase({ status: 'resolved' })) } });
    const resolution = await screen.findByLabelText('Resolution');
    // Opened from the inbox's `e`: the form is ready to type in.
    await waitFor(() => expect(document.activeElement).toBe(resolution));
    fireEvent.click(screen.getByRole('button', { name: 'Resolve case' }));
    await waitFor(() => expect(resolution.getAttribute('aria-invalid')).toBe('true'));
    fireEvent.change(resolution, { target: { value: 'compensated' } });
    fireEvent.input(screen.getByLabelText('Summary'), { target: { value: 'Refunded the shipping.' } });
    fireEvent.change(screen.getByLabelText('Root cause'), { target: { value: 'delivery' } });
    fireEvent.input(screen.getByLabelText('Kind'), { target: { value: 'refund' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resolve case' }));
    expect(await screen.findByText('must be a number')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Value'), { target: { value: '4.95' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resolve case' }));
    await waitFor(() =>
      expect(requests.find((r) => r.url.pathname.endsWith('/resolve'))?.body).toEqual({
        resolution: 'compensated',
        summary: 'Refunded the shipping.',
        rootCause: 'delivery',
        compensation: { kind: 'refund', value: 4.95 },
        version: 1,
      }),
    );
  });

  it('closes the loop on the channels the customer can be reached on, with a preview of the message', async () => {
    const { requests } = casePage(surveyCase({ status: 'resolved', resolution: { resolution: 'fixed', summary: 'Shipped again.', resolvedAt: '2026-11-30T11:00:00.000Z' } }), {
      handlers: { 'POST /api/v1/follow-ups/:id/close-loop': () => json(201, surveyCase({ status: 'resolved' })) },
    });
    await screen.findByRole('heading', { name: 'Close the loop' });
    expect((screen.getByRole('checkbox', { name: /Email/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: /In the widget/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.input(screen.getByLabelText('Message to the customer'), { target: { value: 'We shipped a new parcel.\n\nIt arrives tomorrow.' } });
    const preview = screen.getByRole('group', { name: 'Preview of what the customer will see' });
    expect(preview.textContent).toContain('By email to customer@example.com');
    expect(preview.textContent).toContain('Subject: Your feedback to Demo Shop');
    expect(preview.textContent).toContain('You told us:Delivery took two weeks.');
    expect(within(preview).getAllByText('It arrives tomorrow.')).toHaveLength(2);
    fireEvent.click(screen.getByRole('checkbox', { name: /In the widget/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Send to the customer' }));
    await waitFor(() => expect(requests.find((r) => r.url.pathname.endsWith('/close-loop'))?.body).toEqual({ message: 'We shipped a new parcel.\n\nIt arrives tomorrow.', channels: ['email'], version: 1 }));
  });

  it('lets a viewer read the case but change nothing', async () => {
    casePage(surveyCase(), { role: 'viewer' });
    await screen.findByText('Your role can read this case but not change it.');
    expect((screen.getByLabelText('Status') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText('Assignee') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Assign to me' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Add a note' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Resolve' })).toBeNull();
  });
});
