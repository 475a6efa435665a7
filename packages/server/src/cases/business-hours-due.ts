import type { BusinessHours } from '@closeloop/sdk/schemas';

const HOUR_MS = 60 * 60 * 1000;
/** Past this many days the walk gives up and the case is due there (business hours of a minute a week, a year due). */
const MAX_DAYS = 366 * 20;

/**
 * When a case opened at `openedAt` is due, `hours` later: counted in wall-clock time without business hours, else in
 * the project's business hours only (48 business hours from Friday afternoon run to the next week's Wednesday on an
 * 8-hour day). Local days and times are read in the project's time zone through Intl, so a day with a daylight-saving
 * change counts its real length.
 */
export function dueAt(openedAt: Date, hours: number, businessHours: BusinessHours | null): Date {
  let remaining = hours * HOUR_MS;
  if (businessHours === null) return new Date(openedAt.getTime() + remaining);
  const { timeZone, days, start, end } = businessHours;
  const cursor = openedAt.getTime();
  let day = localDate(cursor, timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    if (!days.includes(isoWeekday(day))) continue;
    const opens = Math.max(cursor, utcOf(day, start, timeZone));
    const closes = utcOf(day, end, timeZone);
    if (opens >= closes) continue;
    if (remaining <= closes - opens) return new Date(opens + remaining);
    remaining -= closes - opens;
  }
  return new Date(utcOf(day, start, timeZone));
}

/** A calendar date, month 1–12. */
interface LocalDay {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `utc` in `timeZone`. */
function wallClock(utc: number, timeZone: string): LocalDay & { hour: number; minute: number; second: number } {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const field = Object.fromEntries(formatter.formatToParts(new Date(utc)).map((p) => [p.type, Number(p.value)]));
  return { year: field.year!, month: field.month!, day: field.day!, hour: field.hour!, minute: field.minute!, second: field.second! };
}

function localDate(utc: number, timeZone: string): LocalDay {
  const { year, month, day } = wallClock(utc, timeZone);
  return { year, month, day };
}

/** How far `timeZone` is ahead of UTC at the instant `utc`, in ms. */
function offsetAt(utc: number, timeZone: string): number {
  const w = wallClock(utc, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(utc / 1000) * 1000;
}

/** The instant the clocks in `timeZone` show `time` (HH:MM) on `day`; the offset is checked again at the result. */
function utcOf({ year, month, day }: LocalDay, time: string, timeZone: string): number {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  const guess = asIfUtc - offsetAt(asIfUtc, timeZone);
  return asIfUtc - offsetAt(guess, timeZone);
}

function nextDay({ year, month, day }: LocalDay): LocalDay {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** 1 Monday … 7 Sunday. */
function isoWeekday({ year, month, day }: LocalDay): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}
