import type { AttributeValue } from '@closeloop/sdk/schemas';
import type { StoredRespondent } from '../repos/responses.js';

/** What a new case's terms are read from, besides the answers. */
export interface CaseFacts {
  /**
   * When the customer answered or sent the feedback (client time, clamped by the server): the SLA clock starts
   * there, not at receipt, since a customer whose answer waited in an offline outbox has been waiting as long.
   */
  since: Date;
  /** The page the customer was on. */
  url: string;
  /** The respondent's attributes as sent: routing may test them (a claimed plan only changes who reads the case). */
  attributes: Readonly<Record<string, AttributeValue>>;
  /**
   * The attributes of a verified identity only, else none: the customer's value raises priority, and an anonymous
   * visitor claiming `mrr: 99999` must not jump the queue.
   */
  verifiedAttributes: Readonly<Record<string, AttributeValue>>;
}

export function caseFacts(respondent: StoredRespondent, url: string, since: string): CaseFacts {
  const attributes = respondent.attributes ?? {};
  return { since: new Date(since), url, attributes, verifiedAttributes: respondent.verified ? attributes : {} };
}
