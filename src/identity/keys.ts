/**
 * @module Signing keys: an EC P-256 key (ES256) and an RSA key (RS256, PS256), generated on first
 * start and stored sealed with a key derived from the master key. JWKS publishes the current and the
 * previous generation; `wekeza keys rotate` makes a new current one.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import { deriveKey, open, seal } from '../platform/index.ts';
import type { IdentityTables } from './tables.ts';

const ALGORITHMS = [
  { alg: 'ES256', options: {} },
  { alg: 'PS256', options: { modulusLength: 2048 } },
] as const;

async function generation(db: Kysely<IdentityTables>, masterKey: Buffer): Promise<void> {
  const key = deriveKey(masterKey, 'signing-keys');
  const now = new Date().toISOString();
  for (const { alg, options } of ALGORITHMS) {
    const { privateKey } = await generateKeyPair(alg, { extractable: true, ...options });
    const kid = randomUUID();
    // No `alg` on the RSA key: it signs with RS256 (ID tokens by default) and PS256 alike.
    const jwk: JWK = {
      ...(await exportJWK(privateKey)),
      kid,
      use: 'sig',
      ...(alg === 'ES256' ? { alg } : {}),
    };
    await db
      .insertInto('signing_keys')
      .values({ kid, alg, status: 'current', encrypted_jwk: seal(key, JSON.stringify(jwk)), created_at: now })
      .execute();
  }
}

/** The private JWKs to sign with, current generation first; generates one if there is none. */
export async function loadSigningKeys(db: Kysely<IdentityTables>, masterKey: Buffer): Promise<JWK[]> {
  const read = () =>
    db
      .selectFrom('signing_keys')
      .select(['status', 'encrypted_jwk'])
      .where('status', 'in', ['current', 'previous'])
      .orderBy('created_at', 'desc')
      .execute();
  let rows = await read();
  if (!rows.some((r) => r.status === 'current')) {
    await generation(db, masterKey);
    rows = await read();
  }
  const key = deriveKey(masterKey, 'signing-keys');
  const ordered = [
    ...rows.filter((r) => r.status === 'current'),
    ...rows.filter((r) => r.status === 'previous'),
  ];
  return ordered.map((r) => JSON.parse(open(key, r.encrypted_jwk)) as JWK);
}

/** Retires the previous generation, demotes the current one, and creates a new current one. */
export async function rotateSigningKeys(db: Kysely<IdentityTables>, masterKey: Buffer): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('signing_keys')
      .set({ status: 'retired' })
      .where('status', '=', 'previous')
      .execute();
    await trx
      .updateTable('signing_keys')
      .set({ status: 'previous' })
      .where('status', '=', 'current')
      .execute();
    await generation(trx, masterKey);
  });
}
