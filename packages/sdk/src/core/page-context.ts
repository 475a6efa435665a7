import type { ResponseContext } from '../schemas/respondent.js';
import { LOCALE_MAX, URL_MAX, USER_AGENT_MAX } from '../schemas/submission-limits.js';
import type { TriggerSource } from './types.js';

/**
 * Where the answer (or the feedback, which has no trigger) was given. Values are cut to the server's limits, and a
 * referrer that is not a web page (`android-app://…` from Android apps) is left out: neither may make the server
 * refuse the answer itself.
 */
export function pageContext(trigger?: TriggerSource): ResponseContext {
  const { referrer } = document;
  return {
    url: location.href.slice(0, URL_MAX),
    referrer: /^https?:/.test(referrer) ? referrer.slice(0, URL_MAX) : undefined,
    locale: navigator.language.slice(0, LOCALE_MAX) || undefined,
    userAgent: navigator.userAgent.slice(0, USER_AGENT_MAX) || undefined,
    trigger,
  };
}
