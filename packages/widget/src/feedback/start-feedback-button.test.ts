import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFeedbackButton } from './start-feedback-button.js';
import type { FeedbackModule } from './start-feedback-button.js';

const core = { identified: false, feedback: () => true };
const settings = { label: 'Feedback', position: 'right' as const };
const tabButton = () => document.querySelector('closeloop-feedback')?.shadowRoot?.querySelector('button');

describe('startFeedbackButton', () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  it('shows the tab at once and loads the form only on activation, once', async () => {
    const form: FeedbackModule = { openFeedbackForm: vi.fn() };
    const load = vi.fn(async () => form);
    startFeedbackButton(document, settings, core, load);
    expect(tabButton()?.textContent).toBe('Feedback');
    expect(load).not.toHaveBeenCalled();
    tabButton()?.click();
    tabButton()?.click();
    await vi.waitFor(() => expect(form.openFeedbackForm).toHaveBeenCalledTimes(2));
    expect(load).toHaveBeenCalledOnce();
    expect(vi.mocked(form.openFeedbackForm).mock.calls[0]?.[0]).toMatchObject({ core, position: 'right' });
  });

  it('reports a failed load once per activation and tries again at the next', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const form: FeedbackModule = { openFeedbackForm: vi.fn() };
    const load = vi.fn<() => Promise<FeedbackModule>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(form);
    startFeedbackButton(document, settings, core, load);
    tabButton()?.click();
    await vi.waitFor(() => expect(error).toHaveBeenCalledOnce());
    expect(String(error.mock.calls[0]?.[0])).toContain('could not load the feedback form');
    tabButton()?.click();
    await vi.waitFor(() => expect(form.openFeedbackForm).toHaveBeenCalledOnce());
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('feedbackButton (npm)', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows the tab, opens the real form from its chunk, and removes the tab when asked', async () => {
    const { feedbackButton } = await import('./feedback-button.js');
    const remove = feedbackButton(core, { label: 'Tell us', position: 'bottom-left' });
    expect(tabButton()?.className).toBe('tab bottom-left');
    tabButton()?.click();
    await vi.waitFor(() => expect(document.querySelector('closeloop-feedback')?.shadowRoot?.querySelector('[role="dialog"]')).not.toBeNull());
    remove();
    expect(document.querySelector('closeloop-feedback')).toBeNull();
  });
});
