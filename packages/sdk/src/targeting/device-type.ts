export type DeviceType = 'desktop' | 'tablet' | 'mobile';

/**
 * The visitor's kind of device, from the user agent: iPads that claim to be Macs are told apart by their touch
 * points. Good enough to choose whom to ask; never used for anything that must be exact.
 */
export function deviceType(nav: Pick<Navigator, 'userAgent' | 'maxTouchPoints'> = navigator): DeviceType {
  const ua = nav.userAgent;
  // Android phones say "Mobile"; Android tablets do not.
  return /Mobi|iPhone/.test(ua) ? 'mobile' : /iPad|Android|Tablet/.test(ua) || (/Mac/.test(ua) && nav.maxTouchPoints > 1) ? 'tablet' : 'desktop';
}
