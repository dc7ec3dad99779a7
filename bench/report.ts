/**
 * @module The HTTP benchmarks' common report: one Markdown row per autocannon result (requests/s,
 * p50, p97.5 and p99 latency, errors), printed with the run's settings.
 */
import type autocannon from 'autocannon';

export class Report {
  readonly #rows: string[] = [];
  readonly #settings: string;

  constructor(settings: { connections: number; duration: number }) {
    this.#settings = `${settings.connections} connections, ${settings.duration} s each`;
  }

  add(name: string, r: autocannon.Result): void {
    this.#rows.push(
      `| ${name} | ${Math.round(r.requests.average).toLocaleString('en')} | ${r.latency.p50} | ${r.latency.p97_5} | ${r.latency.p99} | ${r.errors + r.non2xx} |`,
    );
  }

  print(): void {
    process.stdout.write(
      `\nNode ${process.version}, ${this.#settings}, servers and load generator in separate processes\n\n` +
        '| target | requests/s | p50 ms | p97.5 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- | --- |\n' +
        `${this.#rows.join('\n')}\n`,
    );
  }
}
