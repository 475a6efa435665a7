/** Support's first-reply target: a case is due two days after the answer or the feedback that opened it. */
export const FOLLOW_UP_SLA_MS = 48 * 60 * 60 * 1000;
