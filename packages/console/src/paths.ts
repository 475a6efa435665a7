/** Where the console is served from: `/console` in the build (vite `base`), the root in tests. */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

/** A console page's URL path: `consolePath('/inbox')` is `/console/inbox` in the build. */
export function consolePath(path: `/${string}`): string {
  return `${BASE}${path}`;
}

export function casePath(id: string): string {
  return consolePath(`/cases/${encodeURIComponent(id)}`);
}
