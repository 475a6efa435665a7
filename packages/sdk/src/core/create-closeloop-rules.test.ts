import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CONFIG_VERSION } from '../schemas/config-version.js';
import type { SurveyDefinition } from '../schemas/survey-definition.js';
import { startLocalServer, type LocalServer } from '../test-support/local-server.js';
import { memoryStorage } from '../test-support/memory-storage.js';
import { survey } from '../test-support/survey.js';
import { createCloseloop } from './create-closeloop.js';
import type { Closeloop, SignedVisitor, SurveySession } from './types.js';

type Events = { checkout_completed: { total: number } };

/** Triggers, targeting, caps and the server's reply working together through the public API, on a real server. */
describe('createCloseloop: deciding when a survey shows', () => {
  let server: LocalServer;
  let surveys: SurveyDefinition[];
  let answered: unknown[] | undefined;
  let sessions: SurveySession[];
  let instances: Closeloop<Events>[];
  let responseReply: Record<string, unknown>;

  const start = (storage = memoryStorage()) => {
    const closeloop = createCloseloop<Events>({ project: 'pk_test', host: server.url, storage, present: (s) => void sessions.push(s) });
    instances.push(closeloop);
    return closeloop;
  };

  beforeEach(async () => {
    sessions = [];
    instances = [];
    answered = undefined;
    responseReply = { followUpId: null };
    server = await startLocalServer((request) =>
      request.path.startsWith('/v1/config')
        ? { body: { configVersion: CONFIG_VERSION, project: 'pk_test', surveys, answered } }
        : { status: 201, body: { id: 'x', ...responseReply } },
    );
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    history.replaceState(null, '', '/');
  });
  afterEach(async () => {
    for (const closeloop of instances) closeloop.destroy();
    vi.restoreAllMocks();
    await server.close();
  });

  test('an event trigger shows the survey only when its property filter matches', async () => {
    surveys = [survey('big-order', [{ type: 'event', name: 'checkout_completed', where: [{ property: 'total', op: 'gt', value: 100 }] }])];
    const closeloop = start();
    closeloop.track('checkout_completed', { total: 80 });
    await closeloop.ready;
    expect(sessions).toHaveLength(0);
    closeloop.track('checkout_completed', { total: 120 });
    expect(sessions.map((s) => [s.survey.id, s.trigger])).toEqual([['big-order', 'event']]);
  });

  test('targeting is checked before the presenter is called: wrong audience, no UI', async () => {
    surveys = [{ ...survey('pros', [{ type: 'event', name: 'checkout_completed' }]), targeting: { audience: 'identified', attributes: [{ property: 'plan', op: 'eq', value: 'pro' }] } }];
    const closeloop = start();
    await closeloop.ready;
    closeloop.track('checkout_completed', { total: 1 });
    closeloop.identify('u-1', { plan: 'free' });
    closeloop.track('checkout_completed', { total: 1 });
    expect(sessions).toHaveLength(0);
    closeloop.identify('u-1', { plan: 'pro' });
    closeloop.track('checkout_completed', { total: 1 });
    expect(sessions).toHaveLength(1);
  });

  test('a page-view trigger fires on a single-page-app route change to a matching URL', async () => {
    surveys = [survey('thanks', [{ type: 'page-view', urls: { match: 'any', rules: [{ op: 'starts-with', value: '/order/', on: 'path' }] } }])];
    const closeloop = start();
    await closeloop.ready;
    history.pushState(null, '', '/cart');
    expect(sessions).toHaveLength(0);
    history.pushState(null, '', '/order/42');
    expect(sessions.map((s) => s.trigger)).toEqual(['page-view']);
  });

  test('delaySeconds waits before showing, and destroy() cancels a pending showing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    surveys = [survey('later', [{ type: 'event', name: 'checkout_completed', delaySeconds: 3 }])];
    const first = start();
    await first.ready;
    first.track('checkout_completed', { total: 1 });
    vi.advanceTimersByTime(2999);
    expect(sessions).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(sessions).toHaveLength(1);

    const second = start();
    await second.ready;
    second.track('checkout_completed', { total: 1 });
    second.destroy();
    vi.advanceTimersByTime(10_000);
    expect(sessions).toHaveLength(1);
    vi.useRealTimers();
  });

  test('prepare is called when a trigger fires with a delay (the survey is coming) and when the pointer heads for the top', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    surveys = [survey('later', [{ type: 'event', name: 'checkout_completed', delaySeconds: 3 }, { type: 'exit-intent' }])];
    const prepare = vi.fn();
    const closeloop = createCloseloop<Events>({ project: 'pk_test', host: server.url, storage: memoryStorage(), present: (s) => void sessions.push(s), prepare });
    instances.push(closeloop);
    await closeloop.ready;
    expect(prepare).not.toHaveBeenCalled();
    closeloop.track('checkout_completed', { total: 1 });
    expect(prepare).toHaveBeenCalledOnce();
    expect(sessions).toHaveLength(0);
    document.dispatchEvent(new MouseEvent('mousemove', { clientY: 20, movementY: -8 }));
    expect(prepare).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(3000);
    expect(sessions.map((s) => s.survey.id)).toEqual(['later']);
    vi.useRealTimers();
  });

  test('a survey shown with no warning asks for its UI before the host app hears of it; one refused asks for nothing', async () => {
    surveys = [survey('now', [{ type: 'event', name: 'checkout_completed' }])];
    const order: string[] = [];
    const closeloop = createCloseloop<Events>({
      project: 'pk_test',
      host: server.url,
      storage: memoryStorage(),
      present: (s) => void order.push(`present ${s.survey.id}`),
      prepare: () => void order.push('prepare'),
    });
    instances.push(closeloop);
    // A slow analytics handler must not hold the survey's download back.
    closeloop.on('survey:shown', ({ surveyId }) => void order.push(`shown ${surveyId}`));
    await closeloop.ready;
    closeloop.track('checkout_completed', { total: 1 });
    expect(order).toEqual(['prepare', 'shown now', 'present now']);
    // The survey is still on screen: this show() is refused, and downloads nothing.
    closeloop.show('now');
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('another survey is on screen'));
    expect(order).toHaveLength(3);
  });

  test('frequency "once" holds across page loads even when the survey was never answered', async () => {
    surveys = [{ ...survey('once', [{ type: 'event', name: 'checkout_completed' }]), frequency: { mode: 'once' } }];
    const storage = memoryStorage();
    const page1 = start(storage);
    await page1.ready;
    page1.track('checkout_completed', { total: 1 });
    expect(sessions).toHaveLength(1);
    page1.destroy();
    const page2 = start(storage);
    await page2.ready;
    page2.track('checkout_completed', { total: 1 });
    expect(sessions).toHaveLength(1);
  });

  test('a trigger that fires while another surface is open (busy) is dropped: not shown, not counted, no later surprise', async () => {
    surveys = [{ ...survey('once', [{ type: 'event', name: 'checkout_completed' }]), frequency: { mode: 'once' } }];
    const storage = memoryStorage();
    let formOpen = true;
    const shown: string[] = [];
    const page1 = createCloseloop<Events>({ project: 'pk_test', host: server.url, storage, busy: () => formOpen, present: (s) => void sessions.push(s) });
    instances.push(page1);
    page1.on('survey:shown', ({ surveyId }) => shown.push(surveyId));
    await page1.ready;
    page1.track('checkout_completed', { total: 1 });
    expect(sessions).toHaveLength(0);
    // The form closes: the dropped firing does not come back by itself.
    formOpen = false;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sessions).toHaveLength(0);
    expect(shown).toEqual([]);
    page1.destroy();

    // Not counted as shown: the next page view may still show this "once" survey.
    const page2 = start(storage);
    await page2.ready;
    page2.track('checkout_completed', { total: 1 });
    expect(sessions.map((s) => s.survey.id)).toEqual(['once']);
  });

  test('show(id) is the visitor asking: it is not held back while another surface is open', async () => {
    surveys = [survey('nps', [])];
    const closeloop = createCloseloop({ project: 'pk_test', host: server.url, storage: memoryStorage(), busy: () => true, present: (s) => void sessions.push(s) });
    instances.push(closeloop);
    closeloop.show('nps');
    await closeloop.ready;
    expect(sessions.map((s) => s.trigger)).toEqual(['manual']);
  });

  test('a survey the server says this user answered on another device does not show here', async () => {
    surveys = [survey('nps', [{ type: 'event', name: 'checkout_completed' }])];
    answered = [{ surveyId: 'nps', at: new Date().toISOString() }];
    const closeloop = start();
    closeloop.identify('u-1', {}, { signature: 'ab'.repeat(32) });
    await closeloop.ready;
    expect(server.received[0]?.path).toContain('&user=u-1&signature=');
    closeloop.track('checkout_completed', { total: 1 });
    expect(sessions).toHaveLength(0);
  });

  test('a signed identify() after the config loaded asks again, once, and what the user answered elsewhere holds on this page', async () => {
    surveys = [survey('nps', [{ type: 'event', name: 'checkout_completed' }])];
    const storage = memoryStorage();
    const closeloop = start(storage);
    await closeloop.ready;
    const configs = () => server.received.filter((r) => r.path.startsWith('/v1/config')).map((r) => r.path);
    expect(configs()).toEqual(['/v1/config?project=pk_test']);

    answered = [{ surveyId: 'nps', at: new Date().toISOString() }];
    closeloop.identify('u-1', {}, { signature: 'ab'.repeat(32) });
    // The same user again (an app that identifies on every route) does not ask a third time.
    closeloop.identify('u-1', { plan: 'pro' }, { signature: 'ab'.repeat(32) });
    await vi.waitFor(() => expect(storage.getItem('closeloop:caps')).toContain('"nps":{'));
    expect(configs()).toEqual(['/v1/config?project=pk_test', `/v1/config?project=pk_test&user=u-1&signature=${'ab'.repeat(32)}`]);
    closeloop.track('checkout_completed', { total: 1 });
    expect(sessions).toHaveLength(0);
  });

  describe('signed: the hook that loads messages for a signed visitor only', () => {
    const signature = 'ab'.repeat(32);
    const startWith = (signed: (visitor: SignedVisitor) => void, storage = memoryStorage()) => {
      const closeloop = createCloseloop({ project: 'pk_test', host: `${server.url}/`, storage, signed });
      instances.push(closeloop);
      return closeloop;
    };

    test('is called at start for a signed identify() made before the config request, with the project and host', async () => {
      const signed = vi.fn();
      const closeloop = startWith(signed);
      closeloop.identify('u-1', { locale: 'sv' }, { signature });
      await closeloop.ready;
      expect(signed).toHaveBeenCalledExactlyOnceWith({ project: 'pk_test', host: server.url, userId: 'u-1', attributes: { locale: 'sv' }, signature });
    });

    test('is called for the signed identity an earlier page view kept, without a new identify()', async () => {
      const storage = memoryStorage();
      const first = startWith(() => {}, storage);
      first.identify('u-1', {}, { signature });
      await first.ready;
      const signed = vi.fn();
      await startWith(signed, storage).ready;
      expect(signed).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ userId: 'u-1', signature }));
    });

    test('is never called for an anonymous visitor, an unsigned identity or a malformed signature', async () => {
      const signed = vi.fn();
      await startWith(signed).ready;
      const unsigned = startWith(signed);
      unsigned.identify('u-1', { plan: 'pro' });
      await unsigned.ready;
      const forged = startWith(signed);
      forged.identify('u-1', {}, { signature: 'not-a-signature' });
      await forged.ready;
      expect(signed).not.toHaveBeenCalled();
    });

    test('is called again after a login on this page (a new signature), not for the same signature twice', async () => {
      const signed = vi.fn();
      const closeloop = startWith(signed);
      await closeloop.ready;
      expect(signed).not.toHaveBeenCalled();
      closeloop.identify('u-1', {}, { signature });
      closeloop.identify('u-1', { plan: 'pro' }, { signature });
      expect(signed).toHaveBeenCalledOnce();
      closeloop.identify('u-2', {}, { signature: 'cd'.repeat(32) });
      expect(signed).toHaveBeenCalledTimes(2);
      expect(signed.mock.calls[1]![0]).toMatchObject({ userId: 'u-2', signature: 'cd'.repeat(32) });
      // The config is asked again for each new signature too: both replies are in before the server closes.
      await vi.waitFor(() => expect(server.received.filter((r) => r.path.startsWith('/v1/config'))).toHaveLength(3));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
  });

  test("'followup:opened' fires once when the server opens a case for the response", async () => {
    surveys = [survey('nps')];
    responseReply = { followUpId: '0190f5c2-0000-7000-8000-000000000001' };
    const closeloop = start();
    const opened = vi.fn();
    closeloop.on('followup:opened', opened);
    closeloop.show('nps');
    await vi.waitFor(() => expect(sessions).toHaveLength(1));
    const [session] = sessions as [SurveySession];
    session.answer('score', 2);
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(1));
    session.answer('why', 'slow');
    await vi.waitFor(() => expect(server.submissions()).toHaveLength(2));
    await vi.waitFor(() => expect(opened).toHaveBeenCalled());
    expect(opened).toHaveBeenCalledExactlyOnceWith({ surveyId: 'nps', responseId: server.submissions()[0]?.id, followUpId: responseReply.followUpId });
  });
});
