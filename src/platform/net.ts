/**
 * @module IP address blocks in CIDR notation (`203.0.113.0/24`, `2001:db8::/32`, or one address),
 * parsed strictly and matched with Node's `net.BlockList`. IPv4-mapped IPv6 addresses
 * (`::ffff:203.0.113.7`, as a dual-stack socket reports them) match their IPv4 blocks.
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';

export interface Cidr {
  readonly address: string;
  readonly prefix: number;
  readonly family: 'ipv4' | 'ipv6';
}

/** The block, or undefined when `text` is not an address or a CIDR block. */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  if (!family) return undefined;
  const max = family === 'ipv4' ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  return prefix <= max ? { address, prefix, family } : undefined;
}

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** A matcher for the blocks (all assumed valid); `true` for every address when the list is empty. */
export function allowlistMatcher(blocks: readonly string[]): (ip: string) => boolean {
  if (blocks.length === 0) return () => true;
  const list = new BlockList();
  for (const text of blocks) {
    const cidr = parseCidr(text);
    if (cidr) list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return (ip) => {
    const v4 = MAPPED_V4.exec(ip)?.[1];
    if (v4) return list.check(v4, 'ipv4');
    return isIPv4(ip) ? list.check(ip, 'ipv4') : isIPv6(ip) ? list.check(ip, 'ipv6') : false;
  };
}
