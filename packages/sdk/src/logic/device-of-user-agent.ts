export type DeviceType = 'desktop' | 'tablet' | 'mobile';

/**
 * The kind of device a user agent names: iPads that claim to be Macs are told apart by their touch points (0 when
 * unknown, as on the server). Good enough to choose whom to ask and to show support staff; never used for anything
 * that must be exact.
 */
export function deviceOfUserAgent(ua: string, maxTouchPoints: number): DeviceType {
  // Android phones say "Mobile"; Android tablets do not.
  return /Mobi|iPhone/.test(ua) ? 'mobile' : /iPad|Android|Tablet/.test(ua) || (/Mac/.test(ua) && maxTouchPoints > 1) ? 'tablet' : 'desktop';
}
