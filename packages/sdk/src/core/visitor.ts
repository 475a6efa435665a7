import type { Respondent } from '../schemas/respondent.js';
import { deviceOfUserAgent } from '../logic/device-of-user-agent.js';
import type { Visitor } from '../targeting/is-targeted.js';
import { currentUrl } from '../targeting/match-url.js';

/** The visitor as targeting sees it right now: read at each decision, since identity and URL change. */
export function currentVisitor({ anonymousId, userId, attributes }: Respondent): Visitor {
  return {
    id: userId ?? anonymousId,
    identified: userId !== undefined,
    attributes,
    device: deviceOfUserAgent(navigator.userAgent, navigator.maxTouchPoints),
    // `languages` is missing in some webviews; `language` is always there.
    languages: [...(navigator.languages ?? []), navigator.language],
    page: currentUrl(),
    now: Date.now(),
  };
}
