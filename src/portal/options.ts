/**
 * @module What the developer portal needs from the rest of the platform. The app factory wires it:
 * the developer service (accounts, sessions, apps), the gateway's usage metering, the webhook service,
 * and in sandbox mode the sandbox customers with their public credentials.
 */
import type { DeveloperService, UsageReader, UsageRow } from '../developers/index.ts';

export type { UsageReader, UsageRow };

import type { Config } from '../platform/index.ts';
import type { WebhookService } from '../webhooks/index.ts';

/** A sandbox customer as the portal's sandbox page lists them. */
export interface SandboxCustomerView {
  readonly id: string;
  readonly username: string;
  readonly password: string | null;
  readonly name: string;
  readonly accounts: readonly { id: string; nickname: string; accountNumber: string; currency: string }[];
}

export interface PortalOptions {
  readonly config: Pick<Config, 'masterKey' | 'publicUrl' | 'rateLimits' | 'sandbox'>;
  readonly developers: DeveloperService;
  readonly usage: UsageReader;
  readonly webhooks: WebhookService;
  /** The sandbox customers (sandbox mode only). */
  readonly sandboxCustomers?: (() => Promise<readonly SandboxCustomerView[]>) | undefined;
}
