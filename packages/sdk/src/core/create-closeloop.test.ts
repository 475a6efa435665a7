import { afterEach, beforeEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import { CONFIG_VERSION } from '../schemas/config-version.js';
import { ResponseSubmission } from '../schemas/response-submission.js';
import type { SurveyDefinition } from '../schemas/survey-definition.js';
import { holdBackFetchFailures } from '../test-support/hold-back-fetch-failures.js';
import { startLocalServer, type LocalServer, type Reply } from '../test-support/local-server.js';
import { memoryStorage } from '../test-support/memory-storage.js';
import { survey } from '../test-support/survey.js';
import { OUTBOX_KEY } from '../transport/outbox-store.js';
import { createCloseloop } from './create-closeloop.js';
import type { Closeloop, CloseloopOptions, LifecycleEvents, SurveySession } from './types.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createCloseloop against a real server', () => {
  let server: LocalServer;
  let surveys: SurveyDefinition[];
  let sessions: SurveySession[];
  let instances: Closeloop[];
  let warn: ReturnType<typeof vi.spyOn>;

  const config = (): Reply => ({ body: { configVersion: CONFIG_VERSION, project: 'pk_test', surveys } });
  const start = (options: Partial<CloseloopOptions> = {}) => {
    const closeloop = createCloseloop({
      project: 'pk_test',
      host: `${server.url}/`,
      storage: memoryStorage(),
      present: (session) => void sessions.push(session),
      ...options,
    });
    instances.push(closeloop);
    return closeloop;
  };
  const record = (closeloop: Closeloop) => {
    const events: Array<[keyof LifecycleEvents, unknown]> = [];
    for (const name of ['survey:shown', 'survey:answered', 'survey:completed', 'survey:dismissed'] as const)
      closeloop.on(name, (payload) => events.push([name, payload]));
    return events;
  };
  const exitPage = () => document.dispatchEvent(new MouseEvent('mouseout', { clientY: 0, relatedTarget: null }));

  beforeEach(async () => {
    surveys = [survey('nps')];
    sessions = [];
    instances = [];
    server = await startLocalServer((request) => (request.path.startsWith('/v1/config') ? config() : { status: 201 }));
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(async () => {
    for (const closeloop of instances) closeloop.destroy();
    vi.restoreAllMocks();
    await server.close();
  });

  test('tells the UI what it needs to know the visitor can be reached already: a signature beside an email attribute', async () => {
    const known = async (identify: (closeloop: Closeloop) => void) => {
      const closeloop = start();
      identify(closeloop);
      closeloop.show('nps');
      await vi.waitFor(() => expect(sessions).toHaveLength(1));
      const [session] = sessions.splice(0) as [SurveySession];
      closeloop.destroy();
      return Boolean(session.signature && session.attributes?.email);
    };
    const signature = { signature: 'ab'.repeat(32) };
    expect(await known((c) => c.identify('user-42', { email: 'ann@example.com' }, signature))).toBe(true);
    expect(await known((c) => c.identify('user-42', { email: 'ann@example.com' }))).toBe(false);
    expect(await known((c) => c.identify('user-42', { plan: 'pro' }, signature))).toBe(false);
    expect(await known(() => {})).toBe(false);
  });

  test('show → answer → answer → complete: one merged submission per step, all with the same id', async () => {
    const storage = memoryStorage();
    const closeloop = start({ storage });
    const events = record(closeloop);
    closeloop.identify('user-42', { plan: 'pro' }, { signature: 'ab'.repeat(32) });
    closeloop.show('nps');
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    const [session] = sessions as [SurveySession];
    expect(session.survey.id).toBe('nps');
    expect(session.trigger).toBe('manual');

    session.answer('score', 3);
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(1));
    session.answer('why', 'Too slow');
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(2));
    session.complete();
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(3));
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));

    // identify() right after start rides along with the config request: the reply can say what this user answered.
    expect(server.received[0]?.path).toBe(`/v1/config?project=pk_test&user=user-42&signature=${'ab'.repeat(32)}`);
    const sent = server.submissions().map((body) => ResponseSubmission.parse(body));
    const id = sent[0]?.id ?? '';
    expect(id).toMatch(UUID_V7);
    expect(sent.map((s) => [s.id, s.answers, s.finished, s.closed])).toEqual([
      [id, { score: 3 }, false, false],
      [id, { score: 3, why: 'Too slow' }, false, false],
      [id, { score: 3, why: 'Too slow' }, true, true],
    ]);
    expect(sent[2]).toMatchObject({
      project: 'pk_test',
      surveyId: 'nps',
      respondent: { userId: 'user-42', attributes: { plan: 'pro' }, signature: 'ab'.repeat(32) },
      context: { url: location.href, locale: navigator.language, userAgent: navigator.userAgent, trigger: 'manual' },
    });
    expect(sent[2]?.respondent.anonymousId).toBeTruthy();
    expect(events).toEqual([
      ['survey:shown', { surveyId: 'nps', trigger: 'manual' }],
      ['survey:answered', { surveyId: 'nps', responseId: id, questionId: 'score', value: 3 }],
      ['survey:answered', { surveyId: 'nps', responseId: id, questionId: 'why', value: 'Too slow' }],
      ['survey:completed', { surveyId: 'nps', responseId: id }],
    ]);
    // The session is over: the UI can no longer add to it.
    session.answer('score', 10);
    session.dismiss();
    expect(events).toHaveLength(4);
    expect(warn).not.toHaveBeenCalled();
  });

  test('a page view that shows nothing stores only its count: no visitor id, no frequency record', async () => {
    const storage = memoryStorage();
    const closeloop = start({ storage });
    await closeloop.ready;
    expect([...storage.data.keys()]).toEqual(['closeloop:visits']);
    closeloop.show('nps');
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    expect(storage.data.has('closeloop:caps')).toBe(true);
    sessions[0]!.answer('score', 9);
    await vi.waitFor(() => expect(storage.data.get('closeloop:anon')).toMatch(UUID_V7));
    // The answer goes out with it (and is not still on its way when the server closes).
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(1));
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));
  });

  test('calls made before the config arrives wait for it, in order, and none is dropped', async () => {
    let releaseConfig!: () => void;
    const configHeld = new Promise<void>((resolve) => (releaseConfig = resolve));
    server.handler = async (request) => (request.path.startsWith('/v1/config') ? (await configHeld, config()) : { status: 201 });
    surveys = [survey('on-buy', [{ type: 'event', name: 'buy' }]), survey('nps')];
    const closeloop = start();
    const events = record(closeloop);
    closeloop.track('buy');
    closeloop.identify('user-1');
    await vi.waitFor(() => expect(server.received).toHaveLength(1));
    expect(sessions).toHaveLength(0);

    releaseConfig();
    await closeloop.ready;
    expect(sessions.map((s) => [s.survey.id, s.trigger])).toEqual([['on-buy', 'event']]);
    sessions[0]?.dismiss();
    closeloop.show('nps');
    expect(sessions.map((s) => s.survey.id)).toEqual(['on-buy', 'nps']);
    sessions[1]?.answer('score', 8);
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(1));
    expect(server.submissions()[0]).toMatchObject({ respondent: { userId: 'user-1' } });
    expect(events.map(([name]) => name)).toEqual(['survey:shown', 'survey:dismissed', 'survey:shown', 'survey:answered']);
  });

  test('an exit-intent survey shows once per page view, and never again once dismissed', async () => {
    surveys = [survey('exit', [{ type: 'exit-intent' }])];
    const storage = memoryStorage();
    const page1 = start({ storage });
    await page1.ready;
    exitPage();
    expect(sessions.map((s) => s.trigger)).toEqual(['exit-intent']);
    exitPage();
    expect(sessions).toHaveLength(1);
    page1.destroy();

    // Shown but left unanswered: a new page view may show it again.
    const page2 = start({ storage });
    await page2.ready;
    exitPage();
    expect(sessions).toHaveLength(2);
    sessions[1]?.dismiss();
    page2.destroy();

    const page3 = start({ storage });
    await page3.ready;
    exitPage();
    expect(sessions).toHaveLength(2);
    // show() ignores the caps.
    page3.show('exit');
    expect(sessions).toHaveLength(3);
  });

  test('once a survey shows, its other triggers are disarmed: no timer or listener is left behind', async () => {
    surveys = [survey('mixed', [{ type: 'dwell', seconds: 30 }, { type: 'event', name: 'buy' }])];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const closeloop = start();
      await closeloop.ready;
      expect(vi.getTimerCount()).toBe(1);
      closeloop.track('buy');
      expect(sessions.map((s) => s.trigger)).toEqual(['event']);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a completed survey is not shown automatically to this visitor again', async () => {
    surveys = [survey('on-buy', [{ type: 'event', name: 'buy' }])];
    const storage = memoryStorage();
    const page1 = start({ storage });
    page1.track('buy');
    await page1.ready;
    sessions[0]?.answer('score', 10);
    sessions[0]?.complete();
    page1.destroy();
    const page2 = start({ storage });
    page2.track('buy');
    await page2.ready;
    expect(sessions).toHaveLength(1);
  });

  test('only one survey is on screen at a time', async () => {
    surveys = [survey('first', [{ type: 'event', name: 'buy' }]), survey('second', [{ type: 'event', name: 'buy' }])];
    const closeloop = start();
    closeloop.track('buy');
    closeloop.show('second');
    await closeloop.ready;
    expect(sessions.map((s) => s.survey.id)).toEqual(['first']);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('another survey is on screen');
    sessions[0]?.dismiss();
    closeloop.track('buy');
    expect(sessions.map((s) => s.survey.id)).toEqual(['first', 'second']);
  });

  test('show() of an unknown survey warns once and shows nothing', async () => {
    const closeloop = start();
    closeloop.show('nope');
    await closeloop.ready;
    expect(sessions).toHaveLength(0);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('nope');
  });

  test.each<[string, Reply]>([
    ['a config of another version', { body: { configVersion: CONFIG_VERSION + 1, project: 'pk_test', surveys: [survey('nps')] } }],
    ['an error status', { status: 500, body: { error: { code: 'internal', message: 'boom' } } }],
    ['a network error', { hangUp: true }],
  ])('%s: one warning, no surveys, no throw into the page', async (_, reply) => {
    onTestFinished(holdBackFetchFailures());
    server.handler = () => reply;
    const closeloop = start();
    closeloop.track('buy');
    await closeloop.ready;
    expect(sessions).toHaveLength(0);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('config');
  });

  test('a throwing or rejecting presenter is reported once and frees the screen', async () => {
    const present = vi
      .fn<(session: SurveySession) => Promise<void>>()
      .mockImplementationOnce(() => {
        throw new Error('render failed');
      })
      .mockRejectedValueOnce(new Error('chunk failed to load'))
      .mockResolvedValue(undefined);
    const closeloop = start({ present });
    closeloop.show('nps');
    await closeloop.ready;
    closeloop.show('nps');
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(2));
    closeloop.show('nps');
    expect(present).toHaveBeenCalledTimes(3);
    expect(String(warn.mock.calls[0]?.[0])).toContain('render failed');
    expect(String(warn.mock.calls[1]?.[0])).toContain('chunk failed to load');
  });

  test('a throwing lifecycle handler does not stop the survey', async () => {
    const closeloop = start();
    closeloop.on('survey:shown', () => {
      throw new Error('analytics down');
    });
    closeloop.show('nps');
    await closeloop.ready;
    expect(sessions).toHaveLength(1);
    expect(warn).toHaveBeenCalledOnce();
  });

  test('on() returns an unsubscribe', async () => {
    const closeloop = start();
    const shown = vi.fn();
    const off = closeloop.on('survey:shown', shown);
    off();
    closeloop.show('nps');
    await closeloop.ready;
    expect(shown).not.toHaveBeenCalled();
  });

  test('dismissing reports the response id only when something was answered, and tells the server no step follows', async () => {
    surveys = [survey('a'), survey('b')];
    const closeloop = start();
    const dismissed = vi.fn();
    closeloop.on('survey:dismissed', dismissed);
    closeloop.show('a');
    await closeloop.ready;
    sessions[0]?.dismiss();
    closeloop.show('b');
    sessions[1]?.answer('score', 1);
    sessions[1]?.dismiss();
    expect(dismissed.mock.calls).toEqual([[{ surveyId: 'a', responseId: null }], [{ surveyId: 'b', responseId: expect.stringMatching(UUID_V7) }]]);
    // Survey a had no answer: nothing to send. Survey b's answer, then the same answer marked closed (unfinished), so
    // a detractor's case is told of now rather than after the wait for a comment that is not coming.
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(2));
    const sent = server.submissions().map((body) => ResponseSubmission.parse(body));
    expect(sent.map((s) => [s.surveyId, s.answers, s.finished, s.closed])).toEqual([
      ['b', { score: 1 }, false, false],
      ['b', { score: 1 }, false, true],
    ]);
    expect(sent[1]?.id).toBe(sent[0]?.id);
  });

  test('leaving the page with an answered survey open tells the server no step follows, and a page restored from the back/forward cache still sends its next answer', async () => {
    const closeloop = start();
    const events = record(closeloop);
    closeloop.show('nps');
    await closeloop.ready;
    // Nothing answered yet: leaving sends nothing.
    window.dispatchEvent(new Event('pagehide'));
    sessions[0]?.answer('score', 2);
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(1));
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(2));
    // Back from the cache: the survey is still open, and the comment goes in with the score.
    window.dispatchEvent(new Event('pageshow'));
    sessions[0]?.answer('why', 'Checkout failed twice');
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(3));
    sessions[0]?.complete();
    // A survey over is left alone by later page hides: nothing more is sent for it.
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(4));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const sent = server.submissions().map((body) => ResponseSubmission.parse(body));
    expect(sent.map((s) => [s.answers, s.finished, s.closed])).toEqual([
      [{ score: 2 }, false, false],
      [{ score: 2 }, false, true],
      [{ score: 2, why: 'Checkout failed twice' }, false, false],
      [{ score: 2, why: 'Checkout failed twice' }, true, true],
    ]);
    expect(new Set(sent.map((s) => s.id)).size).toBe(1);
    // Leaving is not the visitor closing the survey: the host app hears of no dismissal.
    expect(events.map(([name]) => name)).not.toContain('survey:dismissed');
  });

  test('an invalid answer is ignored with one warning instead of poisoning the response', async () => {
    const closeloop = start();
    closeloop.show('nps');
    await closeloop.ready;
    sessions[0]?.answer('score', 11);
    sessions[0]?.answer('unknown', 'x');
    sessions[0]?.answer('score', 10);
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(1));
    expect(server.submissions()[0]?.answers).toEqual({ score: 10 });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  test('reset() gives the next answers a new anonymous visitor and no user', async () => {
    surveys = [survey('a'), survey('b')];
    const closeloop = start();
    closeloop.identify('user-1');
    closeloop.show('a');
    await closeloop.ready;
    sessions[0]?.answer('score', 5);
    sessions[0]?.complete();
    closeloop.reset();
    closeloop.show('b');
    sessions[1]?.answer('score', 6);
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(3));
    const [before, , after] = server.submissions().map((s) => ResponseSubmission.parse(s).respondent);
    expect(before?.userId).toBe('user-1');
    expect(after?.userId).toBeUndefined();
    expect(after?.anonymousId).not.toBe(before?.anonymousId);
  });

  test('without a presenter, surveys are decided and reported but nothing shows', async () => {
    const closeloop = start({ present: undefined });
    const shown = vi.fn();
    closeloop.on('survey:shown', shown);
    closeloop.show('nps');
    await closeloop.ready;
    expect(shown).toHaveBeenCalledWith({ surveyId: 'nps', trigger: 'manual' });
  });

  test('sends answers an earlier page could not deliver, before anything else happens', async () => {
    const leftOver = {
      id: '01900000-0000-7000-8000-0000000000aa',
      project: 'pk_test',
      surveyId: 'nps',
      answers: { score: 2 },
      finished: false,
      respondent: { anonymousId: 'anon-0' },
      context: { url: 'http://localhost:3000/cart' },
      answeredAt: '2026-01-01T00:00:00.000Z',
    };
    const storage = memoryStorage({ [OUTBOX_KEY]: JSON.stringify([leftOver]) });
    start({ storage });
    await vi.waitFor(() => expect(server.submissions()).toEqual([leftOver]));
    await vi.waitFor(() => expect(storage.data.has(OUTBOX_KEY)).toBe(false));
  });

  test('destroy() disarms triggers, drops waiting calls and turns every method into a no-op', async () => {
    surveys = [survey('exit', [{ type: 'exit-intent' }]), survey('on-buy', [{ type: 'event', name: 'buy' }])];
    const closeloop = start();
    const shown = vi.fn();
    closeloop.on('survey:shown', shown);
    await closeloop.ready;
    closeloop.destroy();
    exitPage();
    closeloop.track('buy');
    closeloop.show('on-buy');
    closeloop.identify('user-1');
    closeloop.reset();
    closeloop.on('survey:shown', shown)();
    expect(sessions).toHaveLength(0);
    expect(shown).not.toHaveBeenCalled();

    // Destroyed while the config is still on its way: nothing runs when it lands.
    const early = start();
    early.show('on-buy');
    early.destroy();
    await early.ready;
    exitPage();
    expect(sessions).toHaveLength(0);
    expect(warn).not.toHaveBeenCalled();
  });
});
