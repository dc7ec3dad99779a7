/**
 * @module What PostgreSQL's sessions wait on during a benchmark: `pg_stat_activity` sampled every few
 * milliseconds from a connection of its own. A payment's latency includes its batch's commit, which
 * waits for the WAL to reach the disk; on a virtual disk that flush now and then takes hundreds of
 * milliseconds, and every payment in flight waits with it. The sampler counts those stretches, so
 * that a run's tail can be told apart from the platform's own work.
 */
import pg from 'pg';

export interface PgWaits {
  readonly samples: number;
  /** Per wait (`type:event`, or `CPU` for a session at work), its share of the sessions sampled active. */
  readonly shares: ReadonlyMap<string, number>;
  /** Stretches of consecutive samples in which a session was flushing the WAL (`IO:WALSync`), in ms. */
  readonly walFlushes: readonly number[];
  /** The cluster's count of WAL syncs to disk when sampling started (see `walSyncs`). */
  readonly walSyncsBefore: number;
}

/**
 * The cluster's count of WAL syncs to disk so far (`pg_stat_wal.wal_sync`). Sessions report their
 * counts at most once a second, and when they end: read it after the server's connections closed.
 */
export async function walSyncs(query: (text: string) => Promise<{ rows: unknown[] }>): Promise<number> {
  const { rows } = await query('select wal_sync::text as n from pg_stat_wal');
  return Number((rows[0] as { n: string }).n);
}

const WAL_SYNC = 'IO:WALSync';

/**
 * Starts sampling the sessions of `databaseUrl`'s database every `everyMs`; `stop` ends it and returns
 * what was seen. A sample is a round trip of about half a millisecond: every 20 ms, about 1 % of a
 * core, which the CPU per payment includes.
 */
export async function sampleWaits(
  databaseUrl: string,
  everyMs = 20,
): Promise<{ stop: () => Promise<PgWaits> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const walSyncsBefore = await walSyncs((text) => client.query(text));
  const counts = new Map<string, number>();
  const walFlushes: number[] = [];
  let samples = 0;
  let flushStarted: number | undefined;
  let sampling = true;
  const loop = (async () => {
    while (sampling) {
      const at = Date.now();
      const { rows } = await client.query<{ wait: string; n: number }>(
        `select coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait, count(*)::int as n
           from pg_stat_activity
          where datname = current_database() and state = 'active' and pid <> pg_backend_pid()
          group by 1`,
      );
      samples++;
      for (const { wait, n } of rows) counts.set(wait, (counts.get(wait) ?? 0) + n);
      const flushing = rows.some((r) => r.wait === WAL_SYNC);
      if (flushing && flushStarted === undefined) flushStarted = at;
      if (!flushing && flushStarted !== undefined) {
        walFlushes.push(at - flushStarted);
        flushStarted = undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - at))));
    }
  })();
  return {
    stop: async () => {
      sampling = false;
      await loop;
      await client.end();
      if (flushStarted !== undefined) walFlushes.push(Date.now() - flushStarted);
      const active = [...counts.values()].reduce((a, b) => a + b, 0);
      const shares = new Map(
        [...counts].sort((a, b) => b[1] - a[1]).map(([wait, n]) => [wait, active > 0 ? n / active : 0]),
      );
      return { samples, shares, walFlushes, walSyncsBefore };
    },
  };
}

/** One line for a report: the main waits, and the WAL flushes of 100 ms or more. */
export function describeWaits(waits: PgWaits, top = 5): string {
  const shares = [...waits.shares]
    .slice(0, top)
    .map(([wait, share]) => `${wait} ${Math.round(share * 100)} %`)
    .join(', ');
  const long = waits.walFlushes.filter((ms) => ms >= 100);
  return (
    `${shares} of the active sessions (${waits.samples.toLocaleString('en')} samples); ` +
    `WAL flushes seen lasting 100 ms or more: ${long.length}` +
    (long.length > 0 ? ` (longest about ${Math.max(...long)} ms)` : '')
  );
}
