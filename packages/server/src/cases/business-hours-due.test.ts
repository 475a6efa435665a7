import type { BusinessHours } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { dueAt } from './business-hours-due.js';

const stockholm: BusinessHours = { timeZone: 'Europe/Stockholm', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
const everyDay: BusinessHours = { timeZone: 'Europe/Stockholm', days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59' };

describe('dueAt', () => {
  it.each([
    // [what, opened at (UTC), hours, business hours, due at (UTC)]
    ['wall clock without business hours', '2026-11-27T15:00:00Z', 48, null, '2026-11-29T15:00:00.000Z'],
    ['inside the day (Mon 11:00 CET + 2 h)', '2026-11-23T10:00:00Z', 2, stockholm, '2026-11-23T12:00:00.000Z'],
    ['across the weekend (Fri 16:00 CET + 2 h = Mon 10:00)', '2026-11-27T15:00:00Z', 2, stockholm, '2026-11-30T09:00:00.000Z'],
    ['opened on a Saturday: the clock starts Monday 09:00', '2026-11-28T12:00:00Z', 1, stockholm, '2026-11-30T09:00:00.000Z'],
    ['overnight (Tue 20:00 CET + 1 h = Wed 10:00)', '2026-11-24T19:00:00Z', 1, stockholm, '2026-11-25T09:00:00.000Z'],
    ['before opening (Wed 07:00 CET + 1 h = Wed 10:00)', '2026-11-25T06:00:00Z', 1, stockholm, '2026-11-25T09:00:00.000Z'],
    ['48 business hours from Fri 16:00 CET: 1 h + five 8 h days + 7 h', '2026-11-27T15:00:00Z', 48, stockholm, '2026-12-07T15:00:00.000Z'],
    ['ending exactly at closing time', '2026-11-23T08:00:00Z', 8, stockholm, '2026-11-23T16:00:00.000Z'],
    ['DST ends over the weekend (Fri 16:00 CEST + 2 h = Mon 10:00 CET)', '2026-10-23T14:00:00Z', 2, stockholm, '2026-10-26T09:00:00.000Z'],
    ['DST starts over the weekend (Fri 16:00 CET + 2 h = Mon 10:00 CEST)', '2026-03-27T15:00:00Z', 2, stockholm, '2026-03-30T08:00:00.000Z'],
    ['the spring-forward day is an hour short (Sun 00:00 CET + 22 h = 23:00 CEST)', '2026-03-28T23:00:00Z', 22, everyDay, '2026-03-29T21:00:00.000Z'],
    ['the fall-back day is an hour long (Sun 00:00 CEST + 24 h = 23:00 CET)', '2026-10-24T22:00:00Z', 24, everyDay, '2026-10-25T22:00:00.000Z'],
    ['another time zone (New York, Fri 16:00 EST + 2 h = Mon 10:00)', '2026-11-27T21:00:00Z', 2, { ...stockholm, timeZone: 'America/New_York' }, '2026-11-30T15:00:00.000Z'],
  ] as const)('%s', (_, openedAt, hours, businessHours, expected) => {
    expect(dueAt(new Date(openedAt), hours, businessHours).toISOString()).toBe(expected);
  });
});
