/**
 * @module What the identity module needs from other modules, as small structural interfaces:
 * customers (core banking), clients (developers) and consents. The app factory wires them.
 */
import type { Consent } from '../consents/types.ts';
import type { ClientRecord } from '../developers/index.ts';

export interface ClientDirectory {
  findClient(clientId: string): Promise<ClientRecord | undefined>;
}

export interface CustomerRecord {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
}

export interface CustomerAccount {
  readonly id: string;
  readonly type: string;
  readonly currency: string;
  readonly nickname: string;
  readonly accountNumber: string;
  readonly status: string;
}

export interface CustomerDirectory {
  authenticate(username: string, password: string): Promise<CustomerRecord | null>;
  get(customerId: string): Promise<CustomerRecord>;
  accounts(customerId: string): Promise<readonly CustomerAccount[]>;
}

export interface ConsentDirectory {
  get(consentId: string): Promise<Consent>;
  findByGrantId(grantId: string): Promise<Consent | undefined>;
  authorize(
    consentId: string,
    authorization: { clientId: string; customerId: string; accountIds: readonly string[]; grantId: string },
  ): Promise<Consent>;
  reject(consentId: string, by: { clientId: string; customerId: string }): Promise<Consent>;
}

export interface IdentityDeps {
  readonly clients: ClientDirectory;
  readonly customers: CustomerDirectory;
  /** Late-bound: the consents module is created after identity (it revokes grants through it). */
  readonly consents: () => ConsentDirectory;
  /** Called after an access token was put on the deny-list (revocation endpoint), with its jti. */
  readonly onAccessTokenRevoked?: (jti: string) => Promise<void>;
}
