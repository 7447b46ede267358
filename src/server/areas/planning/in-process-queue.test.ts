import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../../core/actor';
import type { Db } from '../../../db/connect';
import { describeBackends } from '../../../test/backends';
import { insertOrganization } from '../auth/repo';
import { fixedClock } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { cancelPlanRun } from './cancel-plan-run';
import { InProcessPlanQueue } from './in-process-queue';
import { silentLog } from './plan-queue';
import * as runs from './repo-runs';
import { scriptedRunner } from './scripted-runner';
import { startPlanRun } from './start-plan-run';
import { stoppedMessages } from './sweep-runs';

// The SQLite queue; on PostgreSQL it is never chosen (compose.ts), but its rules hold there too.
describeBackends('the in-process plan queue', (backend) => {
  let db: Db;
  const clock = fixedClock('2026-03-02T09:00:00.000Z');
  const orgId = newId();
  const actor: Actor = { userId: 'test', orgId, role: 'owner', personId: null };
  beforeAll(async () => {
    db = await backend.connect();
    await insertOrganization(db.db, { id: orgId, name: 'Org', createdAt: clock.now().toISOString() });
  });
  afterAll(async () => db.close());

  const queueWith = (runner: ReturnType<typeof scriptedRunner>, atOnce = 1) =>
    new InProcessPlanQueue({ db: db.db, clock, runner, runnerId: `test ${newId()}` }, silentLog, atOnce);
  const statusOf = async (id: string) => {
    const row = await runs.findRunRow(db.db, orgId, id);
    return [row?.status, row?.message ?? null];
  };

  /** A run row as a process that was killed left it: last heard from a minute ago. */
  async function leftBehind(status: 'queued' | 'running') {
    const id = newId();
    const heard = new Date(clock.now().getTime() - 60_000).toISOString();
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
      runner: status === 'running' ? 'a killed process' : null,
    });
    return id;
  }

  it('fails at its first sweep the runs a process that stopped left queued or running', async () => {
    const running = await leftBehind('running');
    const queued = await leftBehind('queued');
    const queue = queueWith(scriptedRunner('quick'));
    await queue.close(); // waits for the sweep it started with
    expect(await statusOf(running)).toEqual(['failed', stoppedMessages.running]);
    expect(await statusOf(queued)).toEqual(['failed', stoppedMessages.queued]);
  });

  it('cancels a waiting run at once and stops a running one, which keeps its best plan', async () => {
    const queue = queueWith(scriptedRunner('held'));
    const deps = { db: db.db, clock, dialect: db.dialect, queue };
    const first = (await startPlanRun(deps, actor, { keepAssignees: false, seed: 1 })).id;
    const second = (await startPlanRun(deps, actor, { keepAssignees: false, seed: 1 })).id;
    expect((await cancelPlanRun(deps, actor, second)).status).toBe('cancelled');
    await cancelPlanRun(deps, actor, first);
    await queue.wait(orgId, first);
    const row = await runs.findRunRow(db.db, orgId, first);
    expect([row?.status, row?.engine_status]).toEqual(['cancelled', 'cancelled']);
    await queue.close();
  });
});
