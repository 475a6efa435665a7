import type { PropertyFilter } from '../schemas/property-filter.js';

type Properties = Readonly<Record<string, unknown>> | undefined;

/** Whether every filter holds on `properties` (an event's properties or the visitor's attributes). */
export function matchFilters(filters: readonly PropertyFilter[] | undefined, properties: Properties): boolean {
  return !filters || filters.every((filter) => matchFilter(filter, properties?.[filter.property]));
}

function matchFilter({ op, value }: PropertyFilter, actual: unknown): boolean {
  if (op === 'exists') return actual != null;
  if (op === 'eq') return actual === value;
  if (op === 'neq') return actual !== value;
  if (op === 'in') return Array.isArray(value) && (value as unknown[]).includes(actual);
  if (op === 'contains') return typeof actual === 'string' && actual.includes(String(value));
  // Attributes often arrive as strings ("12"): a numeric string compares as its number, anything else fails.
  const number = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() ? Number(actual) : NaN;
  const limit = value as number;
  if (number !== number) return false;
  return op === 'gt' ? number > limit : op === 'gte' ? number >= limit : op === 'lt' ? number < limit : number <= limit;
}
