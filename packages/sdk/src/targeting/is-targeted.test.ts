import { describe, expect, test } from 'vitest';
import type { Targeting } from '../schemas/targeting.js';
import { deviceOfUserAgent } from '../logic/device-of-user-agent.js';
import { isTargeted, type Visitor } from './is-targeted.js';
import { sampleBucket } from './sample-bucket.js';

const visitor: Visitor = {
  id: 'visitor-1',
  identified: false,
  attributes: undefined,
  device: 'desktop',
  languages: ['fr-CA', 'en'],
  page: { path: '/pricing', url: 'https://a.example/pricing' },
  now: Date.parse('2026-06-01T00:00:00Z'),
};
const targeted = (targeting: Partial<Targeting>, who: Partial<Visitor> = {}) =>
  isTargeted({ audience: 'all', ...targeting }, 'nps', { ...visitor, ...who });

describe('isTargeted', () => {
  test('no targeting: everyone', () => {
    expect(isTargeted(undefined, 'nps', visitor)).toBe(true);
  });

  test('audience: identified or anonymous', () => {
    expect(targeted({ audience: 'identified' })).toBe(false);
    expect(targeted({ audience: 'identified' }, { identified: true })).toBe(true);
    expect(targeted({ audience: 'anonymous' }, { identified: true })).toBe(false);
  });

  test('attributes: every filter on the identify() attributes', () => {
    const attributes = [{ property: 'plan', op: 'in' as const, value: ['pro', 'team'] }, { property: 'seats', op: 'gt' as const, value: 5 }];
    expect(targeted({ attributes }, { attributes: { plan: 'pro', seats: 10 } })).toBe(true);
    expect(targeted({ attributes }, { attributes: { plan: 'pro', seats: 2 } })).toBe(false);
    expect(targeted({ attributes })).toBe(false);
  });

  test('devices and languages (a bare language covers its regions)', () => {
    expect(targeted({ devices: ['mobile', 'tablet'] })).toBe(false);
    expect(targeted({ devices: ['desktop'] })).toBe(true);
    expect(targeted({ languages: ['fr'] })).toBe(true);
    expect(targeted({ languages: ['FR-ca'] })).toBe(true);
    expect(targeted({ languages: ['fr-FR', 'de'] })).toBe(false);
  });

  test('schedule: from startAt, until endAt', () => {
    expect(targeted({ startAt: '2026-06-02T00:00:00Z' })).toBe(false);
    expect(targeted({ startAt: '2026-05-01T00:00:00Z', endAt: '2026-06-01T00:00:00Z' })).toBe(false);
    expect(targeted({ startAt: '2026-05-01T00:00:00Z', endAt: '2026-06-01T00:00:01Z' })).toBe(true);
  });

  test('urls', () => {
    expect(targeted({ urls: { match: 'any', rules: [{ op: 'exact', value: '/pricing', on: 'path' }] } })).toBe(true);
    expect(targeted({ urls: { match: 'any', rules: [{ op: 'exact', value: '/', on: 'path' }] } })).toBe(false);
  });

  test('sampling keeps each visitor on the same side, and takes about the given share', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `visitor-${i}`);
    const inSample = ids.filter((id) => targeted({ samplePercent: 25 }, { id }));
    expect(inSample.length / ids.length).toBeGreaterThan(0.22);
    expect(inSample.length / ids.length).toBeLessThan(0.28);
    expect(ids.filter((id) => targeted({ samplePercent: 25 }, { id }))).toEqual(inSample);
    expect(targeted({ samplePercent: 0 })).toBe(false);
    expect(targeted({ samplePercent: 100 })).toBe(true);
    // Each survey draws its own sample.
    expect(sampleBucket('visitor-1', 'nps')).not.toBe(sampleBucket('visitor-1', 'csat'));
  });
});

describe('deviceOfUserAgent', () => {
  test.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140', 0, 'desktop'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148', 5, 'mobile'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/140 Mobile Safari/537.36', 5, 'mobile'],
    ['Mozilla/5.0 (Linux; Android 14; SM-X710) Chrome/140 Safari/537.36', 5, 'tablet'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15', 5, 'tablet'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15', 0, 'desktop'],
  ] as const)('%s (%i touch points) → %s', (userAgent, maxTouchPoints, expected) => {
    expect(deviceOfUserAgent(userAgent, maxTouchPoints)).toBe(expected);
  });
});
