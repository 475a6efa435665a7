import { z } from 'zod';
import { SurveyDefinition } from './survey-definition.js';

/**
 * Reply of `GET /api/v1/surveys`: every survey of the project, active or not, by id. Not paged: a project holds
 * tens of surveys, not thousands, and a console or a deploy script wants them all at once.
 */
export const SurveyList = z.object({ data: z.array(SurveyDefinition) });
export type SurveyList = z.infer<typeof SurveyList>;
