import { afterEach, expect, test, vi } from 'vitest';
import { ResponseContext } from '../schemas/respondent.js';
import { pageContext } from './page-context.js';

afterEach(() => vi.restoreAllMocks());

test.each([
  ['https://www.google.com/', 'https://www.google.com/'],
  ['http://blog.example/post', 'http://blog.example/post'],
  // Android apps (Gmail, the Google app) send their own scheme; the server only stores web addresses, so an
  // answer must not be refused for where the visitor came from.
  ['android-app://com.google.android.gm/', undefined],
  ['', undefined],
])('sends the referrer %j as %j, and the server accepts what it sends', (referrer, sent) => {
  vi.spyOn(document, 'referrer', 'get').mockReturnValue(referrer);
  const context = pageContext('dwell');
  expect(context.referrer).toBe(sent);
  expect(ResponseContext.safeParse(context).success).toBe(true);
});
