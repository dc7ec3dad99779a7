/**
 * @module Connections the platform makes to addresses a third party chose (webhook endpoints, an
 * app's `jwks_uri`): the URL policy, the address ranges never reached outside sandbox mode, and
 * resolution once, with every address checked, before connecting.
 */
export { blockedKind, isLoopback } from './address-guard.ts';
export {
  checkedAddresses,
  type Lookup,
  type ResolvedAddress,
  resolveTarget,
  systemLookup,
  type Target,
  TargetRefused,
} from './resolve-target.ts';
export { bareHost, urlRefusal } from './url-policy.ts';
