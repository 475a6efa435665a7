import { report } from '../loader/report.js';

export const FEEDBACK_POSITIONS = ['right', 'left', 'bottom-right', 'bottom-left'] as const;
export type FeedbackPosition = (typeof FEEDBACK_POSITIONS)[number];

export interface FeedbackSettings {
  /** The tab's text. */
  label: string;
  /** A tab on the middle of the right or left edge, or a pill in a bottom corner. */
  position: FeedbackPosition;
}

const MAX_LABEL = 40;

/**
 * The feedback button is configured on the script tag, by the site that places it:
 * `data-feedback-button` turns it on (its value is the label; empty means "Feedback"), `data-feedback-position`
 * says where. On the tag rather than in the project's config reply because the tab must show at once on every
 * page (not after a config round trip, and even when that fails), and because only the site knows what else sits
 * on its edges (a chat launcher, a cookie bar). A bad position warns once and falls back to `right`.
 */
export function readFeedbackSettings(script: HTMLScriptElement | null): FeedbackSettings | undefined {
  const label = script?.getAttribute('data-feedback-button');
  if (label == null) return undefined;
  const position = script?.getAttribute('data-feedback-position')?.trim() || 'right';
  const known = (FEEDBACK_POSITIONS as readonly string[]).includes(position);
  if (!known) report('warn', `data-feedback-position="${position}" is not one of ${FEEDBACK_POSITIONS.join(', ')}; using right.`);
  return { label: label.trim().slice(0, MAX_LABEL) || 'Feedback', position: known ? (position as FeedbackPosition) : 'right' };
}
