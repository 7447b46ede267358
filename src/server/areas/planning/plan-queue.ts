/**
 * Where plan runs wait and who runs them. start-plan-run.ts records a run (plan_runs, status queued)
 * and submits it here; a worker of some process claims it (status running, `runner` = that queue), runs
 * it (execute-run.ts: progress and a heartbeat in the run's row, the outcome stored in one transaction)
 * and ends it. Every process sweeps for runs whose runner stopped (sweep-runs.ts). compose.ts chooses
 * the implementation: in-process-queue.ts on SQLite (one process), pg-boss-queue.ts on PostgreSQL (a
 * queue in the database that every process takes runs from).
 */
import os from 'node:os';
import type { DB } from '../../deps';
import { findRunRow } from './repo-runs';
import { planWorkerCount } from './runner';
import type { PlanSnapshot } from './snapshot';

export interface PlanJob {
  runId: string;
  orgId: string;
  /**
   * What the run is made from, when the process that runs it is the one that read it (in-process
   * queue). Otherwise the runner reads it again when the run starts (see execute-run.ts).
   */
  snapshot?: PlanSnapshot;
}

export interface PlanQueue {
  /** True when a new run would wait behind too many others (the caller answers "busy"). */
  isFull(): Promise<boolean>;
  /** Queues a run already recorded as queued. */
  submit(job: PlanJob): Promise<void>;
  /**
   * Stops what this process holds of a run the caller has just marked (cancelled when it was queued,
   * cancel_requested when it runs): a queued run is dropped, a running one here stops at once. A run
   * running in another process sees the flag at its next progress write.
   */
  cancel(runId: string): Promise<void>;
  /** Resolves when the run has ended, whichever process ran it (the command line and tests). */
  wait(orgId: string, runId: string): Promise<void>;
  /** Resolves when the queue can take runs (readiness); rejects when it cannot (its database is gone, or it is closing). */
  ready(): Promise<void>;
  /** Takes no more runs, ends or hands back the ones it holds, and lets go of its timers and connections. */
  close(): Promise<void>;
}

/** Where a queue reports trouble it can live with (the server's log; stderr for the command line). */
export interface QueueLog {
  warn(message: string): void;
}

export const silentLog: QueueLog = { warn: () => undefined };

/** Runs waiting beyond this many are refused (the caller says "try again shortly"). */
export const MAX_QUEUED = 8;

/** Runs one process makes at once: one per spare CPU, divided by the cores each run searches on. */
export function runsAtOnce(): number {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  return Math.max(1, Math.floor((cores - 1) / planWorkerCount));
}

/** Polls the run's row until it has ended (done, cancelled or failed) or is gone. */
export async function waitForRunEnd(db: DB, orgId: string, runId: string, everyMs = 100): Promise<void> {
  for (;;) {
    const row = await findRunRow(db, orgId, runId);
    if (!row || (row.status !== 'queued' && row.status !== 'running')) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
