import { describe, expectTypeOf, test } from 'vitest';
import { createCloseloop } from './create-closeloop.js';

type ShopEvents = {
  checkout_completed: { total: number; currency: string };
  newsletter_opened: { source: string } | undefined;
};

describe('createCloseloop<Events>', () => {
  const closeloop = createCloseloop<ShopEvents>({ project: 'pk_demo', host: 'https://feedback.example.com' });

  test('track() takes only declared names, with their declared properties', () => {
    closeloop.track('checkout_completed', { total: 120, currency: 'EUR' });
    closeloop.track('newsletter_opened');
    // @ts-expect-error unknown event name
    closeloop.track('checkout_complete', { total: 1, currency: 'EUR' });
    // @ts-expect-error total must be a number
    closeloop.track('checkout_completed', { total: '120', currency: 'EUR' });
    // @ts-expect-error declared properties are required
    closeloop.track('checkout_completed');
  });

  test('on() payloads are typed per lifecycle event', () => {
    closeloop.on('survey:shown', (payload) => {
      expectTypeOf(payload.trigger).toEqualTypeOf<'exit-intent' | 'dwell' | 'scroll' | 'click' | 'page-view' | 'event' | 'visits' | 'manual'>();
    });
    closeloop.on('survey:answered', (payload) => expectTypeOf(payload.questionId).toBeString());
    closeloop.on('survey:dismissed', (payload) => expectTypeOf(payload.responseId).toEqualTypeOf<string | null>());
    closeloop.on('followup:opened', (payload) => expectTypeOf(payload).toEqualTypeOf<{ surveyId: string; responseId: string; followUpId: string }>());
    expectTypeOf(closeloop.on('survey:completed', () => {})).toEqualTypeOf<() => void>();
    // @ts-expect-error not a lifecycle event
    closeloop.on('survey:closed', () => {});
  });

  test('without an event map, any name and properties are accepted', () => {
    const loose = createCloseloop({ project: 'pk_demo', host: 'https://feedback.example.com' });
    loose.track('anything', { n: 1 });
    loose.track('anything-else');
  });
});
