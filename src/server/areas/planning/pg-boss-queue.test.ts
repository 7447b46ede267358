/**
 * The PostgreSQL plan queue with several queues on one database, each standing for a server process:
 * who runs a run, cancel from anywhere, hand-back on close, and queued runs that can never start.
 */
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../../core/actor';
import type { Db } from '../../../db/connect';
import { describePostgres } from '../../../test/backends';
import { insertOrganization } from '../auth/repo';
import { fixedClock } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { cancelPlanRun } from './cancel-plan-run';
import { runnerName } from './compose';
import { MAX_WAIT_MS, PgBossPlanQueue, PLAN_QUEUE } from './pg-boss-queue';
import { silentLog } from './plan-queue';
import * as runs from './repo-runs';
import { scriptedRunner, type ScriptedRunner } from './scripted-runner';
import { startPlanRun } from './start-plan-run';
import { STALE_AFTER_MS } from './sweep-runs';

describePostgres('the pg-boss plan queue', (backend) => {
  let db: Db;
  const clock = fixedClock('2026-03-02T09:00:00.000Z');
  const orgId = newId();
  const actor: Actor = { userId: 'test', orgId, role: 'owner', personId: null };
  const open: PgBossPlanQueue[] = [];

  beforeAll(async () => {
    db = await backend.connect();
    await insertOrganization(db.db, { id: orgId, name: 'Org', createdAt: clock.now().toISOString() });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((q) => q.close()));
  });
  afterAll(async () => db.close());

  /** A queue as one server process has it: `workers` 0 only submits and cancels. */
  async function server(runner: ScriptedRunner, workers: number) {
    const runnerId = runnerName();
    const queue = await PgBossPlanQueue.start(
      { db: db.db, clock, runner, runnerId },
      { connectionString: db.databaseUrl!, log: silentLog, workers, pollingIntervalSeconds: 0.5 },
    );
    open.push(queue);
    return { queue, runnerId, deps: { db: db.db, clock, dialect: db.dialect, queue } };
  }
  const start = async (through: { deps: Parameters<typeof startPlanRun>[0] }) =>
    (await startPlanRun(through.deps, actor, { keepAssignees: false, seed: 1 })).id;
  const rowOf = async (id: string) => (await runs.findRunRow(db.db, orgId, id))!;
  const jobState = async (id: string) =>
    (
      await sql<{
        state: string;
      }>`SELECT state FROM pgboss.job WHERE name = ${PLAN_QUEUE} AND id = ${id}`.execute(db.db)
    ).rows[0]?.state ?? null;
  async function until(what: string, check: () => Promise<boolean>, ms = 10_000) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`still not ${what} after ${ms} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('runs a run queued through one process in another, which reads its data itself', async () => {
    const a = await server(scriptedRunner('quick'), 0);
    const b = await server(scriptedRunner('quick'), 1);
    const id = await start(a);
    await a.queue.wait(orgId, id);
    const row = await rowOf(id);
    expect(row.status).toBe('done');
    expect(row.runner).toBe(b.runnerId);
    expect(await jobState(id)).toBe('completed');
  });

  it('cancels a queued run at once through any process, and its job with it', async () => {
    const busy = scriptedRunner('held');
    const a = await server(scriptedRunner('quick'), 0);
    const b = await server(busy, 1);
    const first = await start(b);
    await until('running', async () => (await rowOf(first)).status === 'running');
    const second = await start(b); // waits: b's one worker is busy, a has none
    expect((await rowOf(second)).status).toBe('queued');
    const cancelled = await cancelPlanRun(a.deps, actor, second);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.message).toBe('Cancelled before it started.');
    expect(await jobState(second)).toBe('cancelled');
    busy.finish();
    await a.queue.wait(orgId, first);
    expect(busy.started).toBe(1);
  });

  it('stops a run running in another process at its next write; it keeps its best plan', async () => {
    const a = await server(scriptedRunner('quick'), 0);
    const b = await server(scriptedRunner('held'), 1);
    const id = await start(a);
    await until('searching', async () => Number((await rowOf(id)).schedules) > 0);
    expect((await cancelPlanRun(a.deps, actor, id)).status).toBe('running');
    await until('cancelled', async () => (await rowOf(id)).status === 'cancelled', 5000);
    const row = await rowOf(id);
    expect(row.runner).toBe(b.runnerId);
    expect(row.engine_status).toBe('cancelled');
    expect(row.figures === null && Number(row.schedules) > 0).toBe(true);
  });

  it('hands its runs back when a process stops, and another process runs them', async () => {
    const leaving = await server(scriptedRunner('held'), 1);
    const id = await start(leaving);
    await until('running', async () => (await rowOf(id)).status === 'running');
    await leaving.queue.close();
    const handedBack = await rowOf(id);
    expect([handedBack.status, handedBack.runner, Number(handedBack.schedules)]).toEqual(['queued', null, 0]);
    expect(await jobState(id)).toBe('retry');
    const staying = await server(scriptedRunner('quick'), 1);
    await staying.queue.wait(orgId, id);
    const row = await rowOf(id);
    expect([row.status, row.runner]).toEqual(['done', staying.runnerId]);
  });

  it('fails a queued run whose job is gone, or that nobody took up in ten minutes', async () => {
    const a = await server(scriptedRunner('quick'), 0);
    const lost = await start(a);
    await sql`DELETE FROM pgboss.job WHERE id = ${lost}`.execute(db.db);
    const waiting = await start(a);
    await a.queue.sweep();
    expect((await rowOf(lost)).status).toBe('queued'); // not quiet yet
    clock.set(new Date(clock.now().getTime() + STALE_AFTER_MS + 1000).toISOString());
    await a.queue.sweep();
    expect([(await rowOf(lost)).status, (await rowOf(lost)).message]).toEqual([
      'failed',
      'This plan’s place in the queue was lost; start it again.',
    ]);
    expect((await rowOf(waiting)).status).toBe('queued');
    clock.set(new Date(clock.now().getTime() + MAX_WAIT_MS).toISOString());
    await a.queue.sweep();
    expect((await rowOf(waiting)).message).toBe(
      'No server took this plan up within 10 minutes; start it again.',
    );
    expect(await jobState(waiting)).toBe('failed');
  });
});
