/** Support's first-reply target when a survey sets no `followUp.dueIn`, and for feedback problems: two days. */
export const DEFAULT_DUE_IN_HOURS = 48;
