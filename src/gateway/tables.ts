/** @module The gateway module's tables (schema `gateway`). */
import type { Generated } from 'kysely';

type Int = number | bigint;

export const SCHEMA = 'gateway';

export interface AccessAuditTable {
  id: Generated<Int>;
  at: string;
  request_id: string;
  client_id: string;
  customer_id: string;
  consent_id: string;
  account_id: string | null;
  method: string;
  route: string;
  status: number;
  /** Repeats of this access within the same second (1 for one). */
  count: Generated<number>;
  /** The last of them (null on records written before counting). */
  last_at: string | null;
}

export interface UsageHourlyTable {
  client_id: string;
  /** The start of the hour, UTC. */
  hour: string;
  route: string;
  requests: Int;
  errors: Int;
  latency_us_sum: Int;
  latency_us_max: Int;
}

export interface GatewayTables {
  access_audit: AccessAuditTable;
  usage_hourly: UsageHourlyTable;
}
