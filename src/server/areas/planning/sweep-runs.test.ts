import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../../db/connect';
import { describeBackends } from '../../../test/backends';
import { insertOrganization } from '../auth/repo';
import { fixedClock } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { executeRun } from './execute-run';
import * as runs from './repo-runs';
import { scriptedRunner } from './scripted-runner';
import { STALE_AFTER_MS, stoppedMessages, sweepRuns } from './sweep-runs';
import { syntheticSnapshot } from './synthetic-snapshot';

describeBackends('the sweep for runs whose process stopped', (backend) => {
  let db: Db;
  const clock = fixedClock('2026-03-02T09:00:00.000Z');
  const orgId = newId();
  beforeAll(async () => {
    db = await backend.connect();
    await insertOrganization(db.db, { id: orgId, name: 'Org', createdAt: clock.now().toISOString() });
  });
  afterAll(async () => db.close());

  /** A run row in `status`, last heard from `quietMs` ago. */
  async function run(status: 'queued' | 'running', quietMs: number, runner: string | null = null) {
    const id = newId();
    const heard = new Date(clock.now().getTime() - quietMs).toISOString();
    await runs.insertRun(db.db, {
      id,
      org_id: orgId,
      created_by: null,
      created_by_name: 'test',
      scope_project_ids: null,
      keep_assignees: 0,
      time_limit_ms: 1000,
      seed: 1,
      status,
      today: '2026-03-02',
      start_date: '2026-03-02',
      fingerprint: 'f',
      schedules: 0,
      elapsed_ms: 0,
      issues: '[]',
      task_count: 0,
      changed_count: 0,
      unplaceable_count: 0,
      cancel_requested: 0,
      applied_count: 0,
      created_at: heard,
      heartbeat_at: heard,
      runner,
    });
    return id;
  }
  const statusOf = async (id: string) => {
    const row = await runs.findRunRow(db.db, orgId, id);
    return { status: row?.status, message: row?.message ?? null };
  };
  const nothingLost = { whyQueuedRunIsLost: async () => null };

  it('fails a running run not heard from for 15 s, saying its server stopped, and leaves the rest', async () => {
    const quiet = await run('running', STALE_AFTER_MS + 1000, 'gone');
    const fresh = await run('running', STALE_AFTER_MS - 5000, 'alive');
    const held = await run('running', 10 * STALE_AFTER_MS, 'here');
    const failed = await sweepRuns({ db: db.db, clock }, { holds: (id) => id === held, ...nothingLost });
    expect(failed.map((r) => r.id)).toEqual([quiet]);
    expect(await statusOf(quiet)).toEqual({ status: 'failed', message: stoppedMessages.running });
    expect((await statusOf(fresh)).status).toBe('running');
    expect((await statusOf(held)).status).toBe('running');
  });

  it('acts once when several processes sweep at the same moment', async () => {
    const quiet = await run('running', 2 * STALE_AFTER_MS, 'gone');
    const sweeps = await Promise.all(
      Array.from({ length: 4 }, () =>
        sweepRuns({ db: db.db, clock }, { holds: () => false, ...nothingLost }),
      ),
    );
    expect(sweeps.flat().filter((r) => r.id === quiet)).toHaveLength(1);
    expect((await statusOf(quiet)).status).toBe('failed');
  });

  it('ends a quiet queued run only when its queue says it will never start', async () => {
    const waiting = await run('queued', 2 * STALE_AFTER_MS);
    const lost = await run('queued', 2 * STALE_AFTER_MS);
    await sweepRuns(
      { db: db.db, clock },
      {
        holds: () => false,
        whyQueuedRunIsLost: async (r) => (r.id === lost ? stoppedMessages.queued : null),
      },
    );
    expect((await statusOf(waiting)).status).toBe('queued');
    expect(await statusOf(lost)).toEqual({ status: 'failed', message: stoppedMessages.queued });
  });

  it('stores nothing from a runner whose run was given up meanwhile', async () => {
    const id = await run('queued', 0);
    const runner = scriptedRunner('held');
    const controller = new AbortController();
    const ending = executeRun(
      { db: db.db, clock, runner, runnerId: 'slow' },
      { runId: id, orgId, snapshot: syntheticSnapshot(4) },
      { controller, mayRelease: () => false },
    );
    for (let i = 0; runner.started === 0 && i < 200; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await statusOf(id)).status).toBe('running');
    // another process's sweep took it for dead (as after a long stall)
    const row = { id, org_id: orgId, status: 'running' as const, heartbeat_at: '' };
    const later = new Date(clock.now().getTime() + 60_000).toISOString();
    expect(await runs.failQuietRun(db.db, row, later, stoppedMessages.running, later)).toBe(true);
    runner.finish();
    expect(await ending).toBe('lost');
    expect(await statusOf(id)).toEqual({ status: 'failed', message: stoppedMessages.running });
  });
});
