import type { ScoreGroup } from '@closeloop/sdk/schemas';

export const GROUP_WORDS: Record<ScoreGroup, { one: string; many: string }> = {
  detractor: { one: 'Detractor', many: 'Detractors' },
  passive: { one: 'Passive', many: 'Passives' },
  promoter: { one: 'Promoter', many: 'Promoters' },
};

export const GROUP_TONE = { detractor: 'danger', passive: 'warning', promoter: 'success' } as const;

/** A share 0–1 as a whole percent; a dash when there is nothing to divide. */
export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** An NPS as people write it: +25, −40, 0; a dash without answers. */
export function npsText(nps: number | null): string {
  if (nps === null) return '—';
  const rounded = Math.round(nps);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0';
}

/** A duration in the unit that reads best: minutes, hours or days. */
export function durationText(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = ms / 60_000;
  if (minutes < 90) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

/** A UTC day (or the start of a bucket) as a short date: 23 Nov. */
export function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
