/**
 * A number in [0, 100) fixed for one visitor and one survey (FNV-1a of both ids): a 10 % sample always holds the
 * same visitors, and each survey draws its own 10 %.
 */
export function sampleBucket(visitorId: string, surveyId: string): number {
  let hash = 0x811c9dc5;
  const text = `${visitorId}:${surveyId}`;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return ((hash >>> 0) % 10_000) / 100;
}
