/**
 * @module What the customer's consent pages need from the rest of the platform. The app factory wires
 * it: consents, identity's login lockout, core banking's customers and accounts, developers' app names.
 */
import type { Config } from '../../platform/index.ts';
import type { ConsentService } from '../service.ts';

export interface AccountRoutesOptions {
  readonly consents: ConsentService;
  readonly config: Config;
  /** The customer with these credentials, or null (core banking). */
  authenticate(username: string, password: string): Promise<{ id: string; name: string } | null>;
  /** Per-username login lockout (identity), shared with the OAuth login page. */
  /** False when the username is locked; true when the attempt may go ahead (see identity's lockout). */
  takeAttempt(username: string): Promise<boolean>;
  clearFailures(username: string): Promise<void>;
  /** The app's display name (developers). */
  appName(clientId: string): Promise<string>;
  /** The customer's accounts (core banking). */
  accounts(customerId: string): Promise<readonly { id: string; nickname: string; accountNumber: string }[]>;
  /** The consent's access records from the gateway's audit trail, newest first. */
  accessHistory(
    consentId: string,
    limit: number,
  ): Promise<
    readonly {
      at: string;
      accountId: string | null;
      method: string;
      route: string;
      status: number;
      count: number;
    }[]
  >;
  /** When each consent was last used (gateway), for those used at all. */
  lastUsed(consentIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}
