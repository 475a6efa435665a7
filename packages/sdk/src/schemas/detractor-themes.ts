import { z } from 'zod';
import { Timestamp } from './ids.js';
import { resultsFilterFields, withAttributeParams } from './results-filters.js';

/** Parameters of `GET /api/v1/stats/themes`: the detractor answers received in the window, narrowed like the NPS stats. */
export const ThemesParams = z.strictObject(resultsFilterFields);
export const ThemesQuery = withAttributeParams(ThemesParams);
export type ThemesQuery = z.infer<typeof ThemesParams>;
export type ThemesQueryInput = z.input<typeof ThemesParams>;

const Count = z.number().int().min(0);

/** A word or a two-word phrase, and how many detractor comments use it (each comment counts once per term). */
export const CommentTerm = z.object({ term: z.string(), comments: Count });
export type CommentTerm = z.infer<typeof CommentTerm>;

/** A page by its path, with its NPS answers in the window, how many were detractors, and their share. */
export const DetractorPage = z.object({ page: z.string(), answers: Count, detractors: Count, share: z.number().min(0).max(1) });
export type DetractorPage = z.infer<typeof DetractorPage>;

/**
 * Reply of `GET /api/v1/stats/themes`: the most frequent words and phrases (stop words of `languages` removed) in the
 * comments of detractors (NPS 0–6), most used first, and the pages producing the most detractors.
 */
export const DetractorThemes = z.object({
  from: Timestamp,
  to: Timestamp,
  comments: Count,
  languages: z.array(z.string()),
  words: z.array(CommentTerm),
  phrases: z.array(CommentTerm),
  pages: z.array(DetractorPage),
});
export type DetractorThemes = z.infer<typeof DetractorThemes>;
