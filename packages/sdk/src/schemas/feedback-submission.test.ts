import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { EMAIL_PATTERN } from './feedback-limits.js';
import { FeedbackSubmission } from './feedback-submission.js';

const valid = {
  id: '01900000-0000-7000-8000-00000000000a',
  project: 'pk_demo',
  category: 'problem',
  comment: 'The coupon is refused',
  respondent: { anonymousId: 'a' },
  context: { url: 'https://shop.example/' },
  sentAt: '2026-01-01T00:00:00.000Z',
};

describe('FeedbackSubmission', () => {
  it('uses zod’s own email pattern, so the core’s check and the server’s agree', () => {
    // The same pattern, less zod's escapes of `-` at the end of a character class, which change nothing.
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source.replaceAll('\\-]', '-]'));
  });

  it('accepts an anonymous visitor’s email and refuses one from an identified user, naming email', () => {
    expect(FeedbackSubmission.safeParse({ ...valid, email: 'ana@example.com' }).success).toBe(true);
    const identified = FeedbackSubmission.safeParse({ ...valid, email: 'ana@example.com', respondent: { anonymousId: 'a', userId: 'u' } });
    expect(identified.error?.issues.map((i) => i.path.join('.'))).toEqual(['email']);
  });

  it('refuses an empty comment after trimming, an unknown category and a malformed email, each by name', () => {
    const result = FeedbackSubmission.safeParse({ ...valid, comment: ' \n ', category: 'bug', email: 'ana@' });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['category', 'comment', 'email']);
  });
});
