import type { FeedbackSettings } from './feedback-settings.js';
import { tabCss } from './tab-css.js';

/** The feedback button's own host element: separate from the survey's, which is removed when a survey closes. */
export const FEEDBACK_HOST_TAG = 'closeloop-feedback';

export interface FeedbackTab {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly button: HTMLButtonElement;
  remove(): void;
}

/**
 * Find or create `<closeloop-feedback>` with an open shadow root holding the tab; a second call returns the same
 * tab. `onOpen` runs on activation (click, Enter or Space: it is a real button).
 */
export function mountFeedbackTab(doc: Document, settings: FeedbackSettings, onOpen: (tab: FeedbackTab) => void): FeedbackTab {
  const existing = doc.querySelector<HTMLElement>(FEEDBACK_HOST_TAG);
  const found = existing?.shadowRoot?.querySelector<HTMLButtonElement>('.tab');
  // A tab found inside the host's open root: both are there.
  if (found) return { host: existing!, root: existing!.shadowRoot!, button: found, remove: () => existing!.remove() };

  const host = doc.createElement(FEEDBACK_HOST_TAG);
  existing?.remove();
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new (doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet)();
  sheet.replaceSync(tabCss);
  root.adoptedStyleSheets = [sheet];
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = `tab ${settings.position}`;
  button.textContent = settings.label;
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  root.append(button);
  const tab: FeedbackTab = { host, root, button, remove: () => host.remove() };
  button.addEventListener('click', () => onOpen(tab));
  (doc.body ?? doc.documentElement).append(host);
  return tab;
}
