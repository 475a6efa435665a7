import { BlockList, isIP } from 'node:net';

/**
 * Address ranges a webhook must never reach unless the server allows private targets: they lead into the server's
 * own host or network (a cloud metadata endpoint at 169.254.169.254, an admin port on 127.0.0.1, a database on
 * 10.x), so letting a project register them would turn our sender into the attacker's proxy (SSRF). First match
 * names the kind, so the order puts the specific ranges before the wide ones.
 */
const RANGES: [kind: string, network: string, prefix: number, family: 'ipv4' | 'ipv6'][] = [
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['carrier-grade NAT', '100.64.0.0', 10, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link-local', '169.254.0.0', 16, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  // An IPv4 address in IPv6 clothing reaches the IPv4 host (::ffff:127.0.0.1 is the loopback): refused whole, since
  // a public IPv4 receiver is reachable by its own address.
  ['IPv4-mapped', '::ffff:0:0', 96, 'ipv6'],
  ['IPv4-compatible', '::', 96, 'ipv6'],
  ['unique-local', 'fc00::', 7, 'ipv6'],
  ['link-local', 'fe80::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
];

const lists = RANGES.map(([kind, network, prefix, family]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { kind, family, list };
});

/** The kind of non-public range `address` (an IP literal, v4 or v6) falls in, e.g. `'loopback'`; null when public. */
export function blockedAddressKind(address: string): string | null {
  const version = isIP(address);
  if (version === 0) throw new TypeError(`blockedAddressKind: ${JSON.stringify(address)} is not an IP address`);
  const family = version === 4 ? 'ipv4' : 'ipv6';
  return lists.find((entry) => entry.family === family && entry.list.check(address, family))?.kind ?? null;
}

/** "an IPv4-mapped address", "a loopback address": the kind as a phrase for error messages. */
export function describeKind(kind: string): string {
  return `${STARTS_WITH_A_VOWEL_SOUND.has(kind) ? 'an' : 'a'} ${kind} address`;
}

const STARTS_WITH_A_VOWEL_SOUND = new Set(['unspecified', 'IPv4-mapped', 'IPv4-compatible']);
