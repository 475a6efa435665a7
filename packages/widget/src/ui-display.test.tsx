import { fireEvent, waitFor, within } from '@testing-library/preact';
import type { SurveyDefinition } from '@closeloop/sdk/schemas';
import { fakeSession, npsSurvey } from './test-support/fake-session.js';
import { HOST_TAG } from './mount.js';
import { createPresenter } from './ui.js';

function open(survey: SurveyDefinition, attributes?: Record<string, string>) {
  const session = { ...fakeSession(survey), attributes };
  const shown = createPresenter({ thankYouMs: 0 })(session);
  const host = () => document.querySelector<HTMLElement>(HOST_TAG)!;
  const card = () => within(host().shadowRoot!.querySelector<HTMLElement>('[data-closeloop-root]')!);
  return { session, shown, host, card };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('languages', () => {
  it('loads Swedish strings on demand for a visitor identified with locale sv', async () => {
    const { shown, card } = open(npsSurvey(), { locale: 'sv-SE' });
    expect(shown).toBeInstanceOf(Promise);
    await shown;
    expect(card().getByRole('radio', { name: '0 – Not likely' })).toBeTruthy(); // the survey's own labels win
    expect(card().getByRole('button', { name: 'Stäng enkäten' })).toBeTruthy();
    await waitFor(() => expect(card().getByRole('status').textContent).not.toBe(''));
    expect(card().getByRole('status').textContent).toBe('Fråga 1 av 2: How likely are you to recommend Acme to a friend?');
  });

  it('shows the survey\'s translation, mirrored for a right-to-left language, with Arabic built-in words', async () => {
    const survey = npsSurvey({
      display: { placement: 'bottom-right', colorScheme: 'auto', theme: {}, locale: 'ar' },
      translations: { ar: { questions: { nps: { prompt: 'ما مدى احتمال أن توصي بنا؟', lowLabel: 'غير محتمل' } } } },
    });
    const { card, shown } = open(survey);
    await shown;
    const dialog = card().getByRole('dialog', { name: 'ما مدى احتمال أن توصي بنا؟' });
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(dialog.getAttribute('lang')).toBe('ar');
    expect(card().getByRole('radio', { name: '0 – غير محتمل' })).toBeTruthy();
    expect(card().getByRole('button', { name: 'إغلاق الاستبيان' })).toBeTruthy();
  });
});

describe('placements and theme', () => {
  it('as a modal: aria-modal, an overlay, and Tab kept inside the card', () => {
    const { card, host } = open(npsSurvey({ display: { placement: 'modal', colorScheme: 'dark', theme: { accent: '#fde047', radius: 4 } } }));
    const dialog = card().getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(host().shadowRoot!.querySelector('.overlay')).not.toBeNull();
    const close = card().getByRole('button', { name: 'Close survey' });
    const skip = card().queryByRole('button', { name: 'Skip' });
    expect(skip).toBeNull();
    const scoreStop = card().getByRole('radio', { name: '0 – Not likely' });
    scoreStop.focus();
    fireEvent.keyDown(scoreStop, { key: 'Tab' });
    expect(host().shadowRoot!.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(host().shadowRoot!.activeElement).toBe(scoreStop);

    // The theme: a dark scheme fixed on the host, the accent with readable text chosen for it.
    expect(host().getAttribute('data-scheme')).toBe('dark');
    const themed = host().shadowRoot!.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('')).join('');
    expect(themed).toContain('--cl-accent: #fde047');
    expect(themed).toContain('--cl-accent-text: #111827');
    expect(themed).toContain('--cl-radius: 4px');
  });

  it('inline: renders inside the page\'s [data-closeloop-inline] element as a region', () => {
    const slot = document.createElement('section');
    slot.setAttribute('data-closeloop-inline', '');
    document.body.append(slot);
    open(npsSurvey({ display: { placement: 'inline', colorScheme: 'auto', theme: {} } }));
    const host = slot.querySelector<HTMLElement>(HOST_TAG)!;
    expect(host).not.toBeNull();
    expect(within(host.shadowRoot!.querySelector<HTMLElement>('[data-closeloop-root]')!).getByRole('region', { name: /recommend/ })).toBeTruthy();
  });

  it('inline without a place on the page: falls back to the corner card', () => {
    const { card, host } = open(npsSurvey({ display: { placement: 'inline', colorScheme: 'auto', theme: {} } }));
    expect(host().parentElement).toBe(document.body);
    expect(card().getByRole('dialog').className).toBe('card bottom-right');
  });
});

describe('the whole flow with logic', () => {
  it('a detractor is asked what went wrong, and the end screen confirms', async () => {
    const { SurveyDefinition, npsFlow } = await import('@closeloop/sdk/schemas');
    const survey = SurveyDefinition.parse({ id: 'flow', name: 'Flow', questions: npsFlow() });
    const { session, card } = open(survey);
    await waitFor(() => expect(card().getByRole('status').textContent).toMatch(/^Question 1 of 2/));
    fireEvent.click(card().getByRole('radio', { name: '3' }));
    const field = card().getByRole('textbox', { name: 'What went wrong?' });
    expect(card().getByRole('status').textContent).toBe('Question 2 of 2: What went wrong?');
    fireEvent.input(field, { target: { value: 'Late parcel' } });
    fireEvent.click(card().getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(card().getByRole('heading', { name: 'Thank you!' })).toBeTruthy());
    expect(session.calls).toEqual([['answer', 'nps', 3], ['answer', 'went-wrong', 'Late parcel'], ['complete']]);
  });
});
