import { SurveyDefinition, SurveyList } from '@closeloop/sdk/schemas';
import type { SurveyDefinitionInput } from '@closeloop/sdk/schemas';
import type { ApiClient } from './client.js';

/** `/api/v1/surveys`: every survey of the project (the inbox filters by them; the survey workshop edits them). */
export function surveysApi(api: ApiClient) {
  return {
    list: async () => (await api.request('GET', '/surveys', SurveyList)).data,
    /** Creates or replaces the survey whole (`PUT /api/v1/surveys/:id`); publish and pause are a PUT with `active`. */
    save: (survey: SurveyDefinitionInput) => api.request('PUT', `/surveys/${encodeURIComponent(survey.id)}`, SurveyDefinition, { json: survey }),
  };
}
export type SurveysApi = ReturnType<typeof surveysApi>;
