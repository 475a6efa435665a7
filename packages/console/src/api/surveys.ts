import { SurveyList } from '@closeloop/sdk/schemas';
import type { ApiClient } from './client.js';

/** `/api/v1/surveys`: every survey of the project (the inbox filters by them). */
export function surveysApi(api: ApiClient) {
  return { list: async () => (await api.request('GET', '/surveys', SurveyList)).data };
}
export type SurveysApi = ReturnType<typeof surveysApi>;
