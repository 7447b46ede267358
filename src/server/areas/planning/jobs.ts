/**
 * The plan runs of one server process: a small queue (by default one run at a time per spare CPU,
 * divided by the cores each run searches on: see runner.ts), each run handed to the PlanRunner
 * (worker threads by default). Progress is written to the run's
 * row about three times a second, so any process can answer GET /api/plan-runs/:id; a cancel request
 * stops a run in this process at once, and one made through another process is seen at the next
 * progress write. The outcome (proposals, figures) is stored in one transaction.
 */
import os from 'node:os';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import type { PipelineOptions, PipelineProgress, PlanOutcome } from './pipeline';
import * as repo from './repo';
import { planWorkerCount, type PlanRunner } from './runner';
import type { PlanSnapshot } from './snapshot';

export interface PlanJob {
  runId: string;
  orgId: string;
  snapshot: PlanSnapshot;
  options: PipelineOptions;
}

const PROGRESS_EVERY_MS = 300;
/** Runs waiting beyond this many per process are refused (the caller says "try again shortly"). */
export const MAX_QUEUED = 8;

export class PlanJobs {
  private readonly queue: PlanJob[] = [];
  private readonly running = new Map<string, AbortController>();
  private readonly finished = new Map<string, Promise<void>>();
  private readonly resolvers = new Map<string, () => void>();
  private readonly maxConcurrent: number;
  private closed = false;

  constructor(
    /** `onRunChanged`: a run's status or progress was written (the live updates announce it). */
    private readonly deps: Pick<Deps, 'db' | 'clock'> & { onRunChanged?: (job: PlanJob) => void },
    private readonly runner: PlanRunner,
    maxConcurrent = Math.max(
      1,
      Math.floor(((os.availableParallelism?.() ?? os.cpus().length) - 1) / planWorkerCount),
    ),
  ) {
    this.maxConcurrent = maxConcurrent;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Whether this process is running or queueing the run. */
  has(runId: string): boolean {
    return this.running.has(runId) || this.queue.some((j) => j.runId === runId);
  }

  /** Queues the run; the promise settles when it has finished (whatever its outcome). */
  submit(job: PlanJob): Promise<void> {
    const done = new Promise<void>((resolve) => this.resolvers.set(job.runId, resolve));
    this.finished.set(job.runId, done);
    this.queue.push(job);
    this.pump();
    return done;
  }

  /** Stops a run of this process: a queued one never starts, a running one keeps its best plan so far. */
  cancel(runId: string): boolean {
    const index = this.queue.findIndex((j) => j.runId === runId);
    if (index >= 0) {
      const [job] = this.queue.splice(index, 1);
      void this.store(job!, null, 'Cancelled before it started.').finally(() => this.settle(runId));
      return true;
    }
    const controller = this.running.get(runId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  /** Waits for a run of this process to finish (tests and the command line). */
  wait(runId: string): Promise<void> {
    return this.finished.get(runId) ?? Promise.resolve();
  }

  /** Cancels everything and waits for the runs to store what they have. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      await this.store(job, null, 'The server stopped before this plan started.');
      this.settle(job.runId);
    }
    for (const controller of this.running.values()) controller.abort();
    await Promise.all([...this.finished.values()]);
  }

  private settle(runId: string): void {
    this.resolvers.get(runId)?.();
    this.resolvers.delete(runId);
    this.finished.delete(runId);
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.maxConcurrent && this.queue.length > 0) {
      const job = this.queue.shift()!;
      const controller = new AbortController();
      this.running.set(job.runId, controller);
      void this.execute(job, controller).finally(() => {
        this.running.delete(job.runId);
        this.settle(job.runId);
        this.pump();
      });
    }
  }

  private async execute(job: PlanJob, controller: AbortController): Promise<void> {
    const { db, clock } = this.deps;
    await repo.updateRunRow(db, job.orgId, job.runId, { status: 'running', heartbeat_at: isoNow(clock) });
    this.deps.onRunChanged?.(job);
    let lastWrite = 0;
    const progress: { writing: Promise<void> | null } = { writing: null };
    const onProgress = (report: PipelineProgress) => {
      const now = performance.now();
      if (progress.writing || now - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = now;
      progress.writing = (async () => {
        try {
          await repo.updateRunRow(db, job.orgId, job.runId, {
            schedules: report.schedules,
            elapsed_ms: report.elapsedMs,
            best_lateness_hours: report.bestLatenessHours,
            heartbeat_at: isoNow(clock),
          });
          this.deps.onRunChanged?.(job);
          if (await repo.isCancelRequested(db, job.orgId, job.runId)) controller.abort();
        } catch {
          // progress is best effort; the outcome is written below
        } finally {
          progress.writing = null;
        }
      })();
    };
    let outcome: PlanOutcome | null = null;
    let failure: string | null = null;
    try {
      outcome = await this.runner.run(job.snapshot, job.options, { signal: controller.signal, onProgress });
    } catch (error) {
      failure = `The planner failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    await progress.writing;
    await this.store(job, outcome, failure, controller.signal.aborted);
  }

  private async store(
    job: PlanJob,
    outcome: PlanOutcome | null,
    failure: string | null,
    wasCancelled = true,
  ): Promise<void> {
    const { db, clock } = this.deps;
    const now = isoNow(clock);
    try {
      if (!outcome) {
        await repo.updateRunRow(db, job.orgId, job.runId, {
          status: failure && !wasCancelled ? 'failed' : 'cancelled',
          message: failure,
          finished_at: now,
          heartbeat_at: now,
        });
        return;
      }
      const status = wasCancelled ? 'cancelled' : outcome.hasPlan ? 'done' : 'failed';
      await db.transaction().execute(async (trx) => {
        await repo.insertProposals(
          trx,
          outcome.proposals.map((p) => ({
            run_id: job.runId,
            org_id: job.orgId,
            task_id: p.taskId,
            position: p.position,
            title: p.title,
            project_id: p.projectId,
            hours: p.hours,
            deadline: p.deadline,
            task_hash: p.taskHash,
            current_person_id: p.currentPersonId,
            current_start: p.currentStart,
            current_end: p.currentEnd,
            proposed_person_id: p.proposedPersonId,
            proposed_start: p.proposedStart,
            proposed_end: p.proposedEnd,
            current_late_hours: p.currentLateHours,
            proposed_late_hours: p.proposedLateHours,
            is_changed: p.isChanged ? 1 : 0,
            is_pinned: p.isPinned ? 1 : 0,
            is_in_progress: p.isInProgress ? 1 : 0,
            is_growth: p.isGrowth ? 1 : 0,
            headline: p.headline,
            reasons: JSON.stringify(p.reasons),
            unplaceable: p.unplaceable,
            proposed_daily: p.proposedDaily === null ? null : JSON.stringify(p.proposedDaily),
            proposed_finish_hour: p.proposedFinishHour,
            proposed_start_hour: p.proposedStartHour,
            change_reason: p.changeReason,
          })),
        );
        await repo.updateRunRow(trx, job.orgId, job.runId, {
          status,
          engine_status: outcome.engineStatus,
          schedules: outcome.schedules,
          elapsed_ms: outcome.elapsedMs,
          best_lateness_hours: outcome.figures?.proposed.latenessHours ?? null,
          figures: outcome.figures ? JSON.stringify(outcome.figures) : null,
          issues: JSON.stringify(outcome.issues),
          message: outcome.message,
          task_count: outcome.proposals.length,
          changed_count: outcome.proposals.filter((p) => p.isChanged).length,
          unplaceable_count: outcome.proposals.filter((p) => p.unplaceable !== null).length,
          finished_at: now,
          heartbeat_at: now,
        });
      });
    } catch (error) {
      await repo
        .updateRunRow(db, job.orgId, job.runId, {
          status: 'failed',
          message: `The plan could not be stored: ${error instanceof Error ? error.message : String(error)}`,
          finished_at: now,
          heartbeat_at: now,
        })
        .catch(() => undefined);
    }
    this.deps.onRunChanged?.(job);
  }
}
