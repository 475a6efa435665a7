import type { ManagementClient } from '@closeloop/sdk/node';
import type { SurveyDefinitionInput } from '@closeloop/sdk/schemas';

/** Puts each survey (create or replace); idempotent, so it runs on every start. Resolves to the ids put. */
export async function putSurveys(client: ManagementClient, surveys: SurveyDefinitionInput[]): Promise<string[]> {
  const stored = await Promise.all(surveys.map((survey) => client.surveys.put(survey)));
  return stored.map((s) => s.id);
}
