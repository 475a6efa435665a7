import type { CustomerValue } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { casePriority } from './case-priority.js';

const byMrr: CustomerValue = {
  attribute: 'mrr',
  tiers: [
    { min: 1000, priority: 'urgent' },
    { min: 100, priority: 'high' },
  ],
};
const byPlan: CustomerValue = { attribute: 'plan', tiers: [{ equals: ['enterprise', 'scale'], priority: 'urgent' }] };

describe('casePriority', () => {
  it.each([
    ['NPS 0', { type: 'nps', value: 0 }, 'high'],
    ['NPS 3', { type: 'nps', value: 3 }, 'high'],
    ['NPS 4', { type: 'nps', value: 4 }, 'normal'],
    ['NPS 6', { type: 'nps', value: 6 }, 'normal'],
    ['CSAT 1', { type: 'csat', value: 1 }, 'high'],
    ['CSAT 2', { type: 'csat', value: 2 }, 'normal'],
    ['CES 1 (very difficult)', { type: 'ces', value: 1 }, 'high'],
    ['a rating', { type: 'rating', value: 1 }, 'normal'],
    ['a feedback problem', null, 'normal'],
  ] as const)('from the score alone: %s is %s', (_, score, expected) => {
    expect(casePriority(score, null, {})).toBe(expected);
  });

  it('raises a detractor by the first customer-value tier the attribute falls in', () => {
    expect(casePriority({ type: 'nps', value: 5 }, byMrr, { mrr: 1500 })).toBe('urgent');
    expect(casePriority({ type: 'nps', value: 5 }, byMrr, { mrr: 150 })).toBe('high');
    expect(casePriority({ type: 'nps', value: 5 }, byMrr, { mrr: '2400' })).toBe('urgent');
    expect(casePriority({ type: 'nps', value: 5 }, byMrr, { mrr: 20 })).toBe('normal');
    expect(casePriority(null, byPlan, { plan: 'enterprise' })).toBe('urgent');
    expect(casePriority(null, byPlan, { plan: 'free' })).toBe('normal');
  });

  it('never lowers the priority the score gave, and ignores a missing or unreadable attribute', () => {
    const low: CustomerValue = { attribute: 'plan', tiers: [{ equals: ['free'], priority: 'low' }] };
    expect(casePriority({ type: 'nps', value: 1 }, low, { plan: 'free' })).toBe('high');
    expect(casePriority({ type: 'nps', value: 1 }, byMrr, {})).toBe('high');
    expect(casePriority({ type: 'nps', value: 5 }, byMrr, { mrr: 'lots' })).toBe('normal');
    expect(casePriority({ type: 'nps', value: 5 }, byMrr, { mrr: null })).toBe('normal');
  });
});
