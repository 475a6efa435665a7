import { afterEach, describe, expect, it, vi } from 'vitest';
import { openMessagePanel, paragraphs, type MessagePanelOptions } from './message-panel.js';

const options = (extra: Partial<MessagePanelOptions> = {}): MessagePanelOptions => ({
  messages: [{ id: 'm1', body: 'We refunded the shipping.\n\nThe courier has been replaced.' }],
  title: 'A reply to your feedback',
  closeLabel: 'Close message',
  locale: 'en',
  ...extra,
});
const card = () => document.querySelector('closeloop-messages')?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

describe('the message panel', () => {
  it('shows the agent’s text as text, never as HTML: markup is shown as typed and creates no element', () => {
    const body = '<img src=x onerror="window.hacked=1"> <b>Sorry</b> & thanks\n\n<script>alert(1)</script>';
    openMessagePanel(document, options({ messages: [{ id: 'm1', body }] }));
    const shown = card()!;
    expect(shown.querySelector('img, b, script')).toBeNull();
    expect([...shown.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['<img src=x onerror="window.hacked=1"> <b>Sorry</b> & thanks', '<script>alert(1)</script>']);
    expect((window as { hacked?: number }).hacked).toBeUndefined();
  });

  it('makes a paragraph of each block between blank lines, keeps single line breaks, and drops empty blocks', () => {
    const texts = paragraphs(document, '  First line\nsecond line  \n \n\n\nNext paragraph\r\n\r\nLast\n\n').map((p) => p.textContent);
    expect(texts).toEqual(['First line\nsecond line', 'Next paragraph', 'Last']);
  });

  it('is a titled, non-modal dialog that takes no focus and announces its title politely', () => {
    vi.useFakeTimers();
    const field = document.body.appendChild(document.createElement('input'));
    field.focus();
    openMessagePanel(document, options());
    const shown = card()!;
    expect(shown.getAttribute('role')).toBe('dialog');
    expect(shown.getAttribute('aria-modal')).toBe('false');
    const titleId = shown.getAttribute('aria-labelledby')!;
    expect(shown.querySelector(`#${titleId}`)?.textContent).toBe('A reply to your feedback');
    expect(document.activeElement).toBe(field);
    vi.advanceTimersByTime(200);
    expect(shown.querySelector('[role=status]')?.textContent).toBe('A reply to your feedback');
  });

  it('lays out a right-to-left language mirrored, tagged with its language', () => {
    openMessagePanel(document, options({ locale: 'ar', title: 'ردّ على ملاحظاتك' }));
    expect(card()!.getAttribute('lang')).toBe('ar');
    expect(card()!.getAttribute('dir')).toBe('rtl');
  });

  it('closes with its named close button: the host leaves the page and onClose runs once', () => {
    const onClose = vi.fn();
    const panel = openMessagePanel(document, options({ onClose }));
    const close = card()!.querySelector<HTMLButtonElement>('button.close')!;
    expect(close.getAttribute('aria-label')).toBe('Close message');
    close.click();
    expect(document.querySelector('closeloop-messages')).toBeNull();
    panel.close();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('closes on Escape and gives focus back to where it was when focus was inside', () => {
    const field = document.body.appendChild(document.createElement('input'));
    field.focus();
    openMessagePanel(document, options());
    const close = card()!.querySelector<HTMLButtonElement>('button.close')!;
    close.focus();
    close.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector('closeloop-messages')).toBeNull();
    expect(document.activeElement).toBe(field);
  });

  it('steps aside while a surface the visitor asked for is open, and comes back when it closes', () => {
    openMessagePanel(document, options());
    const survey = document.body.appendChild(document.createElement('div'));
    document.dispatchEvent(new CustomEvent('closeloop:surface-opened', { detail: survey }));
    expect(card()!.hidden).toBe(true);
    document.dispatchEvent(new CustomEvent('closeloop:surface-closed', { detail: survey }));
    expect(card()!.hidden).toBe(false);
  });

  it('fixes the colour scheme on its host when asked, else follows the system', () => {
    openMessagePanel(document, options({ scheme: 'dark' })).close();
    const panel = openMessagePanel(document, options({ scheme: 'dark' }));
    expect(panel.host.getAttribute('data-scheme')).toBe('dark');
    panel.close();
    expect(openMessagePanel(document, options()).host.hasAttribute('data-scheme')).toBe(false);
  });
});
