/**
 * The plan queue on PostgreSQL: a pg-boss 10 queue in the same database (its own schema, `pgboss`), so
 * a run started through one server process may run in any of them, and runs outlive the process that
 * queued them. Each job carries only `{ runId, orgId }`, with the run's id as the job's id; the worker
 * that takes it reads the run's row and data again (execute-run.ts). Progress, heartbeat and the
 * cancel flag live in the run's row as with the in-process queue, so any process answers a poll and
 * takes a cancel.
 *
 * pg-boss has no heartbeat of its own (an active job only expires, after `expireInSeconds`), so a
 * runner's death is found by the sweep (sweep-runs.ts) from the run's heartbeat; the sweep fails the
 * run and its job. Jobs are never retried by pg-boss (`retryLimit: 0`): a run goes back to the queue
 * only when its own process hands it back while stopping.
 *
 * pg-boss's own timers: maintenance (expiring, archiving and deleting jobs) runs in one process of all
 * every few minutes; the cron scheduler and its clock-skew check, and state monitoring, are off (no
 * schedules here, and the skew check writes process warnings). Its errors (a lost connection while
 * polling, say) are logged as warnings, at most once a minute for the same message.
 */
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import { executeRun, type RunnerContext } from './execute-run';
import {
  MAX_QUEUED,
  runsAtOnce,
  waitForRunEnd,
  type PlanJob,
  type PlanQueue,
  type QueueLog,
} from './plan-queue';
import type { QuietRun } from './repo-runs';
import { stoppedMessages, sweepEvery, sweepRuns } from './sweep-runs';

export const PLAN_QUEUE = 'tandem-plan-runs';
/** A queued run nobody takes up in this long is failed: no run waits for ever. */
export const MAX_WAIT_MS = 10 * 60_000;

interface JobData {
  runId: string;
  orgId: string;
}

function isJobData(data: unknown): data is JobData {
  const d = data as Partial<JobData> | null;
  return typeof d?.runId === 'string' && typeof d.orgId === 'string';
}

export interface PgBossQueueOptions {
  connectionString: string;
  log: QueueLog;
  /** Runs this process takes at once; 0 makes a queue that only submits and cancels (tests). */
  workers?: number;
  /** How often an idle worker asks for a job, in seconds (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
}

export class PgBossPlanQueue implements PlanQueue {
  private readonly running = new Map<string, AbortController>();
  private readonly executions = new Set<Promise<unknown>>();
  private readonly workerIds: string[] = [];
  private sweeper: { stop(): Promise<void> } | null = null;
  private isClosing = false;

  private constructor(
    private readonly ctx: RunnerContext,
    private readonly boss: PgBoss,
    private readonly log: QueueLog,
  ) {}

  /** Starts pg-boss (installing its schema on first use), the queue, this process's workers and its sweep. */
  static async start(ctx: RunnerContext, options: PgBossQueueOptions): Promise<PgBossPlanQueue> {
    const boss = new PgBoss({
      connectionString: options.connectionString,
      schema: 'pgboss',
      application_name: `tandem plan queue (${hostname()})`,
      max: 3,
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: 300,
      archiveCompletedAfterSeconds: 60 * 60,
      deleteAfterDays: 1,
    });
    const queue = new PgBossPlanQueue(ctx, boss, options.log);
    boss.on('error', (error) => queue.warn(`plan queue: ${error.message}`));
    await boss.start();
    try {
      // idempotent, and safe when several processes start together (an insert that does nothing on conflict)
      await boss.createQueue(PLAN_QUEUE, {
        name: PLAN_QUEUE,
        policy: 'standard',
        retryLimit: 0,
        expireInSeconds: 15 * 60,
        // a waiting job outlives the sweep's MAX_WAIT_MS, so a run is failed before its job is archived
        retentionMinutes: 60,
      });
      for (let i = 0; i < (options.workers ?? runsAtOnce()); i++)
        queue.workerIds.push(
          await boss.work<JobData>(
            PLAN_QUEUE,
            { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
            (jobs) => queue.take(jobs),
          ),
        );
    } catch (error) {
      await boss.stop({ graceful: false }).catch(() => undefined);
      throw error;
    }
    queue.sweeper = sweepEvery(() => queue.sweep(), options.log);
    return queue;
  }

  async isFull(): Promise<boolean> {
    return (await this.boss.getQueueSize(PLAN_QUEUE)) >= MAX_QUEUED;
  }

  /** pg-boss answers a query on its own pool (the queue's table is where runs wait). */
  async ready(): Promise<void> {
    if (this.isClosing) throw new Error('The planner is stopping');
    await this.boss.getQueueSize(PLAN_QUEUE);
  }

  async submit(job: PlanJob): Promise<void> {
    if (this.isClosing) throw new Error('The planner is stopping');
    await this.boss.send(PLAN_QUEUE, { runId: job.runId, orgId: job.orgId } satisfies JobData, {
      id: job.runId,
    });
    // a free worker here takes it at once instead of at its next poll
    for (const id of this.workerIds) this.boss.notifyWorker(id);
  }

  async cancel(runId: string): Promise<void> {
    this.running.get(runId)?.abort();
    // a waiting job is never handed out; a job running elsewhere ends with its run (cancelled)
    await this.boss
      .cancel(PLAN_QUEUE, runId)
      .catch((error: unknown) => this.warnOf('cancelling a job', error));
  }

  wait(orgId: string, runId: string): Promise<void> {
    return waitForRunEnd(this.ctx.db, orgId, runId);
  }

  /**
   * Takes no more jobs, hands the runs it holds back to the queue (another process, or this one's next
   * start, runs them from the beginning; a run with a cancel asked for keeps its best plan instead),
   * then stops pg-boss.
   */
  async close(): Promise<void> {
    if (this.isClosing) return;
    this.isClosing = true;
    await this.sweeper?.stop();
    await this.boss.offWork(PLAN_QUEUE);
    for (const controller of this.running.values()) controller.abort();
    await Promise.all([...this.executions]);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /** The worker: one job at a time. Whatever happens, the job is settled by its run, never retried. */
  private async take(jobs: PgBoss.Job<JobData>[]): Promise<void> {
    for (const job of jobs) {
      if (!isJobData(job.data)) {
        this.warn(`plan queue: job ${job.id} carries no run; dropped`);
        continue;
      }
      if (this.isClosing) {
        await this.handBack(job.id);
        continue;
      }
      const { runId, orgId } = job.data;
      const controller = new AbortController();
      this.running.set(runId, controller);
      const execution = executeRun(
        this.ctx,
        { runId, orgId },
        { controller, mayRelease: () => this.isClosing },
      );
      this.executions.add(execution);
      try {
        if ((await execution) === 'released') await this.handBack(job.id);
      } finally {
        this.executions.delete(execution);
        this.running.delete(runId);
      }
    }
  }

  /** Puts a job this process took back in the queue (its run is queued again, or was never claimed). */
  private async handBack(jobId: string): Promise<void> {
    try {
      await this.boss.fail(PLAN_QUEUE, jobId, { reason: 'handed back by a stopping process' });
      await this.boss.retry(PLAN_QUEUE, jobId);
    } catch (error) {
      // the sweep fails the run, which stays queued without a job, once it has waited STALE_AFTER_MS
      this.warnOf('handing a job back', error);
    }
  }

  /** One sweep for runs whose runner stopped (also made every SWEEP_EVERY_MS). */
  async sweep(): Promise<void> {
    const failed = await sweepRuns(this.ctx, {
      holds: (runId) => this.running.has(runId),
      whyQueuedRunIsLost: (run) => this.whyQueuedRunIsLost(run),
    });
    if (failed.length > 0)
      await this.boss
        .fail(
          PLAN_QUEUE,
          failed.map((r) => r.id),
        )
        .catch((error: unknown) => this.warnOf('failing the jobs of stopped runs', error));
  }

  private async whyQueuedRunIsLost(run: QuietRun): Promise<string | null> {
    const job = await this.boss.getJobById<JobData>(PLAN_QUEUE, run.id);
    if (job === null) return 'This plan’s place in the queue was lost; start it again.';
    if (job.state === 'created' || job.state === 'retry') {
      const waited = this.ctx.clock.now().getTime() - Date.parse(run.heartbeat_at);
      return waited > MAX_WAIT_MS
        ? `No server took this plan up within ${MAX_WAIT_MS / 60_000} minutes; start it again.`
        : null;
    }
    // taken by a process that stopped before it started the run, or ended without it
    return stoppedMessages.queued;
  }

  private readonly warned = new Map<string, number>();

  private warn(message: string): void {
    const now = Date.now();
    if (now - (this.warned.get(message) ?? -Infinity) < 60_000) return;
    this.warned.set(message, now);
    this.log.warn(message);
  }

  private warnOf(doing: string, error: unknown): void {
    this.warn(`plan queue: ${doing} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
