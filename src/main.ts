/**
 * @module Starts the platform: load the configuration, build the app, listen, and shut down
 * gracefully on SIGTERM/SIGINT (stop accepting, finish in-flight requests, close pools). With
 * `WEKEZA_WORKERS` > 1 a primary process prepares the database once (migrations, sandbox seed,
 * signing keys), then forks that many workers sharing the port, and replaces any that dies.
 */
import cluster from 'node:cluster';
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './platform/index.ts';

async function serve(config: Config, seed: boolean): Promise<void> {
  const app = await buildApp(config, { seed });
  closeWithGrace({ delay: config.shutdownTimeoutMs }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  if (cluster.isPrimary) {
    app.log.info(
      { url: config.publicUrl, database: config.database.kind, sandbox: config.sandbox },
      `Wekeza is up: API reference at ${config.publicUrl}/docs`,
    );
  }
}

async function primary(config: Config): Promise<void> {
  // Prepare once, so that workers do not race to migrate, seed or create signing keys.
  const prepared = await buildApp(config);
  prepared.log.info(
    {
      url: config.publicUrl,
      database: config.database.kind,
      sandbox: config.sandbox,
      workers: config.workers,
    },
    `Wekeza is up: API reference at ${config.publicUrl}/docs`,
  );
  await prepared.close();
  let stopping = false;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    process.stderr.write(`worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    cluster.fork();
  });
  for (let i = 0; i < config.workers; i++) cluster.fork();
  closeWithGrace({ delay: config.shutdownTimeoutMs + 1000 }, async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  });
}

export async function start(config: Config): Promise<void> {
  if (config.workers > 1 && cluster.isPrimary) return primary(config);
  // A worker's primary has already seeded the sandbox.
  return serve(config, cluster.isPrimary);
}

/** Loads the configuration or exits with a readable message. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

if (import.meta.main) {
  await start(configOrExit());
}
