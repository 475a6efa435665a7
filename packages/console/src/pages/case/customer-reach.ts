import type { CaseDetail, MessageChannel } from '@closeloop/sdk/schemas';

/**
 * Where the customer can be told, as far as the case shows it: a widget message needs a verified user; an email
 * goes to a verified user's `email` attribute or to the address they agreed to be emailed at. The server decides
 * (422 naming `channels` otherwise); this only saves people from trying what cannot work.
 */
export function customerReach({ customer }: Pick<CaseDetail, 'customer'>): Record<MessageChannel, string | null> {
  const { respondent, contact } = customer;
  const userId = respondent.verified && respondent.userId ? respondent.userId : null;
  const attribute = respondent.attributes?.['email'];
  const verifiedEmail = userId && typeof attribute === 'string' && attribute.includes('@') ? attribute : null;
  const consentedEmail = contact?.consent === true && contact.channel === 'email' ? contact.address : null;
  return { email: verifiedEmail ?? consentedEmail, widget: userId };
}
