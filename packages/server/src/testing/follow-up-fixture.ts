import { FollowUp } from '@closeloop/sdk/schemas';
import type { SurveyFollowUp } from '@closeloop/sdk/schemas';
import { surveyFollowUp as plainSurveyFollowUp } from '@closeloop/sdk/testing/node';

/** The sdk's NPS-3 case, parsed with the contract (defaults filled in), as webhooks carry it. */
export function surveyFollowUp(): SurveyFollowUp {
  const followUp = FollowUp.parse(plainSurveyFollowUp());
  if (followUp.source !== 'survey') throw new Error('fixture: expected a survey case');
  return followUp;
}
