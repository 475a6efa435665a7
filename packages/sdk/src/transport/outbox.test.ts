import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { FeedbackSubmission } from '../schemas/feedback-submission.js';
import type { ResponseSubmission } from '../schemas/response-submission.js';
import { holdBackFetchFailures } from '../test-support/hold-back-fetch-failures.js';
import { startLocalServer, type LocalServer, type Reply } from '../test-support/local-server.js';
import { memoryStorage } from '../test-support/memory-storage.js';
import { createOutbox } from './outbox.js';
import { OUTBOX_KEY } from './outbox-store.js';

function submission(id: string, answers: ResponseSubmission['answers'], finished = false): ResponseSubmission {
  return {
    id,
    project: 'pk_test',
    surveyId: 'nps',
    answers,
    finished,
    closed: finished,
    respondent: { anonymousId: 'anon-1' },
    context: { url: 'http://localhost:3000/', trigger: 'manual' },
    answeredAt: '2026-01-01T00:00:00.000Z',
  };
}

function feedback(id: string, category: FeedbackSubmission['category'] = 'problem'): FeedbackSubmission {
  return {
    id,
    project: 'pk_test',
    category,
    comment: 'The coupon field rejects my code',
    respondent: { anonymousId: 'anon-1' },
    context: { url: 'http://localhost:3000/' },
    sentAt: '2026-01-01T00:00:00.000Z',
  };
}

const ID_A = '01900000-0000-7000-8000-00000000000a';
const ID_B = '01900000-0000-7000-8000-00000000000b';

/** A reply the test releases when it chooses: holds a request in flight. */
function held() {
  let release!: (reply: Reply) => void;
  const reply = new Promise<Reply>((resolve) => (release = resolve));
  return { reply, release };
}

describe('createOutbox', () => {
  let server: LocalServer;
  let controller: AbortController;
  let warn: ReturnType<typeof vi.spyOn>;
  const stored = (storage: ReturnType<typeof memoryStorage>) => JSON.parse(storage.data.get(OUTBOX_KEY) ?? '[]') as ResponseSubmission[];

  beforeEach(async () => {
    server = await startLocalServer();
    controller = new AbortController();
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  // Failed deliveries are what these tests are about: happy-dom's console report of each is expected.
  beforeEach(() => holdBackFetchFailures());
  afterEach(async () => {
    controller.abort();
    vi.restoreAllMocks();
    await server.close();
  });
  const outboxOn = (storage = memoryStorage(), retryDelay: (attempt: number) => number = () => 10) =>
    createOutbox({ host: server.url, storage, signal: controller.signal, retryDelay });

  test('persists before sending, and removes the entry once the server accepted it', async () => {
    const storage = memoryStorage();
    const { reply, release } = held();
    server.handler = () => reply;
    const outbox = outboxOn(storage);
    outbox.put(submission(ID_A, { score: 3 }));
    expect(stored(storage)).toEqual([submission(ID_A, { score: 3 })]);
    await vi.waitFor(() => expect(server.received).toHaveLength(1));
    expect(stored(storage)).toHaveLength(1);
    release({ status: 201, body: { id: ID_A, followUpId: null } });
    await outbox.flush();
    expect(storage.data.has(OUTBOX_KEY)).toBe(false);
    const [request] = server.received;
    expect(request?.headers['content-type']).toBe('text/plain;charset=UTF-8');
    expect(JSON.parse(request?.body ?? '')).toEqual(submission(ID_A, { score: 3 }));
    expect(warn).not.toHaveBeenCalled();
  });

  test('a newer revision queued while the older is in flight replaces it and is sent next, in order', async () => {
    const storage = memoryStorage();
    const first = held();
    server.handler = () => (server.received.length === 1 ? first.reply : { status: 201 });
    const outbox = outboxOn(storage);
    outbox.put(submission(ID_A, { score: 3 }));
    await vi.waitFor(() => expect(server.received).toHaveLength(1));
    outbox.put(submission(ID_A, { score: 3, why: 'slow' }, true));
    expect(stored(storage)).toEqual([submission(ID_A, { score: 3, why: 'slow' }, true)]);
    first.release({ status: 201 });
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));
    expect(server.submissions().map((s) => s.answers)).toEqual([{ score: 3 }, { score: 3, why: 'slow' }]);
  });

  test.each<[string, Reply]>([
    ['a 503', { status: 503 }],
    ['a 429', { status: 429 }],
    ['a 408', { status: 408 }],
    ['a network error', { hangUp: true }],
  ])('keeps the entry after %s and retries with backoff, warning once', async (_, failure) => {
    const storage = memoryStorage();
    server.handler = () => (server.received.length <= 2 ? failure : { status: 201 });
    const delays: number[] = [];
    const outbox = outboxOn(storage, (attempt) => (delays.push(attempt), 10));
    outbox.put(submission(ID_A, { score: 9 }));
    await vi.waitFor(() => expect(server.received).toHaveLength(3));
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));
    expect(delays).toEqual([0, 1]);
    expect(new Set(server.submissions().map((s) => s.id))).toEqual(new Set([ID_A]));
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain(ID_A);
  });

  test.each<[string, number]>([
    ['503', 503],
    ['429', 429],
  ])('a %s with Retry-After: the entry waits that long before it goes again, not the shorter backoff', async (_, status) => {
    const storage = memoryStorage();
    const at: number[] = [];
    server.handler = () => (at.push(performance.now()), at.length === 1 ? { status, headers: { 'Retry-After': '1' } } : { status: 201 });
    const outbox = outboxOn(storage, () => 10);
    outbox.put(submission(ID_A, { score: 1 }));
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false), { timeout: 3_000 });
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(990);
  });

  test('a Retry-After that is a date leaves the backoff alone; an absurdly long one is held to ten minutes', async () => {
    const storage = memoryStorage();
    server.handler = () => (server.received.length === 1 ? { status: 503, headers: { 'Retry-After': 'Wed, 21 Oct 2099 07:28:00 GMT' } } : { status: 201 });
    const outbox = outboxOn(storage, () => 10);
    outbox.put(submission(ID_A, { score: 1 }));
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));
    expect(server.received).toHaveLength(2);
    const timeouts = vi.spyOn(window, 'setTimeout');
    server.handler = () => ({ status: 503, headers: { 'Retry-After': '86400' } });
    outbox.put(submission(ID_B, { score: 2 }));
    await vi.waitFor(() => expect(timeouts.mock.calls.some(([, ms]) => ms === 600_000)).toBe(true));
  });

  test('drops a submission the server refuses for good, with one warning naming it and the reason', async () => {
    const storage = memoryStorage();
    server.handler = (request) =>
      request.body.includes(ID_A)
        ? { status: 400, body: { error: { code: 'invalid_body', message: 'answers.score: must be a whole number from 0 to 10' } } }
        : { status: 201 };
    const outbox = outboxOn(storage);
    outbox.put(submission(ID_A, { score: 3 }));
    outbox.put(submission(ID_B, { score: 8 }));
    await outbox.flush();
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));
    expect(server.submissions().map((s) => s.id)).toEqual([ID_A, ID_B]);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(new RegExp(`${ID_A}.*must be a whole number`));
  });

  test('sends what earlier pages left in storage, dropping corrupt or foreign entries with one warning', async () => {
    const leftOver = submission(ID_B, { score: 10 }, true);
    const storage = memoryStorage({ [OUTBOX_KEY]: JSON.stringify([{ id: 1 }, 'junk', leftOver]) });
    await outboxOn(storage).flush();
    expect(server.submissions()).toEqual([leftOver]);
    expect(storage.data.has(OUTBOX_KEY)).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
  });

  test('an unparseable outbox is cleared with one warning, never thrown', async () => {
    const storage = memoryStorage({ [OUTBOX_KEY]: '{"truncated' });
    await expect(outboxOn(storage).flush()).resolves.toBeUndefined();
    expect(storage.data.has(OUTBOX_KEY)).toBe(false);
    expect(server.received).toHaveLength(0);
    expect(warn).toHaveBeenCalledOnce();
  });

  test('resumes at once when the browser comes back online', async () => {
    const storage = memoryStorage();
    server.handler = () => ({ status: 503 });
    const outbox = outboxOn(storage, () => 3_600_000);
    outbox.put(submission(ID_A, { score: 2 }));
    await outbox.flush();
    expect(server.received).toHaveLength(1);
    server.handler = () => ({ status: 201 });
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));
    expect(server.received).toHaveLength(2);
  });

  test('offline, a failed send waits for `online` instead of burning retries, then goes out once', async () => {
    const storage = memoryStorage();
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    server.handler = () => ({ hangUp: true });
    const delays: number[] = [];
    const outbox = outboxOn(storage, (attempt) => (delays.push(attempt), 10));
    outbox.put(submission(ID_A, { score: 4 }));
    await outbox.flush();
    // Ten retry delays' worth of waiting: still the one attempt, and no retry was scheduled.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.received).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(stored(storage)).toEqual([submission(ID_A, { score: 4 })]);

    online.mockReturnValue(true);
    server.handler = () => ({ status: 201 });
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));
    expect(server.received).toHaveLength(2);
    expect(warn).toHaveBeenCalledOnce();
  });

  test('on pagehide, hands every queued entry to sendBeacon as text/plain, and keeps it for the next page', async () => {
    const storage = memoryStorage({ [OUTBOX_KEY]: JSON.stringify([submission(ID_A, { score: 4 })]) });
    outboxOn(storage);
    const sendBeacon = vi.spyOn(navigator, 'sendBeacon');
    window.dispatchEvent(new Event('pagehide'));
    expect(sendBeacon).toHaveBeenCalledOnce();
    const [url, data] = sendBeacon.mock.calls[0] ?? [];
    expect(url).toBe(`${server.url}/v1/responses`);
    expect(data).toBeInstanceOf(Blob);
    expect((data as Blob).type).toBe('text/plain;charset=utf-8');
    await vi.waitFor(() => expect(server.submissions()).toEqual([submission(ID_A, { score: 4 })]));
    expect(stored(storage)).toHaveLength(1);
  });

  test('falls back to a keepalive fetch when sendBeacon refuses', async () => {
    const storage = memoryStorage({ [OUTBOX_KEY]: JSON.stringify([submission(ID_A, { score: 4 })]) });
    outboxOn(storage);
    vi.spyOn(navigator, 'sendBeacon').mockReturnValue(false);
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(server.submissions()).toEqual([submission(ID_A, { score: 4 })]));
    expect(server.received[0]?.headers['content-type']).toBe('text/plain;charset=UTF-8');
  });

  test('destroyed while a request is in flight: a failure stays queued without a word, a success is cleared', async () => {
    const storage = memoryStorage();
    const failing = held();
    server.handler = () => failing.reply;
    const outbox = outboxOn(storage);
    outbox.put(submission(ID_A, { score: 2 }));
    await vi.waitFor(() => expect(server.received).toHaveLength(1));
    controller.abort();
    failing.release({ status: 503 });
    await outbox.flush();
    await vi.waitFor(() => expect(warn).not.toHaveBeenCalled());
    expect(stored(storage).map((s) => s.id)).toEqual([ID_A]);

    controller = new AbortController();
    const succeeding = held();
    server.handler = () => succeeding.reply;
    const next = outboxOn(storage);
    void next.flush();
    await vi.waitFor(() => expect(server.received).toHaveLength(2));
    controller.abort();
    succeeding.release({ status: 201 });
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));
  });

  test('once aborted: no retry timer, no online or pagehide listener, put() does nothing', async () => {
    const storage = memoryStorage();
    server.handler = () => ({ status: 503 });
    const retries = vi.fn(() => 30);
    const outbox = outboxOn(storage, retries);
    const sendBeacon = vi.spyOn(navigator, 'sendBeacon');
    outbox.put(submission(ID_A, { score: 2 }));
    await outbox.flush();
    expect(retries).toHaveBeenCalledOnce();
    controller.abort();
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('pagehide'));
    outbox.put(submission(ID_B, { score: 2 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.received).toHaveLength(1);
    expect(sendBeacon).not.toHaveBeenCalled();
    expect(stored(storage).map((s) => s.id)).toEqual([ID_A]);
  });

  test('posts feedback to /v1/feedback and responses to /v1/responses, in the order they were queued', async () => {
    const storage = memoryStorage();
    const outbox = outboxOn(storage);
    outbox.put(submission(ID_A, { score: 3 }));
    outbox.put(feedback(ID_B));
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));
    expect(server.received.filter((r) => r.method === 'POST').map((r) => [r.path, JSON.parse(r.body).id])).toEqual([
      ['/v1/responses', ID_A],
      ['/v1/feedback', ID_B],
    ]);
    expect(warn).not.toHaveBeenCalled();
  });

  test('keeps undelivered feedback through an outage, and a page load later sends responses stored by earlier versions too', async () => {
    // Written by the previous version: a bare response, exactly as it was sent.
    const storage = memoryStorage({ [OUTBOX_KEY]: JSON.stringify([submission(ID_A, { score: 1 }, true)]) });
    server.handler = () => ({ status: 503 });
    const first = outboxOn(storage, () => 3_600_000);
    first.put(feedback(ID_B, 'idea'));
    await first.flush();
    expect(stored(storage).map((entry) => entry.id)).toEqual([ID_A, ID_B]);
    expect(String(warn.mock.calls[0]?.[0])).toContain(`could not send response ${ID_A}`);
    controller.abort();

    controller = new AbortController();
    server.handler = () => ({ status: 201 });
    await outboxOn(storage).flush();
    expect(storage.data.has(OUTBOX_KEY)).toBe(false);
    const delivered = server.received.slice(1).map((r) => [r.path, JSON.parse(r.body) as unknown]);
    expect(delivered).toEqual([
      ['/v1/responses', submission(ID_A, { score: 1 }, true)],
      ['/v1/feedback', feedback(ID_B, 'idea')],
    ]);
  });

  test('drops feedback the server refuses for good, naming it', async () => {
    const storage = memoryStorage();
    server.handler = () => ({ status: 400, body: { error: { code: 'invalid_request', message: 'Invalid feedback: comment' } } });
    const outbox = outboxOn(storage);
    outbox.put(feedback(ID_B));
    await outbox.flush();
    expect(storage.data.has(OUTBOX_KEY)).toBe(false);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(new RegExp(`refused feedback ${ID_B}.*comment`));
  });
});
