import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { eachBackend } from '../../test-support/backends.ts';
import { AmqpConnection } from '../connections/amqp.ts';
import { InProcessBus } from './bus.ts';
import type { CloudEvent } from './envelope.ts';
import { appendEvents, type EventTables, eventsMigrations, type NewEvent } from './outbox.ts';
import { RabbitBus } from './rabbitmq.ts';
import { markPublished, OutboxRelay } from './relay.ts';

const AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';
const run = promisify(execFile);

const event = (aggregate: string, n: number): NewEvent => ({
  type: 'payment.completed',
  subject: `payments/${aggregate}`,
  aggregate,
  clientId: 'app_test',
  data: { n },
});

const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

eachBackend('the outbox relay', [eventsMigrations], (ctx) => {
  const outbox = () => ctx.database.schema<EventTables>('events');

  const watermark = async () =>
    Number(
      (
        await outbox()
          .selectFrom('relay_state')
          .select('published_upto')
          .where('id', '=', 1)
          .executeTakeFirstOrThrow()
      ).published_upto,
    );

  test('publishes committed events in order as CloudEvents, each once, and numbers them', async () => {
    const bus = new InProcessBus();
    const seen: CloudEvent[] = [];
    await bus.subscribe('all', '#', async (e) => void seen.push(e));
    await bus.subscribe('other-type', 'consent.*', async () => assert.fail('pattern not respected'));
    const relay = new OutboxRelay(ctx.database, bus, { source: 'https://bank.example', onError: () => {} });
    relay.start();
    try {
      for (let i = 0; i < 5; i++) {
        await outbox()
          .transaction()
          .execute((trx) => appendEvents(trx, [event('pay_a', i * 2), event('pay_a', i * 2 + 1)]));
      }
      await until(() => seen.length >= 10);
      assert.deepEqual(
        seen.map((e) => e.data.n),
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      );
      const first = seen[0]!;
      assert.equal(first.specversion, '1.0');
      assert.equal(first.source, 'https://bank.example');
      assert.equal(first.datacontenttype, 'application/json');
      assert.equal(first.dataschema, 'urn:wekeza:events:payment.completed:v1');
      assert.equal(first.clientid, 'app_test');
      assert.match(first.id, /^evt_/);
      assert.ok(!Number.isNaN(Date.parse(first.time)));
      const sequences = seen.map((e) => Number(e.sequence));
      assert.deepEqual(
        sequences,
        [...sequences].sort((a, b) => a - b),
      );
      assert.equal(new Set(sequences).size, 10);
      // Marked: the watermark has reached every row.
      await until(async () => {
        const last = await outbox()
          .selectFrom('outbox')
          .select((eb) => eb.fn.max('published_seq').as('last'))
          .executeTakeFirstOrThrow();
        return (await watermark()) >= Number(last.last);
      });
    } finally {
      await relay.stop();
    }
  });

  test('an event whose handler fails is not marked published, and is published again', async () => {
    const bus = new InProcessBus();
    let failures = 1;
    const delivered: string[] = [];
    await bus.subscribe('flaky', '#', async (e) => {
      if (e.data.n === 100 && failures-- > 0) throw new Error('consumer down');
      delivered.push(`${e.data.n}`);
    });
    const errors: unknown[] = [];
    const relay = new OutboxRelay(ctx.database, bus, { source: 'x', onError: (e) => errors.push(e) });
    relay.start();
    try {
      await outbox()
        .transaction()
        .execute((trx) => appendEvents(trx, [event('pay_b', 100)]));
      await until(() => delivered.includes('100'));
      assert.equal(errors.length, 1, 'the failure was reported');
    } finally {
      await relay.stop();
    }
  });

  test('a batch published again after a failure keeps its sequences, and is marked only once published', async () => {
    const bus = new InProcessBus();
    let failures = 1;
    const attempts: string[][] = [];
    const noted: string[][] = [];
    const marksWhilePublishing: number[] = [];
    const tag = randomUUID();
    await bus.subscribe('sequences', '#', async (e) => {
      if (e.data.tag !== tag) return;
      if (e.data.n === 0) attempts.push([]);
      attempts.at(-1)!.push(`${e.data.n}@${e.sequence}`);
      marksWhilePublishing.push(await watermark());
      if (e.data.n === 1 && failures-- > 0) throw new Error('confirm lost');
    });
    const relay = new OutboxRelay(ctx.database, bus, {
      source: 'x',
      onError: () => {},
      beforePublish: async (events) => {
        const mine = events.filter((e) => e.data.tag === tag);
        if (mine.length > 0) noted.push(mine.map((e) => `${e.data.n}@${e.sequence}`));
      },
    });
    await outbox()
      .transaction()
      .execute((trx) =>
        appendEvents(
          trx,
          [0, 1].map((n) => ({ ...event('pay_seq', n), data: { n, tag } })),
        ),
      );
    relay.start();
    try {
      await until(() => attempts.length === 2 && attempts[1]!.length === 2);
      assert.deepEqual(attempts[1], attempts[0], 'the same sequences the second time');
      assert.deepEqual(noted, attempts, 'noted before each publish, with the sequences published');
      const sequences = attempts[0]!.map((a) => Number(a.slice(a.indexOf('@') + 1)));
      assert.ok(
        marksWhilePublishing.every((m) => m < sequences[0]!),
        `not marked before the bus took it (watermark ${marksWhilePublishing} vs ${sequences})`,
      );
      const rows = await outbox()
        .selectFrom('outbox')
        .select('published_seq')
        .where('aggregate', '=', 'pay_seq')
        .where('published_seq', 'in', sequences)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        rows.map((r) => Number(r.published_seq)),
        sequences,
      );
      // The relay marks the batch once the bus has taken it (just after the handler saw it).
      await until(async () => (await watermark()) >= sequences.at(-1)!);
    } finally {
      await relay.stop();
    }
  });

  test('a relay taking over publishes what the last one numbered but did not mark, with those numbers, first', async () => {
    const tag = randomUUID();
    await outbox()
      .transaction()
      .execute((trx) =>
        appendEvents(
          trx,
          [0, 1, 2].map((n) => ({ ...event('pay_take', n), data: { n, tag } })),
        ),
      );
    // A relay stopped between numbering and marking: its first two rows numbered above the watermark.
    const mark = await watermark();
    const [first, second] = await outbox()
      .selectFrom('outbox')
      .select('seq')
      .where('aggregate', '=', 'pay_take')
      .orderBy('seq')
      .execute();
    for (const [i, row] of [first!, second!].entries()) {
      await outbox()
        .updateTable('outbox')
        .set({ published_seq: mark + 1 + i, published_at: new Date().toISOString() })
        .where('seq', '=', row.seq)
        .execute();
    }
    const bus = new InProcessBus();
    const seen: string[] = [];
    await bus.subscribe('takeover', '#', async (e) => {
      if (e.data.tag === tag) seen.push(`${e.data.n}@${Number(e.sequence) - mark}`);
    });
    const relay = new OutboxRelay(ctx.database, bus, { source: 'x', onError: () => {} });
    relay.start();
    try {
      await until(() => seen.length === 3);
      assert.deepEqual(seen, ['0@1', '1@2', '2@3']);
      await until(async () => (await watermark()) === mark + 3);
    } finally {
      await relay.stop();
    }
  });

  test('a relay older than migration 0006 cannot move the watermark; this version moves it with its revision', async () => {
    const mark = await watermark();
    // The update a relay older than the guard sends: the database refuses it, so such a relay marks
    // nothing it published, and no event below a number still to be committed is passed over.
    await assert.rejects(
      outbox()
        .updateTable('relay_state')
        .set({ published_upto: mark + 1000 })
        .where('id', '=', 1)
        .execute(),
      /moved by a relay older than this version/,
    );
    assert.equal(await watermark(), mark);
    const revision = async () =>
      Number(
        (await outbox().selectFrom('relay_state').select('revision').executeTakeFirstOrThrow()).revision,
      );
    const before = await revision();
    await outbox()
      .transaction()
      .execute((trx) => appendEvents(trx, [event('pay_guard', 0)]));
    const relay = new OutboxRelay(ctx.database, new InProcessBus(), { source: 'x', onError: () => {} });
    relay.start();
    try {
      await until(async () => (await watermark()) > mark);
      assert.ok((await revision()) > before);
    } finally {
      await relay.stop();
    }
  });

  if (ctx.backend === 'postgres') {
    test('the watermark commits without a WAL flush of its own, and only its own transaction does', async () => {
      const mark = await watermark();
      await outbox()
        .connection()
        .execute(async (conn) => {
          const setting = async () =>
            (await sql<{ s: string }>`select current_setting('synchronous_commit') as s`.execute(conn))
              .rows[0]!.s;
          const server = await setting(); // 'on' unless the server was set otherwise
          await sql`begin`.execute(conn);
          try {
            await markPublished(conn, 'postgres', mark);
            assert.equal(await setting(), 'off'); // the mark's transaction commits asynchronously
          } finally {
            await sql`commit`.execute(conn);
          }
          // The connection goes back to the pool as it came: other writers still wait for the disk.
          assert.equal(await setting(), server);
          await markPublished(conn, 'postgres', mark);
          assert.equal(await setting(), server);
        });
      assert.equal(await watermark(), mark);
    });

    test('a transaction that took its id first and commits a higher number does not let the relay pass a lower one still open', async () => {
      const tag = randomUUID();
      const bus = new InProcessBus();
      const seen: string[] = [];
      await bus.subscribe('horizon-ids', '#', async (e) => {
        if (e.data.tag === tag) seen.push(`${e.data.n}`);
      });
      const append = (trx: Parameters<typeof appendEvents>[0], n: number) =>
        appendEvents(trx, [{ ...event(`pay_x${n}`, n), data: { n, tag } }]);
      const gate = () => {
        let open: () => void = () => {};
        const passed = new Promise<void>((r) => {
          open = r;
        });
        return { passed, open: () => open() };
      };
      const [earlyHasId, lateHasNumber, earlyMayAppend, lateMayCommit] = [gate(), gate(), gate(), gate()];
      // The early transaction takes its id (it writes something first, as the batch locks its rows);
      // the late one takes a lower number and stays open; the early one then takes a higher number
      // and commits. Its xid, the last completed, bounds the snapshots' xmax below the late one's.
      const early = outbox()
        .transaction()
        .execute(async (trx) => {
          await sql`select pg_current_xact_id()`.execute(trx);
          earlyHasId.open();
          await earlyMayAppend.passed;
          await append(trx, 2);
        });
      await earlyHasId.passed;
      const late = outbox()
        .transaction()
        .execute(async (trx) => {
          await append(trx, 1);
          lateHasNumber.open();
          await lateMayCommit.passed;
        });
      await lateHasNumber.passed;
      earlyMayAppend.open();
      await early;
      const relay = new OutboxRelay(ctx.database, bus, { source: 'x', onError: () => {} });
      relay.start();
      try {
        await new Promise((r) => setTimeout(r, 400));
        assert.equal(seen.length, 0, 'the higher number waits for the open lower one');
        lateMayCommit.open();
        await late;
        await until(() => seen.length === 2);
        assert.deepEqual(seen, ['1', '2']);
      } finally {
        earlyMayAppend.open();
        lateMayCommit.open();
        await relay.stop();
      }
    });

    test('numbered at insert: a number is published only once no transaction can still commit a lower one', async () => {
      const tag = randomUUID();
      const bus = new InProcessBus();
      const seen: string[] = [];
      await bus.subscribe('horizon', '#', async (e) => {
        if (e.data.tag === tag) seen.push(`${e.data.n}@${e.sequence}`);
      });
      const append = (trx: Parameters<typeof appendEvents>[0], n: number) =>
        appendEvents(trx, [{ ...event(`pay_h${n}`, n), data: { n, tag } }]);
      // A transaction takes a number and stays open; another takes the next number and commits; a
      // third takes one and rolls back (its number is never used).
      let finishLate: () => void = () => {};
      const lateOpen = new Promise<void>((taken) => {
        void outbox()
          .transaction()
          .execute(async (trx) => {
            await append(trx, 1);
            taken();
            await new Promise<void>((r) => {
              finishLate = r;
            });
          });
      });
      await lateOpen;
      await outbox()
        .transaction()
        .execute((trx) => append(trx, 2));
      await outbox()
        .transaction()
        .execute(async (trx) => {
          await append(trx, 3);
          throw new Error('rolled back');
        })
        .catch(() => {});
      await outbox()
        .transaction()
        .execute((trx) => append(trx, 4));
      const relay = new OutboxRelay(ctx.database, bus, { source: 'x', onError: () => {} });
      relay.start();
      try {
        await new Promise((r) => setTimeout(r, 400));
        assert.equal(seen.length, 0, 'nothing above a number a running transaction holds');
        assert.ok(relay.horizonWaitMs >= 200, `the wait shows (${relay.horizonWaitMs} ms)`);
        const committed = await outbox()
          .selectFrom('outbox')
          .select(['aggregate', 'published_seq'])
          .where('aggregate', 'in', ['pay_h2', 'pay_h4'])
          .orderBy('published_seq')
          .execute();
        assert.equal(committed.length, 2, 'the later commits are in the outbox, numbered');
        finishLate();
        await until(() => seen.length === 3);
        const numbers = seen.map((s) => Number(s.slice(s.indexOf('@') + 1)));
        assert.deepEqual(
          seen.map((s) => s.slice(0, s.indexOf('@'))),
          ['1', '2', '4'],
          'the late commit in its place; the rolled-back number skipped',
        );
        assert.deepEqual(numbers, [numbers[0], numbers[0]! + 1, numbers[0]! + 3]);
        await until(async () => (await watermark()) === numbers[2]);
        await until(() => relay.horizonWaitMs === 0);
      } finally {
        finishLate();
        await relay.stop();
      }
    });

    test('of two relays only one publishes at a time: no event twice, none lost', async () => {
      const bus = new InProcessBus();
      const ids: string[] = [];
      await bus.subscribe('count', '#', async (e) => void ids.push(e.id));
      const relays = [1, 2].map(() => new OutboxRelay(ctx.database, bus, { source: 'x', onError: () => {} }));
      for (const r of relays) r.start();
      try {
        const appended: string[] = [];
        for (let i = 0; i < 20; i++) {
          appended.push(
            ...(await outbox()
              .transaction()
              .execute((trx) => appendEvents(trx, [event(`pay_c${i}`, i)]))),
          );
        }
        await until(() => appended.every((id) => ids.includes(id)));
        await new Promise((r) => setTimeout(r, 300));
        assert.equal(ids.filter((id) => appended.includes(id)).length, 20);
      } finally {
        await Promise.all(relays.map((r) => r.stop()));
      }
    });
  }
});

describe('the event bus on RabbitMQ', () => {
  const amqp = new AmqpConnection(AMQP_URL);
  const names: string[] = [];
  after(async () => {
    const ch = await (await amqp.get()).createChannel();
    for (const n of names) {
      await ch.deleteQueue(`wekeza.${n}`).catch(() => {});
      await ch.deleteQueue(`wekeza.${n}.dlq`).catch(() => {});
    }
    await ch.close();
    await amqp.close();
  });
  const envelope = (n: number, type = 'payment.completed'): CloudEvent => ({
    specversion: '1.0',
    id: `evt_${randomUUID()}`,
    source: 'test',
    type,
    subject: 'payments/pay_x',
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: `urn:wekeza:events:${type}:v1`,
    clientid: null,
    sequence: String(n),
    data: { n },
  });

  test('published with confirms to a durable topic exchange and consumed by pattern', async () => {
    const bus = new RabbitBus(amqp);
    const name = `test-${randomUUID()}`;
    names.push(name);
    const got: CloudEvent[] = [];
    const sub = await bus.subscribe(name, 'payment.*', async (e) => void got.push(e));
    const mine = [envelope(1), envelope(2), envelope(3, 'consent.revoked')];
    await bus.publish(mine);
    await until(() => got.filter((e) => mine.some((m) => m.id === e.id)).length === 2);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(
      got.filter((e) => mine.some((m) => m.id === e.id)).map((e) => e.data.n),
      [1, 2],
      'consent.revoked does not match payment.*',
    );
    await sub.cancel();
    await bus.close();
  });

  test('a handler that fails for a moment handles the event on a later attempt: nothing dead-lettered', async () => {
    const bus = new RabbitBus(amqp);
    const name = `test-${randomUUID()}`;
    names.push(name);
    let failures = 2;
    const handled: string[] = [];
    const sub = await bus.subscribe(name, 'payment.failed', async (e) => {
      if (failures-- > 0) throw new Error('database restarting');
      handled.push(e.id);
    });
    const event = envelope(8, 'payment.failed');
    await bus.publish([event]);
    await until(() => handled.includes(event.id));
    const ch = await (await amqp.get()).createChannel();
    assert.equal(await ch.get(`wekeza.${name}.dlq`, { noAck: true }), false);
    await ch.close();
    await sub.cancel();
    await bus.close();
  });

  test('an event its handler refuses goes to the dead-letter queue', async () => {
    const bus = new RabbitBus(amqp);
    const name = `test-${randomUUID()}`;
    names.push(name);
    const sub = await bus.subscribe(name, 'payment.rejected', async () => {
      throw new Error('cannot handle');
    });
    const poison = envelope(7, 'payment.rejected');
    await bus.publish([poison]);
    const ch = await (await amqp.get()).createChannel();
    let dead: false | { content: Buffer } = false;
    // After the handler's retries (about 6 s).
    await until(async () => {
      dead = await ch.get(`wekeza.${name}.dlq`, { noAck: true });
      return dead !== false;
    }, 30_000);
    assert.equal(JSON.parse((dead as unknown as { content: Buffer }).content.toString()).id, poison.id);
    await ch.close();
    await sub.cancel();
    await bus.close();
  });

  test('a broker connection loss while the relay publishes loses nothing: the outbox catches up', async (t) => {
    const { createTestDatabase } = await import('../../test-support/backends.ts');
    const { migrateAll, openDatabase } = await import('../db/index.ts');
    const testDb = await createTestDatabase('postgres');
    const database = openDatabase(testDb.config);
    t.after(async () => {
      await database.close();
      await testDb.drop();
    });
    await migrateAll(database, [eventsMigrations]);
    const own = new AmqpConnection(AMQP_URL);
    const bus = new RabbitBus(own);
    const name = `test-${randomUUID()}`;
    names.push(name);
    const got = new Set<string>();
    const consumerConnection = new AmqpConnection(AMQP_URL);
    const consumer = new RabbitBus(consumerConnection);
    await consumer.subscribe(name, 'payment.*', async (e) => void got.add(e.id));
    const relay = new OutboxRelay(database, bus, { source: 'x', onError: () => {}, idleMs: 20 });
    relay.start();
    const appended: string[] = [];
    try {
      const events = database.schema<EventTables>('events');
      for (let i = 0; i < 200; i++) {
        appended.push(
          ...(await events.transaction().execute((trx) => appendEvents(trx, [event(`pay_r${i}`, i)]))),
        );
        if (i === 60 || i === 140) {
          // Every client connection to the broker is cut, ours included.
          await run('rabbitmqctl', ['close_all_connections', 'wekeza test: broker failure']);
        }
      }
      await until(() => appended.every((id) => got.has(id)), 30_000);
      assert.equal(appended.filter((id) => got.has(id)).length, 200);
    } finally {
      await relay.stop();
      await consumer.close();
      await bus.close();
      await Promise.all([own.close(), consumerConnection.close()]);
    }
  });
});
