/**
 * @module The operator's payment and risk commands, run against the database (and Redis, when
 * configured, so that running instances see fresh balances at once): the review queue and review
 * decisions (`wekeza payments review …`) and the payee block list (`wekeza risk …`). Their
 * authority is access to the platform's configuration, as for `wekeza apps`.
 */
import { parseArgs } from 'node:util';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { AccountCache } from '../accounts/index.ts';
import { MODULE_MIGRATIONS } from '../app.ts';
import { createCoreBanking } from '../core-banking/index.ts';
import {
  createPaymentService,
  type PaymentService,
  paymentMetrics,
  paymentSettingsOf,
} from '../payments/index.ts';
import { type Config, migrateAll, openDatabase, openRedis, openStore } from '../platform/index.ts';
import {
  beneficiaryKey,
  createRiskService,
  isBeneficiaryKey,
  openCounters,
  type RiskService,
} from '../risk/index.ts';

export const PAYMENTS_HELP = `  payments review list       The payments awaiting review, oldest first
  payments review show PAYMENT_ID
                             A payment with its history and the risk decision that explains it
  payments review approve|reject PAYMENT_ID --operator NAME [--note TEXT]
                             Capture (approve) or release (reject) a held payment
  risk blocks                The blocked payees
  risk block (--mobile +2547… | --account NUMBER --bank-code CODE) --reason TEXT --operator NAME
                             Decline every payment to a payee from now on
  risk unblock BENEFICIARY --operator NAME [--reason TEXT]
                             Lift a block (BENEFICIARY as listed by \`risk blocks\`)`;

async function connected(redis: Redis, url: string): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    redis.once('ready', () => resolve());
    setTimeout(() => reject(new Error(`Redis at ${url} did not answer`)), 3000).unref();
  });
}

/** The payments and risk services of a short-lived process, on the configured database and Redis. */
async function withServices<T>(
  config: Config,
  work: (payments: PaymentService, risk: RiskService) => Promise<T>,
): Promise<T> {
  const database = openDatabase(config.database);
  const redis = config.redisUrl ? openRedis(config.redisUrl) : undefined;
  try {
    await migrateAll(database, MODULE_MIGRATIONS);
    if (redis) await connected(redis, config.redisUrl!);
    let cache: AccountCache | undefined;
    const bank = createCoreBanking(database, { onPosted: (ids) => cache?.changed(ids) });
    cache = new AccountCache(openStore(redis), bank, () => {});
    const accounts = cache;
    const registry = new Registry();
    const risk = createRiskService({
      database,
      counters: openCounters(redis),
      registry,
      mode: config.riskMode,
      policy: config.riskPolicy,
      timeoutMs: config.riskTimeoutMs,
      rules: config.riskRules,
    });
    const payments = createPaymentService({
      database,
      bank,
      account: (id) => accounts.get(id),
      risk,
      settings: paymentSettingsOf(config),
      metrics: paymentMetrics(registry),
    });
    return await work(payments, risk);
  } finally {
    redis?.disconnect();
    await database.close();
  }
}

const out = (text: string) => process.stdout.write(`${text}\n`);
const fail = (text: string): number => {
  process.stderr.write(`${text}\n`);
  return 2;
};

async function reviewCommand(config: Config, args: string[]): Promise<number> {
  const [action, id, ...rest] = args;
  if (action === 'list') {
    return withServices(config, async (payments) => {
      const queue = [];
      let cursor: string | undefined;
      do {
        const page = await payments.listAll({
          status: 'under_review',
          limit: 100,
          ...(cursor ? { cursor } : {}),
        });
        queue.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      if (queue.length === 0) out('No payment is awaiting review.');
      for (const p of queue.reverse()) {
        const dto = payments.toDto(p);
        out(
          `${p.id}  ${dto.amount.currency} ${dto.amount.amount}  to ${p.creditor.name}  since ${p.updatedAt}`,
        );
      }
      return 0;
    });
  }
  if (!id || !/^pay_[0-9A-HJKMNP-TV-Z]{26}$/.test(id)) return fail('Give a payment id (pay_…)');
  if (action === 'show') {
    return withServices(config, async (payments) => {
      const payment = await payments.find(id);
      const decision = await payments.decisionOf(id);
      out(JSON.stringify({ payment: payments.toDto(payment), history: payment.history, decision }, null, 2));
      return 0;
    });
  }
  if (action !== 'approve' && action !== 'reject') return fail(`Unknown review action ${action ?? ''}`);
  const { values } = parseArgs({
    args: rest,
    options: { operator: { type: 'string' }, note: { type: 'string' } },
  });
  if (!values.operator) return fail('Say who decides: --operator NAME');
  return withServices(config, async (payments) => {
    const done = await payments.review(id, action, values.operator!, values.note);
    out(`${done.id} is ${done.status} (${done.isoStatus})${done.reason ? `: ${done.reason}` : ''}.`);
    return 0;
  });
}

async function riskCommand(config: Config, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (action === 'blocks') {
    return withServices(config, async (_payments, risk) => {
      const blocks = await risk.blocks();
      if (blocks.length === 0) out('No payee is blocked.');
      for (const b of blocks) out(`${b.beneficiary}  by ${b.actor} at ${b.blockedAt}: ${b.reason}`);
      return 0;
    });
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      mobile: { type: 'string' },
      account: { type: 'string' },
      'bank-code': { type: 'string' },
      reason: { type: 'string' },
      operator: { type: 'string' },
    },
  });
  if (!values.operator) return fail('Say who decides: --operator NAME');
  const actor = `operator:${values.operator}`;
  if (action === 'block') {
    if (!values.reason) return fail('Give a --reason');
    const key = values.mobile
      ? beneficiaryKey({ mobileNumber: values.mobile })
      : values.account && values['bank-code']
        ? beneficiaryKey({ accountNumber: values.account, bankCode: values['bank-code'] })
        : undefined;
    if (!key || !isBeneficiaryKey(key))
      return fail('Give --mobile +2547… or --account NUMBER --bank-code CODE');
    return withServices(config, async (_payments, risk) => {
      const block = await risk.block(key, values.reason!, actor);
      out(`Blocked ${block.beneficiary}; running instances apply it within 2 s.`);
      return 0;
    });
  }
  if (action === 'unblock') {
    const [key] = positionals;
    if (!key || !isBeneficiaryKey(key)) return fail('Give the payee as listed by `wekeza risk blocks`');
    return withServices(config, async (_payments, risk) => {
      const removed = await risk.unblock(key, values.reason ?? 'Unblocked', actor);
      out(removed ? `Unblocked ${key}.` : `${key} was not blocked.`);
      return removed ? 0 : 1;
    });
  }
  return fail(`Unknown risk command ${action ?? ''}`);
}

/** `wekeza payments …` and `wekeza risk …`; undefined when the command is not one of them. */
export async function paymentsCommand(config: () => Config, argv: string[]): Promise<number | undefined> {
  const [command, sub, ...rest] = argv;
  if (command === 'payments' && sub === 'review') return reviewCommand(config(), rest);
  if (command === 'risk' && sub) return riskCommand(config(), [sub, ...rest]);
  return undefined;
}
