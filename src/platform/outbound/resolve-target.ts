/**
 * @module Where one attempt may connect: the URL policy again, then the host resolved once (a literal
 * address as is) and every address checked — outside sandbox mode none may be loopback, private,
 * link-local, unique-local, multicast or reserved; an http URL (sandbox only) must resolve to
 * loopback. The attempt then connects to these addresses, never resolving again, so a DNS answer
 * that changes between the check and the connection (rebinding) cannot redirect it.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { blockedKind, isLoopback } from './address-guard.ts';
import { bareHost, urlRefusal } from './url-policy.ts';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to its addresses. */
export type Lookup = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemLookup: Lookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

export interface Target {
  readonly url: URL;
  /** The host name as sent in `Host` and SNI (no brackets). */
  readonly hostname: string;
  /** The checked addresses to connect to. */
  readonly addresses: readonly ResolvedAddress[];
}

/** The URL or its addresses are not allowed: the attempt fails without a request. */
export class TargetRefused extends Error {
  override readonly name = 'TargetRefused';
}

export async function resolveTarget(
  raw: string,
  options: { readonly sandbox: boolean; readonly lookup?: Lookup | undefined },
): Promise<Target> {
  const refusal = urlRefusal(raw, options.sandbox);
  if (refusal) throw new TargetRefused(`the URL ${refusal}`);
  const url = new URL(raw);
  const hostname = bareHost(url);
  return { url, hostname, addresses: await checkedAddresses(hostname, url.protocol, options) };
}

/** The host's addresses (a literal address as is), all allowed for the protocol; else TargetRefused. */
export async function checkedAddresses(
  hostname: string,
  protocol: string,
  options: { readonly sandbox: boolean; readonly lookup?: Lookup | undefined },
): Promise<readonly ResolvedAddress[]> {
  const family = isIP(hostname);
  let addresses: readonly ResolvedAddress[];
  if (family !== 0) addresses = [{ address: hostname, family: family === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await (options.lookup ?? systemLookup)(hostname);
    } catch (err) {
      throw new TargetRefused(`${hostname} does not resolve (${(err as { code?: string }).code ?? err})`);
    }
  }
  if (addresses.length === 0) throw new TargetRefused(`${hostname} does not resolve`);
  for (const { address } of addresses) {
    if (protocol === 'http:' && !isLoopback(address)) {
      throw new TargetRefused(
        `${hostname} resolves to ${address}: http is allowed to loopback addresses only`,
      );
    }
    const kind = options.sandbox ? null : blockedKind(address);
    if (kind) throw new TargetRefused(`${hostname} resolves to ${address}, a ${kind} address`);
  }
  return addresses;
}
