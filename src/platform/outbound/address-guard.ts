/**
 * @module Which IP addresses a webhook may never reach outside sandbox mode: unspecified, loopback,
 * private (RFC 1918, shared CGNAT, benchmarking), link-local, unique-local and site-local, multicast,
 * reserved and documentation ranges, and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4,
 * Teredo), which could smuggle any of the others.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

type Family = 'ipv4' | 'ipv6';

const RANGES: readonly (readonly [string, number, Family, string])[] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'private'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fc00::', 7, 'ipv6', 'unique-local'],
  ['fec0::', 10, 'ipv6', 'unique-local'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['ff00::', 8, 'ipv6', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.0.2.0', 24, 'ipv4', 'reserved'],
  ['198.51.100.0', 24, 'ipv4', 'reserved'],
  ['203.0.113.0', 24, 'ipv4', 'reserved'],
  ['2001:db8::', 32, 'ipv6', 'reserved'],
  ['100::', 64, 'ipv6', 'reserved'],
  ['::', 96, 'ipv6', 'IPv4-embedding'],
  ['::ffff:0:0', 96, 'ipv6', 'IPv4-embedding'],
  ['64:ff9b::', 96, 'ipv6', 'IPv4-embedding'],
  ['64:ff9b:1::', 48, 'ipv6', 'IPv4-embedding'],
  ['2002::', 16, 'ipv6', 'IPv4-embedding'],
  ['2001::', 32, 'ipv6', 'IPv4-embedding'],
];

const LISTS = RANGES.map(([address, prefix, family, kind]) => {
  const list = new BlockList();
  list.addSubnet(address, prefix, family);
  return { list, family, kind };
});

/** Why a webhook may not go to `ip` (`loopback`, `private`, …), or null for a public address. */
export function blockedKind(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, '');
  const family: Family | undefined = isIPv4(bare) ? 'ipv4' : isIPv6(bare) ? 'ipv6' : undefined;
  if (!family) return 'not an IP address';
  for (const { list, family: f, kind } of LISTS) {
    if (f === family && list.check(bare, family)) return kind;
  }
  return null;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** True for 127.0.0.0/8 and ::1. */
export function isLoopback(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '');
  return isIPv4(bare) ? LOOPBACK.check(bare, 'ipv4') : isIPv6(bare) && LOOPBACK.check(bare, 'ipv6');
}
