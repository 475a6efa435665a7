import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Attributes, FeedbackInput } from '@closeloop/sdk';
import { openFeedbackForm } from './feedback-form.js';
import { feedbackOpen } from './feedback-open.js';
import type { FeedbackFormOptions } from './feedback-form.js';
import { mountFeedbackTab } from './mount-feedback-tab.js';
import type { FeedbackTab } from './mount-feedback-tab.js';
import { resolveFeedbackLocale } from './i18n/load-feedback-strings.js';

function setUp(identified = false, extra: Pick<FeedbackFormOptions, 'locale' | 'colorScheme'> = {}, attributes?: Attributes) {
  const sent: FeedbackInput[] = [];
  const core = { identified, attributes, feedback: vi.fn((input: FeedbackInput) => (sent.push(input), true)) };
  const onOpen = vi.fn((tab: FeedbackTab) => openFeedbackForm({ tab, core, position: 'right', ...extra }));
  const tab = mountFeedbackTab(document, { label: 'Feedback', position: 'right' }, onOpen);
  const $ = <E extends Element = HTMLElement>(selector: string) => tab.root.querySelector<E>(selector);
  return { tab, core, sent, onOpen, $ };
}

function type(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the feedback button', () => {
  afterEach(() => document.body.replaceChildren());

  it('is one real button in its own shadow root, mounted once however often it is asked', () => {
    const { tab } = setUp();
    expect(mountFeedbackTab(document, { label: 'Other', position: 'left' }, () => {})).toMatchObject({ host: tab.host, button: tab.button });
    expect(document.querySelectorAll('closeloop-feedback')).toHaveLength(1);
    expect(tab.button.textContent).toBe('Feedback');
    expect(tab.button.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens a dialog with the focus on the first category, sends a problem and confirms in a live region', () => {
    const { tab, sent, $ } = setUp();
    tab.button.click();
    expect(tab.button.getAttribute('aria-expanded')).toBe('true');
    const dialog = $('[role="dialog"]');
    expect(dialog?.getAttribute('aria-labelledby')).toBe('clf-title');
    expect(tab.root.activeElement).toBe($('input[value="idea"]'));

    $<HTMLInputElement>('input[value="problem"]')!.click();
    type($<HTMLTextAreaElement>('#clf-comment')!, 'The coupon code is refused');
    expect($('#clf-count')?.textContent).toBe('26 / 2000');
    type($<HTMLInputElement>('#clf-email')!, ' ana@example.com ');
    $<HTMLFormElement>('form')!.requestSubmit();

    expect(sent).toEqual([{ category: 'problem', comment: 'The coupon code is refused', email: 'ana@example.com' }]);
    expect($('[role="status"]')?.textContent).toBe('Thank you! We received your feedback.');
    expect($('form')).toBeNull();
    expect(tab.root.activeElement?.textContent).toBe('Close');
  });

  it('names what is missing and moves focus to it, sending nothing', () => {
    const { tab, core, $ } = setUp();
    tab.button.click();
    $<HTMLFormElement>('form')!.requestSubmit();
    expect($('#clf-error')?.textContent).toMatch(/Choose what your feedback is about/);
    expect(tab.root.activeElement).toBe($('input[value="idea"]'));

    $<HTMLInputElement>('input[value="idea"]')!.click();
    type($<HTMLTextAreaElement>('#clf-comment')!, '   ');
    $<HTMLFormElement>('form')!.requestSubmit();
    const comment = $('#clf-comment');
    expect($('#clf-error')?.textContent).toMatch(/Write a few words/);
    expect(comment?.getAttribute('aria-invalid')).toBe('true');
    expect(comment?.getAttribute('aria-describedby')).toContain('clf-error');
    expect(tab.root.activeElement).toBe(comment);
    expect(core.feedback).not.toHaveBeenCalled();
  });

  it('closes on Escape and gives focus back to the tab', () => {
    const { tab, $ } = setUp();
    tab.button.focus();
    tab.button.click();
    $('#clf-comment')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect($('[role="dialog"]')).toBeNull();
    expect(tab.button.getAttribute('aria-expanded')).toBe('false');
    expect(tab.root.activeElement).toBe(tab.button);
  });

  it('takes the error away once the visitor fixes what it named', () => {
    const { tab, $ } = setUp();
    tab.button.click();
    $<HTMLFormElement>('form')!.requestSubmit();
    expect($('#clf-error')?.textContent).toBe('Choose what your feedback is about.');
    $<HTMLInputElement>('input[value="problem"]')!.click();
    expect($('#clf-error')?.textContent).toBe('');
    expect(tab.root.querySelectorAll('[aria-invalid]')).toHaveLength(0);

    $<HTMLFormElement>('form')!.requestSubmit();
    expect($('#clf-error')?.textContent).toBe('Write a few words before sending.');
    type($<HTMLTextAreaElement>('#clf-comment')!, 'W');
    expect($('#clf-error')?.textContent).toBe('');
    expect($('#clf-comment')?.getAttribute('aria-invalid')).toBeNull();
    expect($('#clf-comment')?.getAttribute('aria-describedby')).toBe('clf-count');
  });

  it('keeps the draft, unsent, when closed and puts it back on reopen; once sent the next form starts empty', () => {
    const { tab, core, $ } = setUp();
    tab.button.click();
    $<HTMLInputElement>('input[value="praise"]')!.click();
    type($<HTMLTextAreaElement>('#clf-comment')!, 'Lovely stitching');
    type($<HTMLInputElement>('#clf-email')!, 'ana@example.com');
    $('#clf-comment')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect($('[role="dialog"]')).toBeNull();
    expect(core.feedback).not.toHaveBeenCalled();

    tab.button.click();
    expect($<HTMLInputElement>('input[value="praise"]')?.checked).toBe(true);
    expect($<HTMLTextAreaElement>('#clf-comment')?.value).toBe('Lovely stitching');
    expect($('#clf-count')?.textContent).toBe('16 / 2000');
    expect($<HTMLInputElement>('#clf-email')?.value).toBe('ana@example.com');
    expect(tab.root.activeElement).toBe($('input[value="praise"]'));

    $<HTMLFormElement>('form')!.requestSubmit();
    expect(core.feedback).toHaveBeenCalledTimes(1);
    $<HTMLButtonElement>('.actions .button')!.click();
    tab.button.click();
    expect($<HTMLTextAreaElement>('#clf-comment')?.value).toBe('');
    expect(tab.root.querySelector('input:checked')).toBeNull();
  });

  it('gives focus back to where it was before the form took it', () => {
    const search = document.createElement('input');
    document.body.append(search);
    search.focus();
    const { tab, $ } = setUp();
    // A tap that does not focus the tab (Safari): focus was still in the page's field.
    tab.button.click();
    expect(tab.root.activeElement).toBe($('input[value="idea"]'));
    $('#clf-comment')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.activeElement).toBe(search);
  });

  it('tells the core it is open (feedbackOpen) from opening until it closes', () => {
    const { tab, $ } = setUp();
    expect(feedbackOpen(document)).toBe(false);
    tab.button.click();
    expect(feedbackOpen(document)).toBe(true);
    $<HTMLButtonElement>('button.close')!.click();
    expect(feedbackOpen(document)).toBe(false);
  });

  it('asks an identified user for no email, and a second activation refocuses the open form', () => {
    const { tab, $ } = setUp(true);
    tab.button.click();
    tab.button.click();
    expect(tab.root.querySelectorAll('[role="dialog"]')).toHaveLength(1);
    expect($('#clf-email')).toBeNull();
    expect(tab.root.activeElement).toBe($('input[value="idea"]'));
  });
});

describe('the feedback form’s language and colours', () => {
  afterEach(() => {
    document.head.replaceChildren();
    document.body.replaceChildren();
    document.documentElement.removeAttribute('lang');
    vi.restoreAllMocks();
  });

  function scriptTag(attributes: Record<string, string>) {
    const script = document.createElement('script');
    for (const [name, value] of Object.entries({ 'data-project': 'pk_demo', ...attributes })) script.setAttribute(name, value);
    document.head.append(script);
  }

  it('picks the first of the page’s wanted languages it has words for, else English', () => {
    expect(resolveFeedbackLocale(['de'])).toBe('de');
    expect(resolveFeedbackLocale(['ja', 'nn-NO', 'sv'])).toBe('nn-NO');
    expect(resolveFeedbackLocale(['ja'])).toBe('en');
    expect(resolveFeedbackLocale([])).toBe('en');
  });

  it('speaks the page’s <html lang> over the browser’s languages, as the survey does', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de']);
    document.documentElement.lang = 'sv';
    const { tab, onOpen, $ } = setUp();
    tab.button.click();
    await onOpen.mock.results[0]?.value;
    expect($('[role="dialog"]')?.getAttribute('lang')).toBe('sv');
    expect($('#clf-title')?.textContent).toBe('Skicka feedback');
  });

  it('follows the locale given to identify over the page’s lang, and data-locale over both', async () => {
    document.documentElement.lang = 'en';
    const identified = setUp(true, {}, { locale: 'nl-NL' });
    identified.tab.button.click();
    await identified.onOpen.mock.results[0]?.value;
    expect(identified.$('#clf-title')?.textContent).toBe('Feedback geven');

    document.body.replaceChildren();
    scriptTag({ 'data-locale': 'sv' });
    const fixed = setUp(true, {}, { locale: 'nl-NL' });
    fixed.tab.button.click();
    await fixed.onOpen.mock.results[0]?.value;
    expect(fixed.$('#clf-title')?.textContent).toBe('Skicka feedback');
  });

  it('speaks the browser’s language, loaded on demand, in full, down to the confirmation', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['sv-SE', 'en']);
    const { tab, sent, onOpen, $ } = setUp();
    tab.button.click();
    await onOpen.mock.results[0]?.value;
    const dialog = $('[role="dialog"]')!;
    expect(dialog.getAttribute('lang')).toBe('sv-SE');
    expect(dialog.getAttribute('dir')).toBe('ltr');
    expect($('#clf-title')?.textContent).toBe('Skicka feedback');
    expect([...tab.root.querySelectorAll('.cat span')].map((span) => span.textContent)).toEqual(['Idé', 'Problem', 'Beröm', 'Annat']);
    expect($('button.close')?.getAttribute('aria-label')).toBe('Stäng feedback');
    $<HTMLFormElement>('form')!.requestSubmit();
    expect($('#clf-error')?.textContent).toBe('Välj vad din feedback gäller.');
    $<HTMLInputElement>('input[value="praise"]')!.click();
    type($<HTMLTextAreaElement>('#clf-comment')!, 'Snabb leverans');
    $<HTMLFormElement>('form')!.requestSubmit();
    expect(sent).toEqual([{ category: 'praise', comment: 'Snabb leverans' }]);
    expect($('[role="status"]')?.textContent).toBe('Tack! Vi har tagit emot din feedback.');
  });

  it('follows data-locale over the browser, mirrored for a right-to-left language', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de']);
    scriptTag({ 'data-locale': 'ar' });
    const { tab, onOpen, $ } = setUp();
    tab.button.click();
    await onOpen.mock.results[0]?.value;
    expect($('[role="dialog"]')?.getAttribute('dir')).toBe('rtl');
    expect($('[role="dialog"]')?.getAttribute('lang')).toBe('ar');
    expect($('#clf-title')?.textContent).toBe('أرسل ملاحظاتك');
  });

  it('shows a language it has no words for in English, laid out left to right, never English mirrored', () => {
    scriptTag({ 'data-locale': 'he' });
    const { tab, $ } = setUp();
    tab.button.click();
    expect($('[role="dialog"]')?.getAttribute('dir')).toBe('ltr');
    expect($('[role="dialog"]')?.getAttribute('lang')).toBe('en');
    expect($('#clf-title')?.textContent).toBe('Send feedback');
  });

  it('opens one form even when activated twice while its language loads', async () => {
    const { tab, onOpen } = setUp(false, { locale: 'fr' });
    tab.button.click();
    tab.button.click();
    await Promise.all(onOpen.mock.results.map((result) => result.value));
    expect(tab.root.querySelectorAll('[role="dialog"]')).toHaveLength(1);
    expect(tab.root.querySelector('#clf-title')?.textContent).toBe('Donner votre avis');
  });

  it('auto follows the host page’s declared color-scheme, else the system; data-color-scheme still wins', () => {
    const meta = document.createElement('meta');
    meta.name = 'color-scheme';
    meta.content = 'light';
    document.head.append(meta);
    const page = setUp();
    page.tab.button.click();
    expect(page.tab.host.getAttribute('data-scheme')).toBe('light');

    document.body.replaceChildren();
    scriptTag({ 'data-color-scheme': 'dark' });
    const fixed = setUp();
    fixed.tab.button.click();
    expect(fixed.tab.host.getAttribute('data-scheme')).toBe('dark');

    document.head.replaceChildren();
    document.body.replaceChildren();
    const system = setUp();
    system.tab.button.click();
    expect(system.tab.host.hasAttribute('data-scheme')).toBe(false);
  });

  it('fixes the colour scheme from data-color-scheme on the host; a bad value warns naming it and follows the system', () => {
    scriptTag({ 'data-color-scheme': 'dark' });
    const first = setUp();
    first.tab.button.click();
    expect(first.tab.host.getAttribute('data-scheme')).toBe('dark');

    document.head.replaceChildren();
    document.body.replaceChildren();
    scriptTag({ 'data-color-scheme': 'sepia' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const second = setUp();
    second.tab.button.click();
    expect(second.tab.host.hasAttribute('data-scheme')).toBe(false);
    expect(String(warn.mock.calls[0]?.[0])).toContain('data-color-scheme="sepia"');
    expect(second.tab.root.querySelector('[role="dialog"]')).not.toBeNull();
  });
});
