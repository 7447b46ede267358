/**
 * The plan queue of one process (SQLite, where the data-directory lock allows one process): runs wait
 * in memory, at most `runsAtOnce()` run at a time, each handed to the PlanRunner with the snapshot the
 * request read. Closing (the server stopping) cancels what waits and stops what runs, which keeps its
 * best plan so far. Runs left queued or running by a process that stopped without closing are failed
 * by the sweep of the next process on the same data.
 */
import { isoNow } from '../../providers/clock';
import { executeRun, type RunnerContext } from './execute-run';
import {
  MAX_QUEUED,
  runsAtOnce,
  waitForRunEnd,
  type PlanJob,
  type PlanQueue,
  type QueueLog,
} from './plan-queue';
import { cancelQueuedRun } from './repo-runs';
import { stoppedMessages, sweepEvery, sweepRuns } from './sweep-runs';

export class InProcessPlanQueue implements PlanQueue {
  private readonly waiting: PlanJob[] = [];
  private readonly running = new Map<string, AbortController>();
  private readonly ends = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  private readonly sweeper: { stop(): Promise<void> };
  private isClosed = false;

  constructor(
    private readonly ctx: RunnerContext,
    log: QueueLog,
    private readonly maxAtOnce = runsAtOnce(),
  ) {
    this.sweeper = sweepEvery(
      () =>
        sweepRuns(ctx, {
          holds: (runId) => this.holds(runId),
          // nothing but this process could start it, and this process does not hold it
          whyQueuedRunIsLost: async () => stoppedMessages.queued,
        }),
      log,
    );
  }

  /** Whether this process is running or queueing the run. */
  holds(runId: string): boolean {
    return this.running.has(runId) || this.waiting.some((j) => j.runId === runId);
  }

  async isFull(): Promise<boolean> {
    return this.waiting.length >= MAX_QUEUED;
  }

  async ready(): Promise<void> {
    if (this.isClosed) throw new Error('The planner is stopping');
  }

  async submit(job: PlanJob): Promise<void> {
    if (this.isClosed) throw new Error('The planner is stopping');
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    this.ends.set(job.runId, { promise, resolve });
    this.waiting.push(job);
    this.pump();
  }

  async cancel(runId: string): Promise<void> {
    const index = this.waiting.findIndex((j) => j.runId === runId);
    if (index >= 0) {
      this.waiting.splice(index, 1);
      this.settle(runId);
    }
    this.running.get(runId)?.abort();
  }

  wait(orgId: string, runId: string): Promise<void> {
    return this.ends.get(runId)?.promise ?? waitForRunEnd(this.ctx.db, orgId, runId);
  }

  async close(): Promise<void> {
    this.isClosed = true;
    await this.sweeper.stop();
    const now = isoNow(this.ctx.clock);
    for (const job of this.waiting.splice(0)) {
      await cancelQueuedRun(
        this.ctx.db,
        job.orgId,
        job.runId,
        now,
        'The server stopped before this plan started.',
      ).catch(() => false);
      this.settle(job.runId);
    }
    for (const controller of this.running.values()) controller.abort();
    await Promise.all([...this.ends.values()].map((e) => e.promise));
  }

  private settle(runId: string): void {
    this.ends.get(runId)?.resolve();
    this.ends.delete(runId);
  }

  private pump(): void {
    while (!this.isClosed && this.running.size < this.maxAtOnce && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      const controller = new AbortController();
      this.running.set(job.runId, controller);
      void executeRun(this.ctx, job, { controller, mayRelease: () => false }).finally(() => {
        this.running.delete(job.runId);
        this.settle(job.runId);
        this.pump();
      });
    }
  }
}
