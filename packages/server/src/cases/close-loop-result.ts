import type { FollowUpStatus, MessageChannel } from '@closeloop/sdk/schemas';
import type { CaseChangeResult } from './case-change-result.js';

/** Why closing the loop was refused, beyond the refusals of any case change. Nothing was written. */
export type CloseLoopRefusal =
  /** The case is not resolved yet: there is nothing to tell the customer. */
  | { outcome: 'not_resolved'; status: FollowUpStatus }
  /** The customer cannot be reached on `channel`. */
  | { outcome: 'unreachable'; channel: MessageChannel };

export type CloseLoopResult = CaseChangeResult | CloseLoopRefusal;
