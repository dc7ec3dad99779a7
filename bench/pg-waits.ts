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
  /**
   * For each stretch of consecutive samples in which one session was flushing the WAL
   * (`IO:WALSync`), the time from its first sample to its last (ms): a lower bound of that wait.
   * Flushes seen in a single sample count 0.
   */
  readonly walFlushes: readonly number[];
  /** The cluster's count of WAL syncs to disk when sampling started (see `walSyncs`). */
  readonly walSyncsBefore: number | undefined;
}

type Query = (text: string) => Promise<{ rows: unknown[] }>;

/**
 * The cluster's count of WAL syncs to disk so far (`pg_stat_wal.wal_sync`, PostgreSQL 14 to 17;
 * undefined where the server has no such count). Sessions report their counts at most once a
 * second, and when they end: read it after the server's connections closed.
 */
export async function walSyncs(query: Query): Promise<number | undefined> {
  try {
    const { rows } = await query('select wal_sync::text as n from pg_stat_wal');
    return Number((rows[0] as { n: string }).n);
  } catch {
    return undefined;
  }
}

const WAL_SYNC = 'IO:WALSync';

/**
 * Starts sampling the sessions of `databaseUrl`'s database every `everyMs` (PostgreSQL's own
 * processes, the WAL writer among them, are not sessions of a database); `stop` ends it and returns
 * what was seen, and throws what made sampling fail. A sample is a round trip of about half a
 * millisecond: every 20 ms, about 1 % of a core, which the CPU per payment includes.
 */
export async function sampleWaits(
  databaseUrl: string,
  everyMs = 20,
): Promise<{ stop: () => Promise<PgWaits> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  let failed: unknown;
  client.on('error', (err) => {
    failed ??= err;
  });
  await client.connect();
  const walSyncsBefore = await walSyncs((text) => client.query(text)).catch(async (err) => {
    await client.end().catch(() => {});
    throw err;
  });
  const counts = new Map<string, number>();
  const walFlushes: number[] = [];
  /** The sessions flushing in the last sample, with the time of their first sample of this stretch. */
  let flushing = new Map<number, { first: number; last: number }>();
  let samples = 0;
  let sampling = true;
  const loop = (async () => {
    while (sampling && failed === undefined) {
      const at = Date.now();
      const { rows } = await client.query<{ pid: number; wait: string }>(
        `select pid, coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait
           from pg_stat_activity
          where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
      );
      samples++;
      const now = new Map<number, { first: number; last: number }>();
      for (const { pid, wait } of rows) {
        counts.set(wait, (counts.get(wait) ?? 0) + 1);
        if (wait === WAL_SYNC) now.set(pid, { first: flushing.get(pid)?.first ?? at, last: at });
      }
      for (const [pid, stretch] of flushing) if (!now.has(pid)) walFlushes.push(stretch.last - stretch.first);
      flushing = now;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, everyMs - (Date.now() - at))));
    }
  })().catch((err) => {
    failed ??= err;
  });
  return {
    stop: async () => {
      sampling = false;
      await loop;
      await client.end().catch(() => {});
      if (failed !== undefined) throw failed;
      for (const stretch of flushing.values()) walFlushes.push(stretch.last - stretch.first);
      const active = [...counts.values()].reduce((a, b) => a + b, 0);
      const shares = new Map(
        [...counts].sort((a, b) => b[1] - a[1]).map(([wait, n]) => [wait, active > 0 ? n / active : 0]),
      );
      return { samples, shares, walFlushes, walSyncsBefore };
    },
  };
}

/** One line for a report: the main waits, and the WAL flushes of at least 100 ms. */
export function describeWaits(waits: PgWaits, top = 5): string {
  const shares = [...waits.shares]
    .slice(0, top)
    .map(([wait, share]) => `${wait} ${Math.round(share * 100)} %`)
    .join(', ');
  const long = waits.walFlushes.filter((ms) => ms >= 100);
  return (
    `${shares} of the active sessions (${waits.samples.toLocaleString('en')} samples); ` +
    `WAL flush waits of at least 100 ms (one session, consecutive samples): ${long.length}` +
    (long.length > 0 ? ` (the longest at least ${Math.max(...long)} ms)` : '')
  );
}
