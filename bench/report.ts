/**
 * @module The HTTP benchmarks' common measurement and report: autocannon runs with the latency
 * histogram decoded for p95 (autocannon's summary stops at p90 and p97.5), one Markdown row per
 * target (requests/s, p50, p95, p99, errors) and each target's throughput as a share of the
 * baseline measured in the same run.
 */
import autocannon from 'autocannon';
import hdr from 'hdr-histogram-js';

export interface Measured {
  readonly rps: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  /** Failed requests and non-2xx answers. */
  readonly errors: number;
}

interface RawResult {
  latencies: string;
  totalCompletedRequests: number;
  duration: number;
  errors: number;
  non2xx: number;
}

/** Seconds of load before each measurement, so that every target is measured with its code compiled. */
const WARM_UP_S = 2;

/**
 * Runs autocannon (after a short warm-up at the same load, not counted) and reads throughput and
 * latency percentiles (ms) from its raw histogram.
 */
export async function measure(options: autocannon.Options): Promise<Measured> {
  await autocannon({ ...options, duration: WARM_UP_S, skipAggregateResult: true } as autocannon.Options);
  const raw = (await autocannon({
    ...options,
    skipAggregateResult: true,
  } as autocannon.Options)) as unknown as RawResult;
  const histogram = hdr.decodeFromCompressedBase64(raw.latencies);
  const at = (p: number) => histogram.getValueAtPercentile(p);
  const measured = {
    rps: raw.totalCompletedRequests / raw.duration,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    errors: raw.errors + raw.non2xx,
  };
  histogram.destroy();
  return measured;
}

export class Report {
  readonly #rows: { name: string; m: Measured }[] = [];
  readonly #settings: string;

  constructor(settings: { connections: number; duration: number }) {
    this.#settings = `${settings.connections} connections, ${settings.duration} s each`;
  }

  /** The first row added is the baseline the others are compared with. */
  add(name: string, m: Measured): void {
    this.#rows.push({ name, m });
  }

  print(): void {
    const base = this.#rows[0]?.m.rps ?? 0;
    const rows = this.#rows.map(({ name, m }, i) => {
      const share = i === 0 || base === 0 ? '—' : `${Math.round((m.rps / base) * 100)} %`;
      return `| ${name} | ${Math.round(m.rps).toLocaleString('en')} | ${share} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.errors} |`;
    });
    process.stdout.write(
      `\nNode ${process.version}, ${this.#settings}, servers and load generator in separate processes\n\n` +
        '| target | requests/s | of baseline | p50 ms | p95 ms | p99 ms | errors |\n' +
        '| --- | --- | --- | --- | --- | --- | --- |\n' +
        `${rows.join('\n')}\n`,
    );
  }
}
