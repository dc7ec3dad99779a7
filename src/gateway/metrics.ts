/** @module The gateway's Prometheus counters: refused tokens, refused consents, throttling, store trouble. */
import { Counter, type Registry } from 'prom-client';

export interface GatewayMetrics {
  readonly tokenFailures: Counter<'reason'>;
  readonly consentRefusals: Counter<'reason'>;
  readonly rateLimited: Counter<'policy'>;
  readonly ipRefusals: Counter;
  readonly storeErrors: Counter;
  readonly auditDropped: Counter;
  readonly auditPurged: Counter;
}

export function gatewayMetrics(registry: Registry): GatewayMetrics {
  const registers = [registry];
  return {
    tokenFailures: new Counter({
      name: 'wekeza_gateway_token_failures_total',
      help: 'API requests refused for their access token, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
    consentRefusals: new Counter({
      name: 'wekeza_gateway_consent_refusals_total',
      help: 'Customer-data requests refused by their consent, by reason',
      labelNames: ['reason'] as const,
      registers,
    }),
    rateLimited: new Counter({
      name: 'wekeza_gateway_rate_limited_total',
      help: 'API requests refused by a rate limit, by policy (app or customer)',
      labelNames: ['policy'] as const,
      registers,
    }),
    ipRefusals: new Counter({
      name: 'wekeza_gateway_ip_refusals_total',
      help: "API requests refused because the address is not on the app's IP allow-list",
      registers,
    }),
    storeErrors: new Counter({
      name: 'wekeza_gateway_store_errors_total',
      help: 'Shared store (Redis) failures; the gateway then reads the database',
      registers,
    }),
    auditDropped: new Counter({
      name: 'wekeza_gateway_audit_dropped_total',
      help: 'Access audit records dropped because the database could not take them',
      registers,
    }),
    auditPurged: new Counter({
      name: 'wekeza_gateway_audit_purged_total',
      help: 'Access audit records deleted because they were older than the retention period',
      registers,
    }),
  };
}
