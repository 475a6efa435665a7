import { fireEvent, waitFor, within } from '@testing-library/preact';
import { npsSurvey } from '../test-support/fake-session.js';
import { HOST_TAG } from '../mount.js';
import { createPreview } from './render-preview.js';

function card() {
  return within(document.querySelector(HOST_TAG)!.shadowRoot!.querySelector<HTMLElement>('[data-closeloop-root]')!);
}

afterEach(() => document.body.replaceChildren());

describe('the survey preview', () => {
  it('opens at the question being edited, and answering it reaches no one', async () => {
    const sent: unknown[] = [];
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => (sent.push(args), new Response()));
    const show = createPreview(document, null);
    show({ survey: npsSurvey(), step: 'reason' });
    expect(card().getByRole('dialog', { name: 'What is the main reason for your score?' })).toBeTruthy();
    fireEvent.input(card().getByRole('textbox'), { target: { value: 'Slow' } });
    fireEvent.click(card().getByRole('button', { name: 'Submit' }));
    expect(card().getByRole('heading', { name: 'Thank you!' })).toBeTruthy();
    expect(sent).toEqual([]);
    fetchSpy.mockRestore();
  });

  it('replaces its card with each new draft, in the requested scheme, and shows the thank-you for `end`', () => {
    const show = createPreview(document, null);
    show({ survey: npsSurvey(), scheme: 'dark' });
    expect(document.querySelector(HOST_TAG)!.getAttribute('data-scheme')).toBe('dark');
    const edited = npsSurvey();
    edited.questions[0]!.prompt = 'Would you recommend us?';
    show({ survey: edited, scheme: 'light' });
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(card().getByRole('dialog', { name: 'Would you recommend us?' })).toBeTruthy();
    expect(document.querySelector(HOST_TAG)!.getAttribute('data-scheme')).toBe('light');
    show({ survey: edited, step: 'end' });
    expect(card().getByRole('heading', { name: 'Thank you!' })).toBeTruthy();
  });

  it('shows a translation in its language, with the widget words of that language', async () => {
    const show = createPreview(document, null);
    const survey = npsSurvey({ translations: { fr: { questions: { nps: { prompt: 'Nous recommanderiez-vous ?' } } } } });
    show({ survey, locale: 'fr' });
    await waitFor(() => expect(card().getByRole('dialog', { name: 'Nous recommanderiez-vous ?' })).toBeTruthy());
    expect(card().getByRole('dialog').getAttribute('lang')).toBe('fr');
  });

  it('starts again at the edited question when closed, instead of going blank', async () => {
    const show = createPreview(document, null);
    show({ survey: npsSurvey(), step: 'reason' });
    fireEvent.click(card().getByRole('button', { name: 'Skip' }));
    expect(card().getByRole('heading', { name: 'Thank you!' })).toBeTruthy();
    fireEvent.click(card().getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(card().getByRole('dialog', { name: 'What is the main reason for your score?' })).toBeTruthy());
  });

  it('renders an inline survey inside the page place it is given', () => {
    const place = document.createElement('div');
    document.body.append(place);
    const show = createPreview(document, place);
    show({ survey: npsSurvey({ display: { placement: 'inline', colorScheme: 'auto', theme: {} } }) });
    expect(place.querySelector(HOST_TAG)).not.toBeNull();
    show({ survey: npsSurvey() });
    expect(place.querySelector(HOST_TAG)).toBeNull();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
  });
});
