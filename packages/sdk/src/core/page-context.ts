import type { ResponseContext } from '../schemas/respondent.js';
import type { TriggerSource } from './types.js';

/**
 * Where the answer (or the feedback, which has no trigger) was given. Values are cut to the server's limits, and a
 * referrer that is not a web page (`android-app://…` from Android apps) is left out: neither may make the server
 * refuse the answer itself.
 */
export function pageContext(trigger?: TriggerSource): ResponseContext {
  const { referrer } = document;
  return {
    url: location.href.slice(0, 2048),
    referrer: /^https?:/.test(referrer) ? referrer.slice(0, 2048) : undefined,
    locale: navigator.language.slice(0, 35) || undefined,
    userAgent: navigator.userAgent.slice(0, 512) || undefined,
    trigger,
  };
}
