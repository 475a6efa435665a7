import { ATTRIBUTE_KEY_MAX, ATTRIBUTE_TEXT_MAX, ATTRIBUTES_MAX } from '../schemas/submission-limits.js';
import type { Attributes } from './types.js';
import { warn } from './warn.js';

/**
 * Keeps only what the server accepts (the respondent schema's caps on count, name length and text length, scalar
 * values only): every answer carries the attributes, and one bad attribute would make the server refuse all of them.
 */
export function cleanAttributes(attributes: Attributes): Attributes {
  const clean: Attributes = {};
  let kept = 0;
  const entries = Object.entries(attributes);
  for (const [key, value] of entries) {
    const type = typeof value;
    if (kept < ATTRIBUTES_MAX && key && key.length <= ATTRIBUTE_KEY_MAX && (value === null || type === 'number' || type === 'boolean' || type === 'string')) {
      clean[key] = type === 'string' ? (value as string).slice(0, ATTRIBUTE_TEXT_MAX) : value;
      kept++;
    }
  }
  if (kept < entries.length) warn(`identify() kept ${kept} of ${entries.length} attributes`);
  return clean;
}
