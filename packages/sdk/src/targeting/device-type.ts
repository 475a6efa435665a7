import { deviceOfUserAgent } from '../logic/device-of-user-agent.js';
import type { DeviceType } from '../logic/device-of-user-agent.js';

export type { DeviceType };

/** The visitor's kind of device, from the browser's user agent and touch points. */
export function deviceType(nav: Pick<Navigator, 'userAgent' | 'maxTouchPoints'> = navigator): DeviceType {
  return deviceOfUserAgent(nav.userAgent, nav.maxTouchPoints);
}
