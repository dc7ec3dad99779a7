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
   * touches every target alike) is reported by its median round.
   */
  add(name: string, m: Measured): void {
    const known = this.#samples.get(name);
    if (known) known.push(m);
    else this.#samples.set(name, [m]);
  }

  print(): void {
    const medians = [...this.#samples].map(([name, samples]) => {
      const sorted = [...samples].sort((a, b) => a.rps - b.rps);
      const m = sorted[Math.floor((sorted.length - 1) / 2)]!;
      const range =
        sorted.length > 1
          ? `${Math.round(sorted[0]!.rps).toLocaleString('en')}–${Math.round(sorted.at(-1)!.rps).toLocaleString('en')} (${sorted.length} rounds)`
          : '—';
      return { name, m, range };
    });
    const base = medians[0]?.m.rps ?? 0;
    const rows = medians.map(({ name, m, range }, i) => {
      const share = i === 0 || base === 0 ? '—' : `${Math.round((m.rps / base) * 100)} %`;
      return `| ${name} | ${Math.round(m.rps).toLocaleString('en')} | ${share} | ${range} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.errors} |`;
    });
    process.stdout.write(
      `\nNode ${process.version}, ${this.#settings}, servers and load generator in separate processes; ` +
        "with several rounds, each row is its target's median round\n\n" +
        '| target | requests/s | of baseline | range | p50 ms | p95 ms | p99 ms | errors |\n' +
        '| --- | --- | --- | --- | --- | --- | --- | --- |\n' +
        `${rows.join('\n')}\n`,
    );
  }
}
