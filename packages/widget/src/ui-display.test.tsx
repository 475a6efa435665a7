import { fireEvent, waitFor, within } from '@testing-library/preact';
import type { SurveyDefinition } from '@closeloop/sdk/schemas';
import { fakeSession, npsSurvey } from './test-support/fake-session.js';
import { HOST_TAG } from './mount.js';
import { createPresenter } from './ui.js';
import type { PresenterOptions } from './ui.js';

function open(survey: SurveyDefinition, attributes?: Record<string, string>, options: PresenterOptions = {}) {
  const session = { ...fakeSession(survey), attributes };
  const shown = createPresenter({ thankYouMs: 0, ...options })(session);
  const host = () => document.querySelector<HTMLElement>(HOST_TAG)!;
  const card = () => within(host().shadowRoot!.querySelector<HTMLElement>('[data-closeloop-root]')!);
  return { session, shown, host, card };
}

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  vi.restoreAllMocks();
});

function scriptTag(attributes: Record<string, string>) {
  const script = document.createElement('script');
  script.type = 'text/plain';
  for (const [name, value] of Object.entries({ 'data-project': 'pk_demo', ...attributes })) script.setAttribute(name, value);
  document.head.append(script);
}

/** What a reader is told a text's language and direction are: its own lang/dir, else the nearest ancestor's. */
function languageOf(element: Element) {
  return { lang: element.closest('[lang]')?.getAttribute('lang'), dir: element.closest('[dir]')?.getAttribute('dir') };
}

describe('one language for the page: data-locale, then identify, then <html lang>, then the browser', () => {
  beforeEach(() => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE']);
  });

  it('speaks the page’s <html lang> over the browser’s languages', async () => {
    document.documentElement.lang = 'sv';
    const { shown, card } = open(npsSurvey());
    await shown;
    expect(card().getByRole('dialog').getAttribute('lang')).toBe('sv');
    expect(card().getByRole('button', { name: 'Stäng enkäten' })).toBeTruthy();
  });

  it('follows the script tag’s data-locale, as the feedback form does, over the page and identify', async () => {
    document.documentElement.lang = 'en';
    scriptTag({ 'data-locale': 'sv' });
    const { shown, card } = open(npsSurvey(), { locale: 'nl' });
    await shown;
    expect(card().getByRole('button', { name: 'Stäng enkäten' })).toBeTruthy();
  });

  it('follows identify’s locale over the page’s lang', async () => {
    document.documentElement.lang = 'en';
    const { shown, card } = open(npsSurvey(), { locale: 'sv-SE' });
    await shown;
    expect(card().getByRole('dialog').getAttribute('lang')).toBe('sv-SE');
    expect(card().getByRole('button', { name: 'Stäng enkäten' })).toBeTruthy();
  });

  it('takes createPresenter({ locale }) where the script tag takes data-locale (npm)', async () => {
    document.documentElement.lang = 'en';
    const { shown, card } = open(npsSurvey(), undefined, { locale: 'sv' });
    await shown;
    expect(card().getByRole('button', { name: 'Stäng enkäten' })).toBeTruthy();
  });

  it('keeps a survey’s display.locale, which fixes that survey’s language whatever the page’s', async () => {
    scriptTag({ 'data-locale': 'sv' });
    const survey = npsSurvey({ display: { placement: 'bottom-right', colorScheme: 'auto', theme: {}, locale: 'ar' }, translations: { ar: {} } });
    const { shown, card } = open(survey);
    await shown;
    expect(card().getByRole('button', { name: 'إغلاق الاستبيان' })).toBeTruthy();
  });
});

describe('each text marked with the language it is in', () => {
  it('marks the survey’s untranslated English prompt as English inside a Swedish card, in the live region too', async () => {
    document.documentElement.lang = 'sv-SE';
    const { shown, card } = open(npsSurvey());
    await shown;
    expect(card().getByRole('dialog').getAttribute('lang')).toBe('sv-SE');
    const prompt = card().getByRole('heading', { name: 'How likely are you to recommend Acme to a friend?' });
    expect(languageOf(prompt)).toEqual({ lang: 'en', dir: 'ltr' });
    // The survey's own end labels are English too; the widget's words around them are Swedish.
    expect(languageOf(card().getByText('Not likely'))).toEqual({ lang: 'en', dir: 'ltr' });
    await waitFor(() => expect(card().getByRole('status').textContent).not.toBe(''));
    expect(card().getByRole('status').textContent).toBe('Fråga 1 av 2: How likely are you to recommend Acme to a friend?');
    expect(languageOf(within(card().getByRole('status')).getByText('How likely are you to recommend Acme to a friend?'))).toEqual({ lang: 'en', dir: 'ltr' });
  });

  it('in an Arabic survey, an untranslated English prompt is isolated left to right, so its question mark ends it', async () => {
    document.documentElement.lang = 'ar';
    const survey = npsSurvey({ translations: { ar: { questions: { nps: { prompt: 'ما مدى احتمال أن توصي بنا؟', lowLabel: 'غير محتمل' } } } } });
    const { shown, card, session } = open(survey);
    await shown;
    expect(languageOf(card().getByRole('dialog'))).toEqual({ lang: 'ar', dir: 'rtl' });
    // Translated texts are in the card's language: they carry no marks of their own.
    const translated = card().getByRole('heading', { name: 'ما مدى احتمال أن توصي بنا؟' });
    expect(translated.hasAttribute('lang')).toBe(false);
    expect(card().getByText('غير محتمل').hasAttribute('lang')).toBe(false);
    expect(languageOf(card().getByText('Very likely'))).toEqual({ lang: 'en', dir: 'ltr' });
    fireEvent.click(card().getByRole('radio', { name: '9' }));
    const english = card().getByRole('heading', { name: 'What is the main reason for your score?' });
    expect(languageOf(english)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(card().getByRole('button', { name: 'إرسال' })).toBeTruthy();
    expect(session.calls).toEqual([['answer', 'nps', 9]]);
  });

  it('marks the texts of a survey written in Swedish (`language: "sv"`) as Swedish on an English page', () => {
    document.documentElement.lang = 'en';
    const swedish = npsSurvey({
      language: 'sv',
      questions: [{ id: 'nps', type: 'nps', prompt: 'Hur troligt är det att du rekommenderar oss?', required: true }],
      thankYou: { title: 'Tack!' },
    });
    const { card } = open(swedish);
    expect(card().getByRole('dialog').getAttribute('lang')).toBe('en');
    expect(languageOf(card().getByRole('heading', { name: 'Hur troligt är det att du rekommenderar oss?' }))).toEqual({ lang: 'sv', dir: 'ltr' });
    // The ends are the widget's own English words here, so they stay unmarked in the English card.
    expect(card().getByText('Not likely').hasAttribute('lang')).toBe(false);
    fireEvent.click(card().getByRole('radio', { name: '10 – Very likely' }));
    expect(languageOf(card().getByRole('heading', { name: 'Tack!' }))).toEqual({ lang: 'sv', dir: 'ltr' });
  });

  it('lays the card out in the language of its own words: English, left to right, when it has none for Hebrew', async () => {
    document.documentElement.lang = 'he';
    const survey = npsSurvey({ translations: { he: { questions: { nps: { prompt: 'עד כמה סביר שתמליץ עלינו?' } } } } });
    const { shown, card } = open(survey);
    await shown;
    expect(languageOf(card().getByRole('dialog'))).toEqual({ lang: 'en', dir: 'ltr' });
    expect(languageOf(card().getByRole('heading', { name: 'עד כמה סביר שתמליץ עלינו?' }))).toEqual({ lang: 'he', dir: 'rtl' });
  });
});

describe('colour scheme auto: the host page’s, else the system’s', () => {
  function declare(meta: string) {
    const tag = document.createElement('meta');
    tag.name = 'color-scheme';
    tag.content = meta;
    document.head.append(tag);
  }

  it('follows a light-only page (meta color-scheme) whatever the system prefers', () => {
    declare('light');
    const { host } = open(npsSurvey());
    expect(host().getAttribute('data-scheme')).toBe('light');
  });

  it('follows a dark-only page', () => {
    declare('only dark');
    const { host } = open(npsSurvey());
    expect(host().getAttribute('data-scheme')).toBe('dark');
  });

  it('leaves it to the system when the page supports both or says nothing', () => {
    declare('light dark');
    expect(open(npsSurvey()).host().hasAttribute('data-scheme')).toBe(false);
    document.head.replaceChildren();
    expect(open(npsSurvey()).host().hasAttribute('data-scheme')).toBe(false);
  });

  it('a survey’s fixed colorScheme still wins over the page’s', () => {
    declare('light');
    const { host } = open(npsSurvey({ display: { placement: 'bottom-right', colorScheme: 'dark', theme: {} } }));
    expect(host().getAttribute('data-scheme')).toBe('dark');
  });
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
