/**
 * The event bus contract, on both databases: what one publishes reaches every subscriber once, a
 * listener that throws harms nobody, an unsubscribed listener hears nothing. On PostgreSQL two buses
 * on one database stand for two server processes: a change published on one reaches the other within
 * a second, and a bus whose connection is cut listens again, tells its subscribers to resync, and
 * carries changes both ways afterwards.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import type { RecordChange } from '../../core/schemas/live';
import type { Db } from '../../db/connect';
import { describeBackends } from '../../test/backends';
import {
  APPLICATION_NAME,
  CHANNEL,
  eventBusFor,
  postgresEventBus,
  type EventBus,
  type PostgresEventBus,
} from './events';

interface Heard {
  changes: RecordChange[];
  resyncs: number;
}

function listen(bus: EventBus): Heard & { stop: () => void } {
  const heard: Heard = { changes: [], resyncs: 0 };
  const stop = bus.subscribe({
    change: (change) => heard.changes.push(change),
    resync: () => (heard.resyncs += 1),
  });
  return Object.assign(heard, { stop });
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - started;
}

let serial = 0;
const change = (fields: Partial<RecordChange> = {}): RecordChange => ({
  kind: 'task',
  id: `task-${(serial += 1)}`,
  orgId: 'org-1',
  ...fields,
});

describeBackends('event bus', (backend) => {
  let db: Db;
  let bus: EventBus;
  beforeAll(async () => {
    db = await backend.connect();
    bus = eventBusFor(db);
    if (backend.name === 'postgres') await (bus as PostgresEventBus).listening();
  });
  afterAll(async () => {
    await bus.close();
    await db.close();
  });

  it('is in-process on SQLite and LISTEN/NOTIFY on PostgreSQL', () => {
    expect('listening' in bus).toBe(backend.name === 'postgres');
  });

  it('delivers a change to every subscriber once, and to none that stopped', async () => {
    const first = listen(bus);
    const second = listen(bus);
    const stopped = listen(bus);
    stopped.stop();
    const sent = change({ projectId: 'project-1' });
    bus.publish(sent);
    expect(first.changes).toEqual([sent]);
    expect(second.changes).toEqual([sent]);
    // nothing comes back a second time over LISTEN
    await new Promise((r) => setTimeout(r, 200));
    expect(first.changes).toEqual([sent]);
    expect(stopped.changes).toEqual([]);
    first.stop();
    second.stop();
  });

  it('keeps a throwing listener from reaching the publisher or the other listeners', () => {
    const stopThrowing = bus.subscribe({
      change: () => {
        throw new Error('listener broke');
      },
      resync: () => undefined,
    });
    const other = listen(bus);
    const sent = change();
    expect(() => bus.publish(sent)).not.toThrow();
    expect(other.changes).toEqual([sent]);
    stopThrowing();
    other.stop();
  });

  it.runIf(backend.name === 'postgres')(
    'carries a change to another process on the same database within a second',
    async () => {
      const other = postgresEventBus({ url: db.databaseUrl! });
      try {
        await other.listening();
        const there = listen(other);
        const sent = change({ kind: 'one-on-one', personIds: ['p-1', 'p-2'] });
        bus.publish(sent);
        const here = listen(bus);
        const took = await until(() => there.changes.length > 0, 1000, 'the other process');
        expect(took).toBeLessThan(1000);
        expect(there.changes).toEqual([sent]);
        // and back the other way
        const reply = change({ kind: 'plan-run', authorId: 'user-1' });
        other.publish(reply);
        await until(() => here.changes.length > 0, 1000, 'the first process');
        expect(here.changes).toEqual([reply]);
        there.stop();
        here.stop();
      } finally {
        await other.close();
      }
    },
  );

  it.runIf(backend.name === 'postgres')(
    'listens again when its connection drops, tells its subscribers to resync, and carries changes again',
    async () => {
      const cut = postgresEventBus({ url: db.databaseUrl!, retryMs: 20 });
      const other = postgresEventBus({ url: db.databaseUrl! });
      const admin = new pg.Client({ connectionString: db.databaseUrl! });
      try {
        await Promise.all([cut.listening(), other.listening(), admin.connect()]);
        const onCut = listen(cut);
        const onOther = listen(other);
        // cut every listening connection but the other bus's: the same as a restarted database for `cut`
        const pids = await admin.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
          [APPLICATION_NAME],
        );
        expect(pids.rows.length).toBeGreaterThanOrEqual(3);
        const ours = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        for (const { pid } of pids.rows)
          if (pid !== ours.rows[0]!.pid) await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        await until(() => onCut.resyncs > 0 && onOther.resyncs > 0, 5000, 'a resync after the drop');
        await Promise.all([cut.listening(), other.listening()]);
        const sent = change();
        cut.publish(sent);
        await until(() => onOther.changes.length > 0, 1000, 'a change after the reconnect');
        expect(onOther.changes).toEqual([sent]);
        // what is not a change of ours is ignored
        await admin.query('SELECT pg_notify($1, $2)', [CHANNEL, 'not json']);
        await admin.query('SELECT pg_notify($1, $2)', [
          CHANNEL,
          JSON.stringify({ o: 'x', c: { kind: 'nope' } }),
        ]);
        const later = change();
        other.publish(later);
        await until(() => onCut.changes.length > 1, 1000, 'a change after the noise');
        expect(onCut.changes).toEqual([sent, later]);
      } finally {
        await admin.end();
        await cut.close();
        await other.close();
      }
    },
  );
});
