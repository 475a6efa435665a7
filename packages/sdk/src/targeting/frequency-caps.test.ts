import { describe, expect, test } from 'vitest';
import type { Frequency } from '../schemas/frequency.js';
import { memoryStorage } from '../test-support/memory-storage.js';
import { createCaps } from './frequency-caps.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');
const survey = (frequency?: Partial<Frequency>) => ({ id: 'nps', frequency: frequency && { mode: 'until-answered' as const, ...frequency } });

/** A new page load on the same storage: the per-page cap starts over, the persisted ones hold. */
const reload = (storage: ReturnType<typeof memoryStorage>) => createCaps(storage);

describe('frequency caps', () => {
  test('at most once per page view, whatever the mode', () => {
    const caps = createCaps(memoryStorage());
    caps.markShown('nps', T0);
    expect(caps.allows(survey({ mode: 'every', days: 0.001 }), T0 + DAY)).toBe(false);
  });

  test('until-answered (default): shows on later pages until answered or dismissed', () => {
    const storage = memoryStorage();
    createCaps(storage).markShown('nps', T0);
    expect(reload(storage).allows(survey(), T0 + 1)).toBe(true);
    reload(storage).markDone('nps', T0 + 2);
    expect(reload(storage).allows(survey(), T0 + 100 * DAY)).toBe(false);
  });

  test('once: never again once shown, even unanswered', () => {
    const storage = memoryStorage();
    createCaps(storage).markShown('nps', T0);
    expect(reload(storage).allows(survey({ mode: 'once' }), T0 + 100 * DAY)).toBe(false);
  });

  test('every N days: counted from the last showing or answer', () => {
    const storage = memoryStorage();
    createCaps(storage).markShown('nps', T0);
    reload(storage).markDone('nps', T0 + DAY);
    const every = survey({ mode: 'every', days: 30 });
    expect(reload(storage).allows(every, T0 + 30 * DAY)).toBe(false);
    expect(reload(storage).allows(every, T0 + 31 * DAY)).toBe(true);
  });

  test('maxTimes caps the showings', () => {
    const storage = memoryStorage();
    const capped = survey({ mode: 'every', days: 1, maxTimes: 2 });
    createCaps(storage).markShown('nps', T0);
    expect(reload(storage).allows(capped, T0 + 2 * DAY)).toBe(true);
    reload(storage).markShown('nps', T0 + 2 * DAY);
    expect(reload(storage).allows(capped, T0 + 10 * DAY)).toBe(false);
  });

  test('cooldownDays: any survey seen recently holds this one back', () => {
    const storage = memoryStorage();
    createCaps(storage).markShown('csat', T0);
    const cooled = { id: 'nps', frequency: { mode: 'until-answered' as const, cooldownDays: 7 } };
    expect(reload(storage).allows(cooled, T0 + 6 * DAY)).toBe(false);
    expect(reload(storage).allows(cooled, T0 + 7 * DAY)).toBe(true);
    expect(reload(storage).allows(survey(), T0 + 1)).toBe(true);
  });

  test("the server's answers from other devices count as answered, and for the cooldown", () => {
    const storage = memoryStorage();
    createCaps(storage).sync([{ surveyId: 'nps', at: new Date(T0).toISOString() }]);
    expect(reload(storage).allows(survey(), T0 + DAY)).toBe(false);
    expect(reload(storage).allows({ id: 'csat', frequency: { mode: 'until-answered', cooldownDays: 3 } }, T0 + DAY)).toBe(false);
  });

  test('survives corrupt or foreign data under its key', () => {
    const storage = memoryStorage();
    storage.setItem('closeloop:caps', '{not json');
    expect(createCaps(storage).allows(survey(), T0)).toBe(true);
    storage.setItem('closeloop:caps', JSON.stringify({ surveys: { nps: 'x' }, last: 0 }));
    const caps = createCaps(storage);
    expect(caps.allows(survey(), T0)).toBe(true);
    caps.markDone('nps', T0);
    expect(createCaps(storage).allows(survey(), T0)).toBe(false);
  });
});
