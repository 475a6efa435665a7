import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CONFIG_VERSION } from '../schemas/config-version.js';
import { FeedbackSubmission } from '../schemas/feedback-submission.js';
import { startLocalServer, type LocalServer } from '../test-support/local-server.js';
import { memoryStorage } from '../test-support/memory-storage.js';
import { OUTBOX_KEY } from '../transport/outbox-store.js';
import { createCloseloop } from './create-closeloop.js';
import type { Closeloop, FeedbackInput } from './types.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('closeloop.feedback() against a real server', () => {
  let server: LocalServer;
  let closeloop: Closeloop;
  let warn: ReturnType<typeof vi.spyOn>;
  const storage = memoryStorage();
  const sent = () => server.received.filter((r) => r.path === '/v1/feedback').map((r) => FeedbackSubmission.parse(JSON.parse(r.body)));

  beforeEach(async () => {
    storage.data.clear();
    server = await startLocalServer((request) =>
      request.path.startsWith('/v1/config') ? { body: { configVersion: CONFIG_VERSION, project: 'pk_test', surveys: [] } } : { status: 201 },
    );
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    closeloop = createCloseloop({ project: 'pk_test', host: server.url, storage });
  });
  afterEach(async () => {
    // The config request is over before the server closes, so no connection error leaks into the next test.
    await closeloop.ready;
    closeloop.destroy();
    vi.restoreAllMocks();
    await server.close();
  });

  test('queues a problem durably and posts it to /v1/feedback as a valid submission', async () => {
    expect(closeloop.identified).toBe(false);
    expect(closeloop.feedback({ category: 'problem', comment: '  The coupon is refused  ', email: 'ana@example.com' })).toBe(true);
    // Written to storage before the request, so a closed tab does not lose it.
    expect(JSON.parse(storage.data.get(OUTBOX_KEY) ?? '[]')).toHaveLength(1);
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));
    const [feedback] = sent();
    expect(feedback).toMatchObject({
      project: 'pk_test',
      category: 'problem',
      comment: 'The coupon is refused',
      email: 'ana@example.com',
      context: { url: location.href },
    });
    expect(feedback?.id).toMatch(UUID_V7);
    expect(feedback?.context.trigger).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  test('an identified user’s feedback goes without the email, which the server would refuse', async () => {
    closeloop.identify('user-7');
    expect(closeloop.identified).toBe(true);
    expect(closeloop.feedback({ category: 'idea', comment: 'Dark mode please', email: 'u7@example.com' })).toBe(true);
    await vi.waitFor(() => expect(sent()).toHaveLength(1));
    expect(sent()[0]).toMatchObject({ respondent: { userId: 'user-7' } });
    expect(sent()[0]?.email).toBeUndefined();
  });

  test('shows the feedback form the identify() attributes, where it reads the visitor’s locale; none after reset()', () => {
    expect(closeloop.attributes).toBeUndefined();
    closeloop.identify('user-7', { locale: 'sv-SE', plan: 'pro' });
    expect(closeloop.attributes).toEqual({ locale: 'sv-SE', plan: 'pro' });
    closeloop.reset();
    expect(closeloop.attributes).toBeUndefined();
  });

  test.each<[string, unknown, RegExp]>([
    ['an empty comment', { category: 'idea', comment: '   ' }, /comment/],
    ['an overlong comment', { category: 'idea', comment: 'x'.repeat(2001) }, /comment/],
    ['an unknown category', { category: 'bug', comment: 'x' }, /category/],
    ['a malformed email', { category: 'other', comment: 'x', email: 'ana@' }, /email/],
    ['no input at all', undefined, /category/],
  ])('refuses %s with one warning naming the field, sending nothing', async (_, input, field) => {
    expect(closeloop.feedback(input as FeedbackInput)).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(field);
    expect(storage.data.has(OUTBOX_KEY)).toBe(false);
  });

  test('does nothing after destroy()', () => {
    closeloop.destroy();
    expect(closeloop.feedback({ category: 'praise', comment: 'Great shop' })).toBe(false);
    expect(storage.data.has(OUTBOX_KEY)).toBe(false);
  });
});
