/**
 * The composition root of planning's queue: the one place that chooses where plan runs wait and run.
 * The server (buildApp), `tandem plan` and the benchmark all start theirs here.
 *
 * - SQLite: the in-process queue (one process owns the data directory).
 * - PostgreSQL: the pg-boss queue in the same database, so every process serving it takes runs,
 *   a cancel reaches a run wherever it runs, and a run whose process died is ended by another.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../../../db/connect';
import type { Clock } from '../../providers/clock';
import { InProcessPlanQueue } from './in-process-queue';
import { PgBossPlanQueue } from './pg-boss-queue';
import { silentLog, type PlanQueue, type QueueLog } from './plan-queue';
import type { PlanRunner } from './runner';

export interface PlanQueueOptions {
  db: Db;
  clock: Clock;
  runner: PlanRunner;
  log?: QueueLog;
  /** A run's status or progress was written (the live updates announce it). */
  onRunChanged?: (orgId: string, runId: string) => void;
}

/** Names this queue in plan_runs.runner: where a run runs, for the operator and for the conditional writes. */
export function runnerName(): string {
  return `${hostname()} pid ${process.pid} #${randomBytes(3).toString('hex')}`;
}

export async function createPlanQueue(options: PlanQueueOptions): Promise<PlanQueue> {
  const ctx = {
    db: options.db.db,
    clock: options.clock,
    runner: options.runner,
    runnerId: runnerName(),
    ...(options.onRunChanged ? { onRunChanged: options.onRunChanged } : {}),
  };
  const log = options.log ?? silentLog;
  if (options.db.dialect === 'postgres') {
    if (options.db.databaseUrl === null)
      throw new Error('The plan queue needs the PostgreSQL connection string');
    return PgBossPlanQueue.start(ctx, { connectionString: options.db.databaseUrl, log });
  }
  return new InProcessPlanQueue(ctx, log);
}
