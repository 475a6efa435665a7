import type { Context, Next } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { addressBehindProxies, socketAddress } from '../../http/client-address.js';

/**
 * Settles each request's client address once, for every limit keyed on it: behind `trustedProxies` reverse proxies
 * (`--trust-proxy`) it is read from `X-Forwarded-For`, else it is the socket's.
 */
export function trustClientAddress(trustedProxies: number) {
  return async function trustClientAddress(c: Context<AppEnv>, next: Next) {
    c.set('clientAddress', addressBehindProxies(socketAddress(c), c.req.header('x-forwarded-for'), trustedProxies));
    await next();
  };
}
