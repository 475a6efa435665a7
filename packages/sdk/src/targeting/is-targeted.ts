import type { Targeting } from '../schemas/targeting.js';
import type { DeviceType } from '../logic/device-of-user-agent.js';
import { matchFilters } from './match-filter.js';
import { matchUrl, type PageUrl } from './match-url.js';
import { sampleBucket } from './sample-bucket.js';

/** What targeting is checked against, gathered once per decision. */
export interface Visitor {
  /** The user id when identified, else the anonymous id: what sampling keeps stable. */
  id: string;
  identified: boolean;
  attributes: Readonly<Record<string, unknown>> | undefined;
  device: DeviceType;
  /** The browser's language tags, preferred first, e.g. `['fr-CA', 'fr', 'en']`. */
  languages: readonly string[];
  page: PageUrl;
  now: number;
}

/** Whether `visitor` may see the survey `surveyId` under `targeting` (no targeting: everyone may). */
export function isTargeted(targeting: Targeting | undefined, surveyId: string, visitor: Visitor): boolean {
  if (!targeting) return true;
  const { audience, attributes, devices, languages, samplePercent, startAt, endAt, urls } = targeting;
  if (audience === 'identified' && !visitor.identified) return false;
  if (audience === 'anonymous' && visitor.identified) return false;
  if (startAt && visitor.now < Date.parse(startAt)) return false;
  if (endAt && visitor.now >= Date.parse(endAt)) return false;
  if (devices && !devices.includes(visitor.device)) return false;
  if (languages && !languages.some((tag) => speaks(visitor.languages, tag))) return false;
  if (samplePercent !== undefined && sampleBucket(visitor.id, surveyId) >= samplePercent) return false;
  if (urls && !matchUrl(urls, visitor.page)) return false;
  return matchFilters(attributes, visitor.attributes);
}

/** `fr` covers `fr-CA`; `fr-CA` only itself. Compared with a trailing `-` so `fr` does not cover `fri`. */
const speaks = (languages: readonly string[], tag: string) =>
  languages.some((lang) => `${lang}-`.toLowerCase().startsWith(`${tag}-`.toLowerCase()));
