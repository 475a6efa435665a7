import { fireEvent, waitFor, within } from '@testing-library/preact';
import type { TriggerSource } from '@closeloop/sdk';
import { fakeSession, npsSurvey } from './test-support/fake-session.js';
import { HOST_TAG } from './mount.js';
import { createPresenter } from './ui.js';
import { openFeedbackForm } from './feedback/feedback-form.js';
import { mountFeedbackTab } from './feedback/mount-feedback-tab.js';

function open(survey = npsSurvey(), trigger: TriggerSource = 'manual') {
  const session = { ...fakeSession(survey), trigger };
  const present = createPresenter({ thankYouMs: 0 });
  void present(session);
  const root = document.querySelector(HOST_TAG)!.shadowRoot!;
  const card = within(root.querySelector<HTMLElement>('[data-closeloop-root]')!);
  return { session, root, card, present };
}

let opener: HTMLButtonElement;

beforeEach(() => {
  opener = document.createElement('button');
  opener.textContent = 'Buy';
  document.body.append(opener);
  opener.focus();
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('present', () => {
  it('runs NPS → text → thank-you, reporting answer, answer, complete in order', async () => {
    const { session, root, card } = open();
    const dialog = card.getByRole('dialog', { name: 'How likely are you to recommend Acme to a friend?' });
    expect(dialog).toBeTruthy();
    // The live region is there empty at first, then names the step: a change screen readers do announce.
    expect(card.getByRole('status').textContent).toBe('');
    await waitFor(() => expect(card.getByRole('status').textContent).toBe('Question 1 of 2: How likely are you to recommend Acme to a friend?'));

    // Focus moved into the widget, onto the group's tab stop.
    expect(root.activeElement).toBe(card.getByRole('radio', { name: '0 – Not likely' }));
    fireEvent.keyDown(root.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(root.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(root.activeElement!, { key: 'Enter' });
    expect(session.calls).toEqual([['answer', 'nps', 2]]);

    const field = card.getByRole('textbox', { name: 'What is the main reason for your score?' });
    expect(root.activeElement).toBe(field);
    expect(card.getByRole('status').textContent).toBe('Question 2 of 2: What is the main reason for your score?');
    fireEvent.input(field, { target: { value: 'Checkout failed' } });
    fireEvent.click(card.getByRole('button', { name: 'Submit' }));

    expect(session.calls).toEqual([['answer', 'nps', 2], ['answer', 'reason', 'Checkout failed'], ['complete']]);
    expect(card.getByRole('heading', { name: 'Thank you!' })).toBeTruthy();
    expect(card.getByRole('status').textContent).toBe('Thank you! Your feedback goes straight to our team.');
    expect(root.activeElement).toBe(card.getByRole('button', { name: 'Done' }));

    fireEvent.click(card.getByRole('button', { name: 'Done' }));
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(session.calls.at(-1)).toEqual(['complete']);
    expect(document.activeElement).toBe(opener);
  });

  it('asks an anonymous detractor how to reach them after the comment, and keeps the promise of a reply only on yes', async () => {
    const promise = 'We read every answer, and when something went wrong we will get back to you.';
    const survey = npsSurvey({
      questions: [...npsSurvey().questions, { id: 'reach', type: 'contact', prompt: 'May we contact you about this?', required: false }],
      thankYou: { title: 'Thank you!', body: promise },
    });
    const walk = (consent: 'Yes' | 'No') => {
      const { session, card } = open(survey);
      fireEvent.click(card.getByRole('radio', { name: '3' }));
      fireEvent.click(card.getByRole('button', { name: 'Skip' }));
      expect(card.getByRole('radiogroup', { name: 'May we contact you about this?' })).toBeTruthy();
      fireEvent.click(card.getByRole('radio', { name: consent }));
      if (consent === 'Yes') fireEvent.input(card.getByRole('textbox', { name: 'Your email address' }), { target: { value: 'ann@example.com' } });
      fireEvent.click(card.getByRole('button', { name: 'Submit' }));
      return { session, card };
    };

    const agreed = walk('Yes');
    expect(agreed.session.calls.slice(-2)).toEqual([['answer', 'reach', { consent: true, channel: 'email', address: 'ann@example.com' }], ['complete']]);
    expect(agreed.card.getByText(promise)).toBeTruthy();
    fireEvent.click(agreed.card.getByRole('button', { name: 'Done' }));

    const declined = walk('No');
    expect(declined.session.calls.slice(-2)).toEqual([['answer', 'reach', { consent: false }], ['complete']]);
    expect(declined.card.queryByText(promise)).toBeNull();
    expect(declined.card.getByText('Thanks for telling us. We read every answer.')).toBeTruthy();
    await waitFor(() => expect(declined.card.getByRole('status').textContent).toBe('Thank you! Thanks for telling us. We read every answer.'));
  });

  it('never asks a verified customer with an email how to reach them', () => {
    const survey = npsSurvey({ questions: [...npsSurvey().questions, { id: 'reach', type: 'contact', prompt: 'May we contact you about this?', required: false }] });
    const session = { ...fakeSession(survey), signature: 'ab'.repeat(32), attributes: { email: 'ann@example.com' } };
    void createPresenter({ thankYouMs: 0 })(session);
    const card = within(document.querySelector(HOST_TAG)!.shadowRoot!.querySelector<HTMLElement>('[data-closeloop-root]')!);
    fireEvent.click(card.getByRole('radio', { name: '3' }));
    fireEvent.click(card.getByRole('button', { name: 'Skip' }));
    expect(card.getByRole('heading', { name: 'Thank you!' })).toBeTruthy();
    expect(session.calls).toEqual([['answer', 'nps', 3], ['complete']]);
  });

  it('completes when the optional last question is skipped', () => {
    const { session, card } = open();
    fireEvent.click(card.getByRole('radio', { name: '10 – Very likely' }));
    fireEvent.click(card.getByRole('button', { name: 'Skip' }));
    expect(session.calls).toEqual([['answer', 'nps', 10], ['complete']]);
  });

  it('a survey that opened by itself announces itself but leaves focus where the visitor is typing', async () => {
    const field = document.createElement('input');
    document.body.prepend(field);
    field.focus();
    const { session, root, card } = open(npsSurvey(), 'dwell');
    expect(card.getByRole('dialog', { name: /recommend Acme/ })).toBeTruthy();
    expect(document.activeElement).toBe(field);
    expect(root.activeElement).toBeNull();
    await waitFor(() => expect(card.getByRole('status').textContent).toMatch(/^Question 1 of 2: How likely/));
    expect(document.activeElement).toBe(field);

    // Reached with Tab instead (the host is the page's last element): from then on each step moves focus on.
    const stop = card.getByRole('radio', { name: '0 – Not likely' });
    expect(stop.tabIndex).toBe(0);
    stop.focus();
    fireEvent.keyDown(stop, { key: 'ArrowRight' });
    fireEvent.keyDown(root.activeElement!, { key: 'Enter' });
    expect(session.calls).toEqual([['answer', 'nps', 1]]);
    expect(root.activeElement).toBe(card.getByRole('textbox', { name: 'What is the main reason for your score?' }));
  });

  it('a survey that opened by itself and was answered with the pointer moves focus on from then', () => {
    const { root, card } = open(npsSurvey(), 'exit-intent');
    const score = card.getByRole('radio', { name: '7' });
    fireEvent.pointerDown(score);
    fireEvent.click(score);
    expect(root.activeElement).toBe(card.getByRole('textbox', { name: 'What is the main reason for your score?' }));
  });

  it('a modal takes focus even when it opened by itself: it hides the page', () => {
    const { root, card } = open(npsSurvey({ display: { placement: 'modal', colorScheme: 'auto', theme: {} } }), 'scroll');
    expect(root.activeElement).toBe(card.getByRole('radio', { name: '0 – Not likely' }));
  });

  it('dismisses on Escape, unmounts, and returns focus to where it was', () => {
    const { session, root } = open();
    fireEvent.keyDown(root.activeElement!, { key: 'Escape' });
    expect(session.calls).toEqual([['dismiss']]);
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('dismisses from the close button', () => {
    const { session, card } = open();
    fireEvent.click(card.getByRole('radio', { name: '0 – Not likely' }));
    fireEvent.click(card.getByRole('button', { name: 'Close survey' }));
    expect(session.calls).toEqual([['answer', 'nps', 0], ['dismiss']]);
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });

  it('closes (as dismissed) a survey still open when the next one is presented, keeping one host', () => {
    const first = open();
    const second = fakeSession(npsSurvey({ id: 'other' }));
    void first.present(second);
    expect(first.session.calls).toEqual([['dismiss']]);
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(second.calls).toEqual([]);
  });

  it('keeps a comment typed but not sent for the page, and puts it back when the survey shows again', () => {
    const { session, card, present } = open();
    fireEvent.click(card.getByRole('radio', { name: '3' }));
    fireEvent.input(card.getByRole('textbox'), { target: { value: 'Checkout failed' } });
    fireEvent.keyDown(card.getByRole('textbox'), { key: 'Escape' });
    expect(session.calls).toEqual([['answer', 'nps', 3], ['dismiss']]);

    const again = fakeSession(npsSurvey());
    void present(again);
    const card2 = within(document.querySelector(HOST_TAG)!.shadowRoot!.querySelector<HTMLElement>('[data-closeloop-root]')!);
    fireEvent.click(card2.getByRole('radio', { name: '3' }));
    expect(card2.getByRole<HTMLTextAreaElement>('textbox').value).toBe('Checkout failed');
    // Sent only when the visitor sends it; then the draft is gone.
    fireEvent.click(card2.getByRole('button', { name: 'Submit' }));
    expect(again.calls).toEqual([['answer', 'nps', 3], ['answer', 'reason', 'Checkout failed'], ['complete']]);
    fireEvent.click(card2.getByRole('button', { name: 'Done' }));
    void present(fakeSession(npsSurvey()));
    const card3 = within(document.querySelector(HOST_TAG)!.shadowRoot!.querySelector<HTMLElement>('[data-closeloop-root]')!);
    fireEvent.click(card3.getByRole('radio', { name: '3' }));
    expect(card3.getByRole<HTMLTextAreaElement>('textbox').value).toBe('');
  });

  it('gives focus back to the page field the visitor came from, not to <body>', () => {
    opener.blur();
    const { card } = open(npsSurvey(), 'dwell');
    const search = document.createElement('input');
    document.body.prepend(search);
    search.focus();
    const score = card.getByRole('radio', { name: '0 – Not likely' });
    score.focus();
    fireEvent.keyDown(score, { key: 'Escape' });
    expect(document.activeElement).toBe(search);
  });

  it('steps aside while the visitor has the feedback form open, and comes back with what was typed', () => {
    const { card, root } = open(npsSurvey(), 'dwell');
    fireEvent.click(card.getByRole('radio', { name: '3' }));
    fireEvent.input(card.getByRole('textbox'), { target: { value: 'Half a thought' } });
    const core = { identified: false, feedback: () => true };
    const tab = mountFeedbackTab(document, { label: 'Feedback', position: 'right' }, (t) => void openFeedbackForm({ tab: t, core, position: 'right' }));
    tab.button.click();
    const surveyShown = () => !root.querySelector<HTMLElement>('[data-closeloop-root]')!.hidden;
    expect(tab.root.querySelector('[role="dialog"]')).not.toBeNull();
    expect(surveyShown()).toBe(false);

    tab.root.querySelector<HTMLButtonElement>('button.close')!.click();
    expect(surveyShown()).toBe(true);
    expect(card.getByRole<HTMLTextAreaElement>('textbox').value).toBe('Half a thought');
  });

  it('keeps a floating card clear of a feedback tab on the edge of its corner, and only then', async () => {
    const display = (placement: 'bottom-right' | 'bottom-left' | 'modal') => ({ display: { placement, colorScheme: 'auto' as const, theme: {} } });
    // Arabic, whose card is right to left: its default corner is on the left.
    const arabic = npsSurvey({ display: { placement: 'bottom-right', colorScheme: 'auto', theme: {}, locale: 'ar' }, translations: { ar: {} } });
    const beside = async (survey: ReturnType<typeof npsSurvey>) => {
      await createPresenter({ thankYouMs: 0 })({ ...fakeSession(survey), trigger: 'manual' });
      const card = document.querySelector(HOST_TAG)!.shadowRoot!.querySelector('[role="dialog"]')!;
      return `${card.getAttribute('dir')} ${card.classList.contains('beside-tab')}`;
    };
    const tabOn = (position: 'right' | 'left' | 'bottom-right') => {
      document.querySelector('closeloop-feedback')?.remove();
      mountFeedbackTab(document, { label: 'Feedback', position }, () => {});
    };
    expect(await beside(npsSurvey())).toBe('ltr false');

    tabOn('right');
    expect(await beside(npsSurvey())).toBe('ltr true');
    expect(await beside(npsSurvey(display('bottom-left')))).toBe('ltr false');
    expect(await beside(npsSurvey(display('modal')))).toBe('ltr false');
    expect(await beside(arabic)).toBe('rtl false');

    tabOn('left');
    expect(await beside(npsSurvey(display('bottom-left')))).toBe('ltr true');
    expect(await beside(arabic)).toBe('rtl true');

    // A corner pill is not on an edge: the card has its corner to itself.
    tabOn('bottom-right');
    expect(await beside(npsSurvey())).toBe('ltr false');
  });

  it('marks the feedback tab while a floating card is up, so a phone hides the tab instead of half covering it', async () => {
    mountFeedbackTab(document, { label: 'Feedback', position: 'right' }, () => {});
    const tabHost = document.querySelector('closeloop-feedback')!;
    // The rule the mark switches on, in the tab's own stylesheet: only where the window has no room for both.
    const rule = [...tabHost.shadowRoot!.adoptedStyleSheets[0]!.cssRules].find((r) => r.cssText.includes('data-survey-up'));
    expect(rule?.cssText).toMatch(/max-width:\s*479px/);
    expect(rule?.cssText).toMatch(/display:\s*none/);

    const { card } = open();
    expect(tabHost.hasAttribute('data-survey-up')).toBe(true);
    fireEvent.click(card.getByRole('button', { name: 'Close survey' }));
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(tabHost.hasAttribute('data-survey-up')).toBe(false);

    // A modal covers the page with its backdrop, and an inline survey sits in the page: neither marks the tab.
    const modal = open(npsSurvey({ display: { placement: 'modal', colorScheme: 'auto', theme: {} } }));
    expect(tabHost.hasAttribute('data-survey-up')).toBe(false);
    fireEvent.click(modal.card.getByRole('button', { name: 'Close survey' }));
  });

  it('a survey the visitor asks for sets the open feedback form aside until it closes', () => {
    const core = { identified: false, feedback: () => true };
    const tab = mountFeedbackTab(document, { label: 'Feedback', position: 'right' }, (t) => void openFeedbackForm({ tab: t, core, position: 'right' }));
    tab.button.click();
    const form = tab.root.querySelector<HTMLElement>('[role="dialog"]')!;
    const { root } = open();
    expect(form.hidden).toBe(true);
    fireEvent.keyDown(root.activeElement!, { key: 'Escape' });
    expect(form.hidden).toBe(false);
    // Asking for the form again brings it to the front and sets the survey aside.
    open();
    expect(form.hidden).toBe(true);
    tab.button.click();
    expect(form.hidden).toBe(false);
    expect(document.querySelector(HOST_TAG)!.shadowRoot!.querySelector<HTMLElement>('[data-closeloop-root]')!.hidden).toBe(true);
  });
});
