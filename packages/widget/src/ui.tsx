import { render } from 'preact';
import type { Presenter, SurveySession } from '@closeloop/sdk';
import { Survey } from './components/Survey.js';
import { SurveyRun } from './models/survey-run.js';
import { mount } from './mount.js';

export interface PresenterOptions {
  /** The document to render into; defaults to the global one. */
  document?: Document;
  /** How long the thank-you stays, in ms; 0 keeps it until the visitor closes it. Default 6000. */
  thankYouMs?: number;
}

/**
 * A Presenter that renders each session as a slide-in card in the corner. One survey shows at a time: if the core
 * presents a new one while another is open, the open one is closed first (and counts as dismissed).
 */
export function createPresenter({ document: given, thankYouMs = 6000 }: PresenterOptions = {}): Presenter {
  let closeActive: (() => void) | undefined;

  return function present(session: SurveySession) {
    // Looked up per showing, not at import, so server-side rendering can import the widget without a DOM.
    const doc = given ?? document;
    closeActive?.();
    const mounted = mount(doc);
    const previous = deepActiveElement(doc);

    const run = new SurveyRun({
      session,
      thankYouMs,
      onClose() {
        // Give focus back only when it is still ours: a visitor who clicked elsewhere on the page keeps their spot.
        const focusWasInside = mounted.root.activeElement !== null || doc.activeElement === doc.body;
        render(null, mounted.container);
        run[Symbol.dispose]();
        mounted.unmount();
        closeActive = undefined;
        if (focusWasInside && previous?.isConnected) previous.focus();
      },
    });
    closeActive = run.close;
    render(<Survey survey={session.survey} run={run} />, mounted.container);
  };
}

/** The element that has focus, looking inside open shadow roots (the focused element of a web component). */
function deepActiveElement(doc: Document): (Element & HTMLOrSVGElement) | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  // Duck-typed rather than `instanceof HTMLElement`, which fails for elements of another realm (iframes).
  return active && 'focus' in active ? (active as Element & HTMLOrSVGElement) : null;
}

/** The Presenter the script tag loads lazily, and the npm build exports. */
export const present: Presenter = createPresenter();
