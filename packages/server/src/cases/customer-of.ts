import type { CaseCustomer } from '../repos/cases.js';
import type { StoredRespondent } from '../repos/responses.js';

/**
 * Who a case's customer is, for their other answers and cases: the user id only when the identity was verified
 * (anyone may claim an id without the signature), and always the browser's anonymous id.
 */
export function customerOf(respondent: StoredRespondent): CaseCustomer {
  return { userId: respondent.verified && respondent.userId !== undefined ? respondent.userId : null, anonymousId: respondent.anonymousId };
}
