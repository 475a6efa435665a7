import { createCloseloop } from '@closeloop/sdk';
import type { SurveySession } from '@closeloop/sdk';

/** The shop's custom events and their properties: `track()` accepts nothing else, checked by the compiler. */
export type ShopEvents = {
  /** Sent once per order; the checkout survey asks only after larger orders (`total > 100`). */
  checkout_completed: { total: number };
};

/** The widget loads on the first survey shown, never on page load: most visits see no survey at all. */
async function present(session: SurveySession): Promise<void> {
  const widget = await import('@closeloop/widget');
  await widget.present(session);
}

/**
 * The Closeloop server: same origin by default (the dev and preview servers proxy /v1 to it), or the URL
 * given as VITE_CLOSELOOP_HOST at build time for a deployment that talks to it directly.
 */
const host = import.meta.env['VITE_CLOSELOOP_HOST'] ?? window.location.origin;

export const closeloop = createCloseloop<ShopEvents>({ project: 'pk_demo', host, present });
