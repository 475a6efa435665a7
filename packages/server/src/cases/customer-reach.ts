import { contactOf } from '@closeloop/sdk/logic';
import type { FollowUp, SurveyDefinition } from '@closeloop/sdk/schemas';
import { z } from 'zod';

/** How a case's customer can be told that the loop is closed. */
export interface CustomerReach {
  /** Where an email may go; null when nowhere. */
  email: string | null;
  /** The verified user a widget message is for; null for an anonymous or unsigned respondent. */
  userId: string | null;
}

const EmailAddress = z.email();

/**
 * Where a case's customer may be told what was done. A widget message needs a verified (signed) user: only they
 * can read it back (`GET /v1/messages`). An email goes to the verified user's `email` attribute (an unsigned one
 * could be anybody's address); else to the address the customer gave to be answered at: the survey's contact step
 * with consent and the email channel (the anonymous detractor who said "yes, email me"), or the email typed into
 * the feedback form, which asks for one only to reply.
 */
export function customerReach(followUp: FollowUp, survey: Pick<SurveyDefinition, 'questions'> | null): CustomerReach {
  const { respondent } = followUp.source === 'survey' ? followUp.response : followUp.feedback;
  const userId = respondent.verified && respondent.userId !== undefined ? respondent.userId : null;
  const attribute = respondent.attributes?.['email'];
  const verifiedEmail = userId !== null && typeof attribute === 'string' && EmailAddress.safeParse(attribute).success ? attribute : null;
  return { email: verifiedEmail ?? givenEmail(followUp, survey), userId };
}

function givenEmail(followUp: FollowUp, survey: Pick<SurveyDefinition, 'questions'> | null): string | null {
  if (followUp.source === 'feedback') return followUp.feedback.email ?? null;
  if (survey === null) return null;
  const contact = contactOf(survey, followUp.response.answers);
  return contact?.consent === true && contact.channel === 'email' ? contact.address : null;
}
