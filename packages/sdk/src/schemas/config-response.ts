import { z } from 'zod';
import { CONFIG_VERSION } from './config-version.js';
import { AnsweredSurvey } from './answered-survey.js';
import { ProjectKey } from './ids.js';
import { SurveyDefinition } from './survey-definition.js';


/** `GET /v1/config?project=pk_…`: the active surveys of a project, ETag-cached. */
export const ConfigResponse = z.object({
  configVersion: z.literal(CONFIG_VERSION),
  project: ProjectKey,
  surveys: z.array(SurveyDefinition),
  /** With `?user=…&signature=…` (a valid signature only): the surveys this user already answered, on any device. */
  answered: z.array(AnsweredSurvey).optional(),
});
export type ConfigResponse = z.infer<typeof ConfigResponse>;
