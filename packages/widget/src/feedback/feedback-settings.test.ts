import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFeedbackSettings } from './feedback-settings.js';

function script(attributes: Record<string, string>): HTMLScriptElement {
  const element = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

describe('readFeedbackSettings', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is off without data-feedback-button', () => {
    expect(readFeedbackSettings(script({ 'data-project': 'pk_demo' }))).toBeUndefined();
    expect(readFeedbackSettings(null)).toBeUndefined();
  });

  it('takes the label from the attribute, "Feedback" when empty, on the right by default', () => {
    expect(readFeedbackSettings(script({ 'data-feedback-button': '' }))).toEqual({ label: 'Feedback', position: 'right' });
    expect(readFeedbackSettings(script({ 'data-feedback-button': ' Tyck till ', 'data-feedback-position': 'bottom-left' }))).toEqual({
      label: 'Tyck till',
      position: 'bottom-left',
    });
  });

  it('warns once naming data-feedback-position for an unknown place, and uses the right edge', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readFeedbackSettings(script({ 'data-feedback-button': 'Feedback', 'data-feedback-position': 'top' }))?.position).toBe('right');
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('data-feedback-position="top"');
  });
});
