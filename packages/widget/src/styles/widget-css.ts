import { ROOM_FOR_BOTH_PX } from '../surfaces/room-for-both.js';
import { ALL_TOKENS, declarations } from './tokens.js';

/**
 * The widget's only stylesheet, adopted once into its shadow root (no inline <style>, so a strict CSP is fine).
 * It lives in a TypeScript string rather than a .css file so tests see the same text the browser gets.
 *
 * - `all: initial` on the host stops inherited page styles (font, color, line-height…) at the boundary, and
 *   `!important` makes it win even over a host page rule aimed at <closeloop-widget> itself. Custom properties,
 *   which `all` never resets, stay overridable: they are the theming surface (`closeloop-widget { --cl-accent: … }`).
 * - `display: contents` gives the floating host no box of its own (the card is fixed): an inline box would need
 *   the initial font's metrics, a font the page has not loaded, on the layout that shows the survey, as measured
 *   for the feedback tab (tab-css.ts). A survey placed inside the page (`data-inline`) is a block in its flow.
 * - The colours and sizes are the tokens every surface shares (tokens.ts). Keyboard focus is always visible.
 * - Dark follows `prefers-color-scheme` unless `data-scheme` on the host fixes a scheme: the survey's own, or the
 *   one the host page declares for itself (apply-display.ts).
 * - Logical properties (`inset-inline-end`, `margin-inline-end`, `text-align: start`) mirror the layout for
 *   right-to-left languages (`dir="rtl"` on the card), the card's corner included: `bottom-right` is the corner
 *   where lines end, so a right-to-left survey slides in bottom-left, as the rest of its layout mirrors.
 * - Touch targets are at least 44×44 CSS px (WCAG 2.5.5): the close button everywhere; scores, buttons, choices and fields
 *   on phones and wherever the pointer is a finger (`pointer: coarse`). Eleven scores of 44 px do not fit one row
 *   of a phone-wide card (nor the 380 px card on a tablet), so there a scale wraps into rows of `--cols`, which
 *   ScaleGroup sets for balanced rows (0–5 over 6–10): a grid of aligned columns for numbers, centred stars and
 *   faces. A mouse keeps the one-row scale.
 */
const tokens = declarations(ALL_TOKENS);
const dark = `${tokens.dark};color-scheme:dark`;

export const widgetCss = `
:host {
  all: initial !important;
  display: contents !important;
  ${tokens.light};
  color-scheme: light;
}

@media (prefers-color-scheme: dark) {
  :host(:not([data-scheme="light"])) {${dark}
  }
}

:host([data-scheme="dark"]) {${dark}
}

:host([data-inline]) {
  display: block !important;
}

*,
*::before,
*::after {
  box-sizing: border-box;
}

.card {
  position: fixed;
  inset-inline-end: 16px;
  bottom: 16px;
  z-index: var(--cl-z);
  width: min(var(--cl-width), calc(100vw - 32px));
  max-height: calc(100vh - 32px);
  overflow: auto;
  padding: 20px 20px 18px;
  border: 1px solid var(--cl-edge);
  border-radius: var(--cl-radius);
  background: var(--cl-bg);
  color: var(--cl-text);
  font: 400 15px/1.45 var(--cl-font);
  text-align: start;
  box-shadow: 0 12px 32px rgb(0 0 0 / 0.18), 0 2px 6px rgb(0 0 0 / 0.08);
  animation: cl-slide-in 280ms cubic-bezier(0.2, 0.8, 0.2, 1) both;
}

.bottom-left {
  inset-inline-end: auto;
  inset-inline-start: 16px;
}

/* Clear of a feedback tab on the same edge (46 px wide), where the window leaves room for both. */
@media (min-width: ${ROOM_FOR_BOTH_PX}px) {
  .beside-tab {
    inset-inline-end: 62px;
  }

  .bottom-left.beside-tab {
    inset-inline-end: auto;
    inset-inline-start: 62px;
  }
}

.modal {
  inset: 0;
  width: min(calc(var(--cl-width) + 80px), calc(100vw - 32px));
  height: fit-content;
  margin: auto;
  animation-name: cl-fade-in;
}

.overlay {
  position: fixed;
  inset: 0;
  z-index: var(--cl-z);
  background: rgb(17 24 39 / 0.5);
  animation: cl-fade-in 200ms both;
}

.inline {
  position: relative;
  inset: auto;
  width: 100%;
  max-height: none;
  box-shadow: none;
  animation: none;
}

@keyframes cl-fade-in {
  from {
    opacity: 0;
  }
}

@keyframes cl-slide-in {
  from {
    opacity: 0;
    transform: translateY(16px);
  }
}

@media (prefers-reduced-motion: reduce) {
  .card,
  .card *,
  .overlay {
    animation: none !important;
    transition: none !important;
  }
}

.close {
  position: absolute;
  top: 4px;
  inset-inline-end: 4px;
  display: grid;
  place-items: center;
  width: 44px;
  height: 44px;
  padding: 0;
  border: 0;
  border-radius: 8px;
  background: transparent;
  color: var(--cl-muted);
  cursor: pointer;
}

.close:hover {
  background: var(--cl-surface);
  color: var(--cl-text);
}

.close svg {
  width: 16px;
  height: 16px;
}

.prompt {
  margin: 0 0 14px;
  margin-inline-end: 36px;
  font-size: 16px;
  font-weight: 600;
  line-height: 1.35;
}

.scale {
  display: grid;
  grid-auto-columns: 1fr;
  grid-auto-flow: column;
  gap: 4px;
}

.scale.stars,
.scale.faces {
  display: flex;
  justify-content: center;
  gap: 6px;
}

.stars .score,
.faces .score {
  width: 44px;
  height: 44px;
  border-color: transparent;
  background: transparent;
  color: var(--cl-muted);
}

.stars .score.lit,
.stars .score[aria-checked="true"] {
  border-color: transparent;
  background: transparent;
  color: var(--cl-star);
}

.faces .score[aria-checked="true"] {
  border-color: var(--cl-accent);
  background: var(--cl-surface);
  color: var(--cl-text);
}

.icon {
  display: block;
  width: 30px;
  height: 30px;
  margin: auto;
}

.score {
  min-width: 0;
  height: 38px;
  padding: 0;
  border: 1px solid var(--cl-border);
  border-radius: 8px;
  background: var(--cl-bg);
  color: var(--cl-text);
  font: 600 14px/1 var(--cl-font);
  cursor: pointer;
  transition: background-color 120ms, border-color 120ms, transform 120ms;
}

.score:hover {
  border-color: var(--cl-accent);
  background: var(--cl-surface);
}

.score:active {
  transform: scale(0.94);
}

.score[aria-checked="true"] {
  border-color: var(--cl-accent);
  background: var(--cl-accent);
  color: var(--cl-accent-text);
}

.ends {
  display: flex;
  justify-content: space-between;
  gap: 12px;
  margin-top: 8px;
  color: var(--cl-muted);
  font-size: 13px;
}

.field {
  display: block;
  width: 100%;
  padding: 10px 12px;
  border: 1px solid var(--cl-border);
  border-radius: calc(var(--cl-radius) * 0.6);
  background: var(--cl-bg);
  color: var(--cl-text);
  font: 400 15px/1.45 var(--cl-font);
  resize: vertical;
}

textarea.field {
  min-height: 96px;
}

.field::placeholder {
  color: var(--cl-muted);
  opacity: 1;
}

.field[aria-invalid="true"] {
  border-color: var(--cl-fault);
}

.label {
  display: block;
  margin: 14px 0 6px;
  font-size: 14px;
  font-weight: 600;
}

.fault {
  margin: 6px 0 0;
  color: var(--cl-fault);
  font-size: 13px;
}

.meta {
  margin: 6px 0 0;
  color: var(--cl-muted);
  font-size: 13px;
  text-align: end;
  font-variant-numeric: tabular-nums;
}

.choices {
  display: grid;
  gap: 6px;
}

.choice {
  display: flex;
  align-items: center;
  gap: 10px;
  min-height: 40px;
  padding: 8px 12px;
  border: 1px solid var(--cl-border);
  border-radius: calc(var(--cl-radius) * 0.6);
  cursor: pointer;
}

.choice:hover {
  background: var(--cl-surface);
}

.choice:has(:checked) {
  border-color: var(--cl-accent);
  box-shadow: inset 0 0 0 1px var(--cl-accent);
}

.choice input {
  width: 18px;
  height: 18px;
  margin: 0;
  accent-color: var(--cl-accent);
}

.other {
  margin-top: 8px;
}

.actions {
  display: flex;
  justify-content: flex-end;
  gap: 8px;
  margin-top: 14px;
}

.button {
  display: inline-flex;
  align-items: center;
  min-height: 38px;
  padding: 0 16px;
  text-decoration: none;
  border: 1px solid transparent;
  border-radius: 8px;
  font: 600 14px/1 var(--cl-font);
  cursor: pointer;
}

.primary {
  background: var(--cl-accent);
  color: var(--cl-accent-text);
}

.primary:disabled {
  opacity: 0.55;
  cursor: not-allowed;
}

.secondary {
  border-color: var(--cl-border);
  background: transparent;
  color: var(--cl-text);
}

.secondary:hover {
  background: var(--cl-surface);
}

.thanks {
  margin: 4px 0 6px;
  margin-inline-end: 36px;
  font-size: 17px;
  font-weight: 700;
}

.body {
  margin: 0;
  color: var(--cl-muted);
}

.progress {
  margin: 0 0 6px;
  color: var(--cl-muted);
  font-size: 12px;
  font-weight: 600;
  letter-spacing: 0.04em;
  text-transform: uppercase;
}

:focus-visible {
  outline: 3px solid var(--cl-focus);
  outline-offset: 2px;
}

:focus:not(:focus-visible) {
  outline: none;
}

.sr-only {
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}

@media (max-width: 420px) {
  .card:not(.inline, .modal) {
    right: 8px;
    bottom: 8px;
    left: 8px;
    width: auto;
  }
}

@media (max-width: 420px), (pointer: coarse) {
  .scale {
    gap: 6px;
  }

  .score {
    min-width: 44px;
    height: 44px;
    font-size: 15px;
  }

  .numbers {
    grid-template-columns: repeat(var(--cols), 1fr);
    grid-auto-flow: row;
  }

  .scale.stars,
  .scale.faces {
    flex-wrap: wrap;
    max-width: calc(var(--cols) * 50px - 6px);
    margin-inline: auto;
  }

  .button,
  .choice,
  .field {
    min-height: 44px;
  }
}
`;
