/**
 * @module The PostgreSQL backend: Kysely's dialect over a `pg` pool whose type parsers return the
 * same JavaScript values as the SQLite driver (64-bit integers exact, timestamps as RFC 3339 UTC
 * strings, dates as `YYYY-MM-DD`).
 */
import { type Dialect, PostgresDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import type { ColumnTypes } from '../types.ts';

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;

const int8 = (raw: string): number | bigint => {
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : BigInt(raw);
};

const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * `2026-11-28 02:44:02.123456+00` → `2026-11-28T02:44:02.123Z` (the session runs in UTC: a string
 * rewrite, as statements read many); anything else through Date.
 */
function timestamptz(raw: string): string {
  const m = UTC_TIMESTAMP.exec(raw);
  if (m) return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  return new Date(
    `${raw.replace(' ', 'T')}${raw.length > 19 && /[+-]\d\d$/.test(raw) ? ':00' : ''}`,
  ).toISOString();
}

const parsers = new Map<number, (raw: string) => unknown>([
  [INT8, int8],
  [NUMERIC, (raw) => raw],
  [DATE, (raw) => raw],
  [TIMESTAMPTZ, timestamptz],
  [TIMESTAMP, (raw) => `${raw.replace(' ', 'T')}Z`],
]);

export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    options: '-c TimeZone=UTC',
    types: {
      // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded getTypeParser signature.
      getTypeParser: ((oid: number, format?: any) =>
        parsers.get(oid) ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return pool;
}

export const postgresDialect = (pool: PostgresPool): Dialect => new PostgresDialect({ pool });

export const postgresColumnTypes: ColumnTypes = Object.freeze({
  bigint: 'bigint',
  timestamp: 'timestamptz',
  date: 'date',
  json: 'jsonb',
});
