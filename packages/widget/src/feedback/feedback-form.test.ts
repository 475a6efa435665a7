import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackInput } from '@closeloop/sdk';
import { openFeedbackForm } from './feedback-form.js';
import { mountFeedbackTab } from './mount-feedback-tab.js';
import type { FeedbackTab } from './mount-feedback-tab.js';

function setUp(identified = false) {
  const sent: FeedbackInput[] = [];
  const core = { identified, feedback: vi.fn((input: FeedbackInput) => (sent.push(input), true)) };
  const onOpen = vi.fn((tab: FeedbackTab) => openFeedbackForm({ tab, core, position: 'right' }));
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

  it('asks an identified user for no email, and a second activation refocuses the open form', () => {
    const { tab, $ } = setUp(true);
    tab.button.click();
    tab.button.click();
    expect(tab.root.querySelectorAll('[role="dialog"]')).toHaveLength(1);
    expect($('#clf-email')).toBeNull();
    expect(tab.root.activeElement).toBe($('input[value="idea"]'));
  });
});
