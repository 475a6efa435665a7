/**
 * The narrowest window with room for a floating survey card beside an edge feedback tab: there the card keeps clear
 * of the tab (widget-css.ts); on a narrower one (a phone) the card spans the window and would cover part of the tab,
 * so the tab steps aside while the card is up (tab-css.ts), as it does for the feedback form's own card.
 */
export const ROOM_FOR_BOTH_PX = 480;

/** Set on the feedback tab's host while a floating survey card is on screen (edge-tab-side.ts: `cardUp`). */
export const CARD_UP_ATTRIBUTE = 'data-survey-up';
