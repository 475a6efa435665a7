import { bench, describe } from 'vitest';
import type { SurveyDefinition } from '../schemas/survey-definition.js';
import { memoryStorage } from '../test-support/memory-storage.js';
import { survey } from '../test-support/survey.js';
import { createCaps } from './frequency-caps.js';
import { isTargeted, type Visitor } from './is-targeted.js';
import { matchFilters } from './match-filter.js';
import { matchUrl } from './match-url.js';

// 200 surveys with every kind of rule, as a large project's config would hold: what the core evaluates when a
// trigger fires (event filters, page-view URL rules, targeting, frequency caps).
const surveys: SurveyDefinition[] = Array.from({ length: 200 }, (_, i) => ({
  ...survey(`s-${i}`, [
    { type: 'event', name: 'checkout_completed', where: [{ property: 'total', op: 'gt', value: i }, { property: 'currency', op: 'in', value: ['EUR', 'USD'] }] },
    { type: 'page-view', urls: { match: 'any', rules: [{ op: 'glob', value: `/shop/${i}/**`, on: 'path' }, { op: 'regex', value: `^/order/${i}\\d*$`, on: 'path' }] } },
  ]),
  targeting: {
    audience: 'all',
    attributes: [{ property: 'plan', op: 'in', value: ['pro', 'team'] }, { property: 'seats', op: 'gte', value: i % 10 }],
    devices: ['desktop', 'mobile'],
    languages: ['en', 'fr'],
    samplePercent: 50,
    startAt: '2026-01-01T00:00:00Z',
    endAt: '2027-01-01T00:00:00Z',
    urls: { match: 'all', rules: [{ op: 'starts-with', value: '/', on: 'path' }, { op: 'contains', value: 'shop', on: 'url' }] },
  },
  frequency: { mode: 'every', days: 30, maxTimes: 3, cooldownDays: 2 },
}));
const visitor: Visitor = {
  id: 'visitor-1',
  identified: true,
  attributes: { plan: 'pro', seats: 5 },
  device: 'desktop',
  languages: ['en-GB', 'en'],
  page: { path: '/shop/150/item/7', url: 'https://shop.example/shop/150/item/7' },
  now: Date.parse('2026-06-01T00:00:00Z'),
};
const properties = { total: 120, currency: 'EUR' };
const caps = createCaps(memoryStorage());
for (let i = 0; i < 200; i += 3) caps.markDone(`s-${i}`, visitor.now - 40 * 86_400_000);

describe('rule evaluation over 200 surveys', () => {
  bench('event filters + page-view URL rules', () => {
    for (const s of surveys)
      for (const t of s.triggers) {
        if (t.type === 'event') matchFilters(t.where, properties);
        else if (t.type === 'page-view') matchUrl(t.urls, visitor.page);
      }
  });
  bench('targeting', () => {
    for (const s of surveys) isTargeted(s.targeting, s.id, visitor);
  });
  bench('frequency caps (reads storage each time)', () => {
    for (const s of surveys) caps.allows(s, visitor.now);
  });
  bench('all together: what a fired trigger costs in the worst case', () => {
    for (const s of surveys) {
      const t = s.triggers[0];
      if (t?.type === 'event' && matchFilters(t.where, properties) && caps.allows(s, visitor.now)) isTargeted(s.targeting, s.id, visitor);
    }
  });
});
