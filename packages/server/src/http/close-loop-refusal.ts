import type { MessageChannel } from '@closeloop/sdk/schemas';
import type { CloseLoopRefusal } from '../cases/close-loop-result.js';
import { HttpError } from './http-error.js';

const UNREACHABLE: Record<MessageChannel, string> = {
  email:
    'includes email, but the customer has no address to write to: neither a verified identity with an email attribute nor a consented email contact',
  widget: 'includes widget, but the customer is not a verified (signed) user, so nobody could read the message back',
};

/** A refused close-the-loop as its reply: 409 naming `status` for a case not resolved, 422 naming `channels`. */
export function closeLoopRefusal(refusal: CloseLoopRefusal): HttpError {
  if (refusal.outcome === 'not_resolved') {
    return HttpError.field(409, 'case_not_resolved', 'status', `is ${refusal.status}: resolve the case first (POST /api/v1/follow-ups/:id/resolve), then tell the customer what was done`);
  }
  return HttpError.field(422, 'customer_unreachable', 'channels', UNREACHABLE[refusal.channel]);
}
