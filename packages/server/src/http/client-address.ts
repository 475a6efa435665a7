import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * The address a request came from (what the rate and login limits count per address): the one `trustClientAddress`
 * settled for this request, else the socket's, or `unknown` when the app runs without a Node server (`app.request()`
 * in tests).
 */
export function clientAddress(c: Context<AppEnv>): string {
  return c.get('clientAddress') ?? socketAddress(c);
}

export function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The client's address with `trustedProxies` reverse proxies in front of this server. Each proxy appends the address
 * it got the request from to `X-Forwarded-For`, so the client is the entry `trustedProxies` places from the right of
 * [...forwarded, socket]; entries further left are whatever the client wrote. With 0 (the default) the header is
 * ignored: any client can send it, and a limit keyed on it could be dodged at will. An entry that is not an address
 * (a proxy that writes something else, or fewer hops than configured) counts as the socket's address.
 */
export function addressBehindProxies(socket: string, forwardedFor: string | undefined, trustedProxies: number): string {
  if (trustedProxies === 0 || forwardedFor === undefined) return socket;
  const hops = [...forwardedFor.split(',').map((hop) => hop.trim()), socket];
  const client = hops[Math.max(0, hops.length - 1 - trustedProxies)] ?? socket;
  return isIP(client) === 0 ? socket : client;
}

/** Whether the browser reached us over https (directly, or through a proxy that says so): the cookie is then `Secure`. */
export function cameOverHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
