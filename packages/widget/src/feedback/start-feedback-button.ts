import type { Closeloop } from '@closeloop/sdk';
import { report } from '../loader/report.js';
import type { FeedbackFormOptions } from './feedback-form.js';
import type { FeedbackSettings } from './feedback-settings.js';
import { mountFeedbackTab } from './mount-feedback-tab.js';
import type { FeedbackTab } from './mount-feedback-tab.js';

/** What the feedback chunk exports. */
export interface FeedbackModule {
  openFeedbackForm(options: FeedbackFormOptions): void;
}

/**
 * Shows the feedback tab as soon as the page has a body, and loads the form's chunk on the first activation only.
 * A failed load is reported and retried at the next activation. Returns what removes the tab (and its form).
 */
export function startFeedbackButton(
  doc: Document,
  settings: FeedbackSettings,
  core: Pick<Closeloop, 'feedback' | 'identified' | 'attributes'>,
  load: () => Promise<FeedbackModule>,
): () => void {
  let loading: Promise<FeedbackModule> | undefined;
  const show = () =>
    mountFeedbackTab(doc, settings, (tab) => {
      loading ??= load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      loading.then(
        (form) => form.openFeedbackForm({ tab, core, position: settings.position }),
        (error: unknown) => report('error', 'could not load the feedback form:', error),
      );
    });
  let tab: FeedbackTab | undefined;
  let removed = false;
  const place = () => {
    if (!removed) tab = show();
  };
  if (doc.body) place();
  else doc.addEventListener('DOMContentLoaded', place, { once: true });
  return () => {
    removed = true;
    tab?.remove();
  };
}
