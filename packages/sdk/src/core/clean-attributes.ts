import type { Attributes } from './types.js';
import { warn } from './warn.js';

const MAX_ATTRIBUTES = 50;
const MAX_KEY = 100;
const MAX_STRING = 500;

/**
 * Keeps only what the server accepts (at most 50 attributes, keys up to 100 characters, scalar values, strings up
 * to 500 characters): every answer carries the attributes, and one bad attribute would make the server refuse
 * all of them.
 */
export function cleanAttributes(attributes: Attributes): Attributes {
  const clean: Attributes = {};
  let kept = 0;
  const entries = Object.entries(attributes);
  for (const [key, value] of entries) {
    const type = typeof value;
    if (kept < MAX_ATTRIBUTES && key && key.length <= MAX_KEY && (value === null || type === 'number' || type === 'boolean' || type === 'string')) {
      clean[key] = type === 'string' ? (value as string).slice(0, MAX_STRING) : value;
      kept++;
    }
  }
  if (kept < entries.length) warn(`identify() kept ${kept} of ${entries.length} attributes`);
  return clean;
}
