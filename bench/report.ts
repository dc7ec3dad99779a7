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
  /** Each target's measurements, in the order the targets were first added. */
  readonly #samples = new Map<string, Measured[]>();
  readonly #settings: string;

  constructor(settings: { connections: number; duration: number }) {
    this.#settings = `${settings.connections} connections, ${settings.duration} s each`;
  }

  /**
   * The first target added is the baseline the others are compared with. A target added several
   * times (rounds that alternate with the baseline, so that the machine's drift during the run
   * touches every target alike) is reported by its median round, and its share of the baseline by
   * the median of its rounds' shares, round i against the baseline's round i.
   */
  add(name: string, m: Measured): void {
    const known = this.#samples.get(name);
    if (known) known.push(m);
    else this.#samples.set(name, [m]);
  }

  print(): void {
    const median = <T>(values: readonly T[], by: (v: T) => number): T =>
      [...values].sort((a, b) => by(a) - by(b))[Math.floor((values.length - 1) / 2)]!;
    const rps = (n: number) => Math.round(n).toLocaleString('en');
    const pct = (r: number) => `${Math.round(r * 100)} %`;
    const all = [...this.#samples];
    const baseline = all[0]?.[1] ?? [];
    const rows = all.map(([name, samples], t) => {
      const m = median(samples, (s) => s.rps);
      const rounds = samples.length;
      const range =
        rounds > 1
          ? `${rps(Math.min(...samples.map((s) => s.rps)))}–${rps(Math.max(...samples.map((s) => s.rps)))}`
          : '—';
      // Round i of a target is compared with round i of the baseline, measured just before it.
      const ratios = samples.flatMap((s, i) =>
        baseline[i] && baseline[i].rps > 0 ? [s.rps / baseline[i].rps] : [],
      );
      const share =
        t === 0 || ratios.length === 0
          ? '—'
          : ratios.length > 1
            ? `${pct(median(ratios, (r) => r))} (${pct(Math.min(...ratios))}–${pct(Math.max(...ratios))})`
            : pct(ratios[0]!);
      return `| ${name} | ${rps(m.rps)} | ${range} | ${share} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.errors} |`;
    });
    const rounds = Math.max(0, ...all.map(([, s]) => s.length));
    process.stdout.write(
      `\nNode ${process.version}, ${this.#settings}, servers and load generator in separate processes` +
        (rounds > 1
          ? `; ${rounds} rounds: requests/s and latency of each target's median round, its share of the baseline as the median (and range) of each round's share\n\n`
          : '\n\n') +
        '| target | requests/s | range | of baseline | p50 ms | p95 ms | p99 ms | errors |\n' +
        '| --- | --- | --- | --- | --- | --- | --- | --- |\n' +
        `${rows.join('\n')}\n`,
    );
  }
}
