/**
 * @module oidc-provider's storage adapter on the platform database (both backends): one row per
 * model instance, with the look-ups the library needs (by grant, uid, user code), consumption, and
 * expiry. Clients are not stored here: they are the developers module's apps.
 */

import type { Kysely } from 'kysely';
import { type Adapter, type AdapterPayload, errors } from 'oidc-provider';
import { type JwtLookup, REVOKED_JWT, unwrapJwt } from './jwt-lookup.ts';
import type { IdentityTables } from './tables.ts';

/** Models whose tokens are JWTs: found by verifying them, revoked by a deny-list entry. */
const JWT_MODELS = new Set(['AccessToken', 'ClientCredentials']);

const now = () => Math.floor(Date.now() / 1000);

/**
 * Grant sources that are redeemed once: oidc-provider checks `consumed` and then consumes, so two
 * token requests at once would both pass its check. Consuming one of these is a compare-and-set
 * here; the request that finds it spent is `invalid_grant` (RFC 6749 §4.1.2, §10.4), and, as
 * oidc-provider does when it sees a spent one, the grant is revoked with everything issued under it.
 */
const SINGLE_USE: Readonly<Record<string, string>> = {
  AuthorizationCode: 'authorization code',
  RefreshToken: 'refresh token',
  DeviceCode: 'device code',
  BackchannelAuthenticationRequest: 'backchannel authentication request',
};

/** True when the JWT with this id was revoked (the durable deny-list). */
export async function isRevokedJwt(db: Kysely<IdentityTables>, jti: string): Promise<boolean> {
  const row = await db
    .selectFrom('oidc_payloads')
    .select('id')
    .where('model', '=', REVOKED_JWT)
    .where('id', '=', jti)
    .executeTakeFirst();
  return row !== undefined;
}

export function createDbAdapter(
  db: Kysely<IdentityTables>,
  model: string,
  jwtLookup?: JwtLookup,
  onJwtRevoked?: (jti: string) => Promise<void>,
): Adapter {
  const table = db.selectFrom('oidc_payloads');
  const load = (
    row:
      | { payload: string; consumed_at: number | bigint | null; expires_at: number | bigint | null }
      | undefined,
  ) => {
    if (!row) return undefined;
    if (row.expires_at !== null && Number(row.expires_at) <= now()) return undefined;
    const payload = JSON.parse(row.payload) as AdapterPayload;
    return row.consumed_at === null ? payload : { ...payload, consumed: Number(row.consumed_at) };
  };
  const columns = ['payload', 'consumed_at', 'expires_at'] as const;
  return {
    async upsert(id, payload, expiresIn) {
      const values = {
        payload: JSON.stringify(payload),
        grant_id: typeof payload.grantId === 'string' ? payload.grantId : null,
        uid: typeof payload.uid === 'string' ? payload.uid : null,
        user_code: typeof payload.userCode === 'string' ? payload.userCode : null,
        expires_at: expiresIn ? now() + expiresIn : null,
      };
      if (model === 'ReplayDetection') {
        // oidc-provider looks for the id and then saves it, so two requests with the same client
        // assertion at once would both find nothing: the save itself decides, and the one that
        // finds a live entry is refused as a replay (an expired entry is replaced).
        const { numInsertedOrUpdatedRows } = await db
          .insertInto('oidc_payloads')
          .values({ model, id, consumed_at: null, ...values })
          .onConflict((oc) =>
            oc.columns(['model', 'id']).doUpdateSet(values).where('oidc_payloads.expires_at', '<=', now()),
          )
          .executeTakeFirst();
        if (numInsertedOrUpdatedRows === 0n) {
          throw new errors.InvalidClientAuth('client assertion tokens must only be used once');
        }
        return;
      }
      await db
        .insertInto('oidc_payloads')
        .values({ model, id, consumed_at: null, ...values })
        .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(values))
        .execute();
    },
    async find(id) {
      const jwt = jwtLookup && JWT_MODELS.has(model) ? unwrapJwt(id) : undefined;
      if (jwt) return jwtLookup?.(model, jwt);
      return load(
        await table.select(columns).where('model', '=', model).where('id', '=', id).executeTakeFirst(),
      );
    },
    async findByUid(uid) {
      return load(
        await table.select(columns).where('model', '=', model).where('uid', '=', uid).executeTakeFirst(),
      );
    },
    async findByUserCode(userCode) {
      return load(
        await table
          .select(columns)
          .where('model', '=', model)
          .where('user_code', '=', userCode)
          .executeTakeFirst(),
      );
    },
    async consume(id) {
      const { numUpdatedRows } = await db
        .updateTable('oidc_payloads')
        .set({ consumed_at: now() })
        .where('model', '=', model)
        .where('id', '=', id)
        .where('consumed_at', 'is', null)
        .executeTakeFirst();
      if (numUpdatedRows !== 0n) return;
      if (model === 'PushedAuthorizationRequest') {
        // Two logins finishing at once on one request_uri: one of them answers (RFC 9126 §2.2).
        throw new errors.InvalidRequestUri('request_uri is invalid, expired, or was already used');
      }
      const label = SINGLE_USE[model];
      if (!label) return;
      const spent = await table
        .select('grant_id')
        .where('model', '=', model)
        .where('id', '=', id)
        .executeTakeFirst();
      if (spent?.grant_id) {
        await db.deleteFrom('oidc_payloads').where('grant_id', '=', spent.grant_id).execute();
        await db
          .deleteFrom('oidc_payloads')
          .where('model', '=', 'Grant')
          .where('id', '=', spent.grant_id)
          .execute();
      }
      throw new errors.InvalidGrant(`${label} already consumed`);
    },
    async destroy(id) {
      if (jwtLookup && JWT_MODELS.has(model)) {
        // A JWT cannot be deleted: remember its id until it would have expired anyway.
        const denied = { payload: '{}', grant_id: null, uid: null, user_code: null, consumed_at: null };
        await db
          .insertInto('oidc_payloads')
          .values({ model: REVOKED_JWT, id, expires_at: now() + 24 * 3600, ...denied })
          .onConflict((oc) => oc.columns(['model', 'id']).doNothing())
          .execute();
        await onJwtRevoked?.(id);
        return;
      }
      await db.deleteFrom('oidc_payloads').where('model', '=', model).where('id', '=', id).execute();
    },
    async revokeByGrantId(grantId) {
      await db.deleteFrom('oidc_payloads').where('grant_id', '=', grantId).execute();
    },
  };
}

/** Deletes expired rows; returns how many. */
export async function deleteExpired(db: Kysely<IdentityTables>): Promise<number> {
  const result = await db.deleteFrom('oidc_payloads').where('expires_at', '<=', now()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
