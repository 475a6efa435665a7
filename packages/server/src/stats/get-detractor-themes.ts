import { AnswerValue } from '@closeloop/sdk/schemas';
import type { CommentTerm, DetractorThemes } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { Conn } from '../db/db.js';
import type { StatsWindow } from '../repos/follow-up-stats.js';
import { listDetractorAnswers, topDetractorPages } from '../repos/nps-answers.js';
import type { ResponseFilters } from '../repos/response-filters.js';
import { commentTerms, THEME_LANGUAGES } from './comment-terms.js';

/** The newest detractor answers read for themes: enough to show what recurs, bounded so a request stays quick. */
export const THEME_SAMPLE = 5_000;
const TOP_WORDS = 20;
const TOP_PHRASES = 12;
const TOP_PAGES = 10;

const Answers = z.record(z.string(), AnswerValue);

/**
 * What detractors (NPS 0–6) talk about: the words and two-word phrases of their comments (the text answers), each
 * counted once per comment, most frequent first; and the pages that produce the most detractors, with their share of
 * that page's NPS answers.
 */
export async function getDetractorThemes(conn: Conn, projectId: string, window: StatsWindow, filters: ResponseFilters): Promise<DetractorThemes> {
  const scoped = { ...filters, ...window };
  const answers = await listDetractorAnswers(conn, projectId, scoped, THEME_SAMPLE);
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  let comments = 0;
  for (const json of answers) {
    const texts = Object.values(Answers.parse(JSON.parse(json))).filter((value): value is string => typeof value === 'string' && value.trim() !== '');
    if (texts.length === 0) continue;
    comments += 1;
    const terms = commentTerms(texts.join('\n'));
    for (const word of terms.words) words.set(word, (words.get(word) ?? 0) + 1);
    for (const phrase of terms.phrases) phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
  }
  const pages = await topDetractorPages(conn, projectId, scoped, TOP_PAGES);
  return {
    from: window.from,
    to: window.to,
    comments,
    languages: [...THEME_LANGUAGES],
    words: top(words, TOP_WORDS),
    phrases: top(phrases, TOP_PHRASES),
    pages: pages.map((page) => ({ ...page, share: page.detractors / page.answers })),
  };
}

/** The most used terms first, ties in alphabetical order so the reply is stable. */
function top(counts: Map<string, number>, limit: number): CommentTerm[] {
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .slice(0, limit)
    .map(([term, comments]) => ({ term, comments }));
}
