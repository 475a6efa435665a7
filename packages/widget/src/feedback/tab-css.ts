import { CARD_UP_ATTRIBUTE, ROOM_FOR_BOTH_PX } from '../surfaces/room-for-both.js';
import { TAB_TOKENS, declarations } from '../styles/tokens.js';

/**
 * The feedback tab's stylesheet, part of closeloop.js, so it stays a few hundred bytes: the theme tokens the tab
 * draws with (the card's come with the form) and the tab itself.
 * `all: initial !important` on the host stops every page style at the boundary, as for the survey, and
 * `display: contents` gives the host no box of its own: only the fixed tab (and the form's card) are laid out. An
 * inline host box would need the initial font's metrics, a font the page has not loaded, which made the first
 * layout after the tab appears take twice as long (10 → 6 ms of layout at 4× CPU throttling). Sizes are px,
 * never rem, so a page's huge `html { font-size }` cannot reach in. The padding makes the tab a 44×44 CSS px touch
 * target at least, as an edge tab and as a corner pill. On a window too narrow for a survey card beside the tab, the
 * tab is hidden while a floating survey card is up (room-for-both.ts): the card spans the window there, and covered
 * half the tab on a 360×640 phone, leaving a cut-off "back" beside it.
 */
const tokens = declarations(TAB_TOKENS);

export const tabCss = `
:host{all:initial!important;display:contents!important;${tokens.light}}
@media (prefers-color-scheme:dark){:host{${tokens.dark}}}
.tab{position:fixed;z-index:var(--cl-z);margin:0;padding:15px 16px;border:0;background:var(--cl-accent);color:var(--cl-accent-text);font:600 14px/1 var(--cl-font);letter-spacing:.02em;cursor:pointer;box-shadow:0 4px 14px rgb(0 0 0/.2)}
.tab.right,.tab.left{top:50%;writing-mode:vertical-rl;transform:translateY(-50%) rotate(180deg)}
.tab.right{right:0;border-radius:0 8px 8px 0}
.tab.left{left:0;border-radius:8px 0 0 8px}
.tab.bottom-right,.tab.bottom-left{bottom:16px;border-radius:999px}
.tab.bottom-right{right:16px}
.tab.bottom-left{left:16px}
.tab:focus-visible{outline:3px solid var(--cl-focus);outline-offset:2px}
@media (max-width:${ROOM_FOR_BOTH_PX - 1}px){:host([${CARD_UP_ATTRIBUTE}]) .tab{display:none}}
`;
