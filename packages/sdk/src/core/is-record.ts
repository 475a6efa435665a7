/** True for a plain JSON object: what every defensive parse of storage or a server reply checks first. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
