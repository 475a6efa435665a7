import { lookup } from 'node:dns';
import type { LookupAddress, LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { BlockedAddressError } from './blocked-address-error.js';
import { blockedAddressKind } from './blocked-addresses.js';

/** Resolves a name to all its addresses, as `dns.lookup(name, { all: true })` does. */
export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolver: ResolveAll = (hostname, options, callback) => lookup(hostname, options, callback);

/**
 * A `lookup` for `http.request` that refuses to connect when the name resolves to a non-public address. It runs as
 * part of the connection, on the addresses the socket is about to use, so a name that resolved to a public address
 * when the webhook was registered and to 127.0.0.1 now (DNS rebinding) is still refused. Any blocked address among
 * the answers refuses the whole name: the socket may try each of them.
 */
export function guardedLookup({ allowPrivate, resolveAll = systemResolver }: { allowPrivate: boolean; resolveAll?: ResolveAll }): LookupFunction {
  return function guardedLookup(hostname, options, callback) {
    resolveAll(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const first = addresses[0];
      if (first === undefined) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
      if (!allowPrivate) {
        for (const { address } of addresses) {
          const kind = blockedAddressKind(address);
          if (kind !== null) return callback(new BlockedAddressError(hostname, address, kind), '');
        }
      }
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}
