import { z } from 'zod';
import { Slug, Timestamp } from './ids.js';

/** A survey an identified user answered (on any device), as the config reply tells the core for frequency caps. */
export const AnsweredSurvey = z.object({ surveyId: Slug, at: Timestamp });
export type AnsweredSurvey = z.infer<typeof AnsweredSurvey>;
