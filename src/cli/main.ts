/**
 * @module The `wekeza` command line: start the platform, apply migrations, seed sandbox data,
 * verify the ledger, operate apps, payment reviews and payee blocks, print the configuration reference.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { MODULE_MIGRATIONS } from '../app.ts';
import { createCoreBanking, seedSandboxData } from '../core-banking/index.ts';
import { createDeveloperService } from '../developers/index.ts';
import { announceAppChange } from '../gateway/index.ts';
import { rotateKeys } from '../identity/index.ts';
import { configOrExit, start } from '../main.ts';
import {
  configurationTable,
  type Database,
  migrateAll,
  openDatabase,
  openRedis,
  RedisStore,
} from '../platform/index.ts';
import { PAYMENTS_HELP, paymentsCommand } from './payments.ts';

const HELP = `Usage: wekeza <command> [options]

Commands:
  start                      Start the platform (the default command)
  migrate                    Apply database migrations and exit
  seed [--transactions N] [--seed N] [--as-of YYYY-MM-DD]
                             Create the deterministic sandbox data in an empty database
  ledger verify              Check every ledger invariant; exit 1 if one is broken
  keys rotate                Create a new signing key generation (the previous one stays published)
  keys new-master            Print a new random WEKEZA_MASTER_KEY
  apps suspend CLIENT_ID     Stop an app at once: no tokens, no API calls (apps reinstate CLIENT_ID undoes it)
  apps tier CLIENT_ID TIER   Move an app to another rate-limit tier (see WEKEZA_RATE_LIMITS)
${PAYMENTS_HELP}
  config                     Print the configuration reference (Markdown)
  help                       Show this help

Configuration comes from environment variables; see \`wekeza config\`.`;

/** Opens the configured database, brings its schema up to date, and runs `work` on it. */
async function withDatabase<T>(work: (db: Database, applied: string[]) => Promise<T>): Promise<T> {
  const config = configOrExit();
  const database = openDatabase(config.database);
  try {
    const applied = await migrateAll(database, MODULE_MIGRATIONS);
    return await work(database, applied);
  } finally {
    await database.close();
  }
}

/**
 * Tells running instances an app changed: through Redis, where they cache apps, at once. Without
 * Redis each instance's one-second app cache runs out by itself.
 */
async function announceToGateways(
  redisUrl: string | undefined,
  clientId: string,
  developers: ReturnType<typeof createDeveloperService>,
): Promise<void> {
  if (!redisUrl) return;
  const redis = openRedis(redisUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      redis.once('ready', () => resolve());
      setTimeout(() => reject(new Error(`Redis at ${redisUrl} did not answer`)), 3000).unref();
    });
    const view = await developers.gatewayView(clientId);
    await announceAppChange(new RedisStore(redis), clientId, view?.revision ?? 0, 60_000);
  } finally {
    redis.disconnect();
  }
}

async function seed(args: string[]): Promise<void> {
  // The sandbox's customers log in with published passwords: never in a bank's own database.
  if (!configOrExit().sandbox) {
    throw new Error(
      'seed writes the sandbox customers, whose passwords are published: it runs only in sandbox mode (WEKEZA_SANDBOX=true)',
    );
  }
  const { values } = parseArgs({
    args,
    options: { transactions: { type: 'string' }, seed: { type: 'string' }, 'as-of': { type: 'string' } },
  });
  const transactions =
    values.transactions === undefined ? undefined : Number(values.transactions.replaceAll('_', ''));
  if (transactions !== undefined && (!Number.isSafeInteger(transactions) || transactions < 0)) {
    throw new Error('--transactions must be a whole number');
  }
  const seedValue = values.seed === undefined ? undefined : Number(values.seed);
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error('--as-of must be YYYY-MM-DD');
  await withDatabase(async (database) => {
    let last = 0;
    const result = await seedSandboxData(database, {
      ...(transactions === undefined ? {} : { transactions }),
      ...(seedValue === undefined ? {} : { seed: seedValue }),
      ...(asOf === undefined ? {} : { asOf }),
      onProgress: (done, total) => {
        if (done === total || Date.now() - last > 500) {
          last = Date.now();
          process.stderr.write(
            `\rseeding: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} transactions`,
          );
        }
      },
    });
    if (!result) {
      process.stdout.write('The database already has sandbox data; nothing to do.\n');
      return;
    }
    const rate = Math.round(result.entries / Math.max(result.seconds, 0.001));
    process.stdout.write(
      `\nSeeded ${result.customers} customers, ${result.accounts} accounts, ${result.entries} transactions ` +
        `(${result.postings} postings) in ${result.seconds.toFixed(2)} s: ${rate.toLocaleString('en')} transactions/s\n`,
    );
  });
}

export async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  const operated = await paymentsCommand(configOrExit, argv);
  if (operated !== undefined) return operated;
  switch (command) {
    case 'start':
      await start(configOrExit());
      return 0;
    case 'migrate':
      await withDatabase(async (_database, applied) => {
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Up to date.\n');
      });
      return 0;
    case 'seed':
      await seed(rest);
      return 0;
    case 'ledger': {
      if (rest[0] !== 'verify') break;
      const report = await withDatabase((database) => createCoreBanking(database).verifyLedger());
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return report.ok ? 0 : 1;
    }
    case 'keys':
      if (rest[0] === 'new-master') {
        process.stdout.write(`${randomBytes(32).toString('base64url')}\n`);
        return 0;
      }
      if (rest[0] !== 'rotate') break;
      await withDatabase(async (database) => {
        await rotateKeys(configOrExit(), database);
        process.stdout.write(
          'Rotated: a new current signing key generation; restart the instances to sign with it.\n',
        );
      });
      return 0;
    case 'apps': {
      const [action, clientId, tier] = rest;
      const config = configOrExit();
      if (!clientId || !['suspend', 'reinstate', 'tier'].includes(action ?? '')) break;
      if (action === 'tier' && (!tier || !config.rateLimits[tier])) {
        process.stderr.write(
          `Unknown tier ${tier ?? ''}; configured: ${Object.keys(config.rateLimits).join(', ')}\n`,
        );
        return 2;
      }
      const app = await withDatabase((database) => {
        const developers = createDeveloperService(database, config, {
          onAppChanged: (id) => announceToGateways(config.redisUrl, id, developers),
        });
        return action === 'tier'
          ? developers.setRateLimitTier(clientId, tier ?? 'standard')
          : developers.setAppStatus(clientId, action === 'suspend' ? 'suspended' : 'active');
      });
      process.stdout.write(`${app.clientId} (${app.name}) is ${app.status}, tier ${app.rateLimitTier}.\n`);
      return 0;
    }
    case 'config':
      process.stdout.write(`${configurationTable()}\n`);
      return 0;
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${HELP}\n`);
      return 0;
  }
  process.stderr.write(`Unknown command: ${argv.join(' ')}\n\n${HELP}\n`);
  return 2;
}
