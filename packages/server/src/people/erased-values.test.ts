import { describe, expect, it } from 'vitest';
import { erasedAnswers, erasedContext, erasedEventFields, erasedResolution } from './erased-values.js';

describe('what erasure leaves', () => {
  it('keeps scores and choice ids, drops free text, the "Other" text and the contact step', () => {
    expect(
      erasedAnswers({
        nps: 3,
        comment: 'my order 991 never came',
        reasons: { choices: ['price', 'other'], other: 'my neighbour Ann' },
        contact: { consent: true, channel: 'phone', address: '+44 20 7946 0958' },
      }),
    ).toEqual({ nps: 3, reasons: { choices: ['price', 'other'] } });
  });

  it('keeps the page’s origin and path, what showed the survey and the locale; drops query, fragment, referrer and user agent', () => {
    expect(
      erasedContext({ url: 'https://shop.example/orders/view?email=a%40b.example#x', referrer: 'https://mail.example/', userAgent: 'UA/1', locale: 'de-DE', trigger: 'dwell' }),
    ).toEqual({ url: 'https://shop.example/orders/view', locale: 'de-DE', trigger: 'dwell' });
  });

  it('marks texts and drops identities at any depth of a timeline event, keeping what happened', () => {
    expect(erasedEventFields({ status: 'resolved', resolution: { resolution: 'compensated', summary: 'Refunded Ann', compensation: { kind: 'voucher', value: 5, code: 'ANN-5' } } })).toEqual({
      status: 'resolved',
      resolution: { resolution: 'compensated', summary: '[erased]', compensation: { kind: 'voucher', value: 5 } },
    });
    expect(erasedEventFields({ messageId: 'm1', channel: 'widget', userId: 'user-1' })).toEqual({ messageId: 'm1', channel: 'widget' });
    expect(erasedEventFields({ message: 'Hi Ann', channels: ['email'], messageIds: ['m2'], to: 'ann@x.example' })).toEqual({ message: '[erased]', channels: ['email'], messageIds: ['m2'] });
    expect(erasedEventFields(null)).toBeNull();
  });

  it('keeps a resolution’s kind, root cause and compensation, not its summary or voucher code', () => {
    const stored = JSON.stringify({ resolution: 'fixed', summary: 'Told Ann', rootCause: 'delivery', resolvedAt: '2026-11-23T10:00:00.000Z' });
    expect(JSON.parse(erasedResolution(stored)!)).toEqual({ resolution: 'fixed', summary: '[erased]', rootCause: 'delivery', resolvedAt: '2026-11-23T10:00:00.000Z' });
    expect(erasedResolution(null)).toBeNull();
  });
});
