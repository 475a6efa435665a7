import { describe, expect, test } from 'vitest';
import type { PropertyFilter } from '../schemas/property-filter.js';
import { matchFilters } from './match-filter.js';

const props = { total: 120, plan: 'pro', seats: '12', beta: true, note: null };
const check = (filter: PropertyFilter) => matchFilters([filter], props);

describe('matchFilters', () => {
  test.each<[PropertyFilter, boolean]>([
    [{ property: 'total', op: 'gt', value: 100 }, true],
    [{ property: 'total', op: 'gt', value: 120 }, false],
    [{ property: 'total', op: 'gte', value: 120 }, true],
    [{ property: 'total', op: 'lt', value: 100 }, false],
    [{ property: 'total', op: 'lte', value: 120 }, true],
    [{ property: 'seats', op: 'gt', value: 10 }, true],
    [{ property: 'plan', op: 'gt', value: 1 }, false],
    [{ property: 'missing', op: 'lt', value: 1 }, false],
    [{ property: 'plan', op: 'eq', value: 'pro' }, true],
    [{ property: 'plan', op: 'neq', value: 'pro' }, false],
    [{ property: 'beta', op: 'eq', value: true }, true],
    [{ property: 'plan', op: 'contains', value: 'r' }, true],
    [{ property: 'total', op: 'contains', value: '12' }, false],
    [{ property: 'plan', op: 'in', value: ['free', 'pro'] }, true],
    [{ property: 'plan', op: 'in', value: ['free'] }, false],
    [{ property: 'plan', op: 'exists' }, true],
    [{ property: 'note', op: 'exists' }, false],
    [{ property: 'missing', op: 'exists' }, false],
  ])('%o → %s', (filter, expected) => {
    expect(check(filter)).toBe(expected);
  });

  test('no filters pass anything; filters on missing properties fail', () => {
    expect(matchFilters(undefined, undefined)).toBe(true);
    expect(matchFilters([{ property: 'plan', op: 'eq', value: 'pro' }], undefined)).toBe(false);
  });
});
