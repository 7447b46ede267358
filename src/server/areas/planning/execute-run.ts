/**
 * One plan run from claim to outcome, the same in every queue: claim the queued row (only one process
 * can), run the pipeline through the PlanRunner, write progress about three times a second and a
 * heartbeat at least every HEARTBEAT_EVERY_MS even while the search is quiet (reading the data,
 * explaining, storing), stop when a cancel is asked for (the flag is read back with every write, so
 * a cancel made through any process arrives), and store the outcome in one transaction. Every write is
 * conditional on the run still being this runner's: when the sweep has given it up (its heartbeat went
 * quiet), nothing more is written.
 */
import type { Clock } from '../../providers/clock';
import { isoNow, today as todayOf } from '../../providers/clock';
import type { DB } from '../../deps';
import { loadSnapshot } from './load-snapshot';
import type { PipelineOptions, PipelineProgress, PlanOutcome } from './pipeline';
import type { PlanJob } from './plan-queue';
import * as repo from './repo';
import * as runs from './repo-runs';
import type { PlanRunner } from './runner';
import { fingerprintOf, type PlanSnapshot } from './snapshot';

export interface RunnerContext {
  db: DB;
  clock: Clock;
  runner: PlanRunner;
  /** This queue's name in plan_runs.runner: host, pid and a tag of its own. */
  runnerId: string;
  /** A run's status or progress was written (the live updates announce it); never throws. */
  onRunChanged?: (orgId: string, runId: string) => void;
}

/** Between two writes of a running run's row; the sweep gives a run up after several of these missed. */
export const HEARTBEAT_EVERY_MS = 2_000;
const PROGRESS_EVERY_MS = 300;

/**
 * How a run ended here: its outcome stored; handed back to the queue (its process is stopping); lost
 * (no longer this runner's: the sweep failed it); or not claimed (cancelled or failed before it started).
 */
export type RunEnd = 'stored' | 'released' | 'lost' | 'not-claimed';

export interface RunControl {
  /** Aborting it stops the search; the best plan so far is kept (or the run is handed back). */
  controller: AbortController;
  /** Asked after an abort that no cancel explains: may the run go back to the queue for another process? */
  mayRelease(): boolean;
}

class LostRun extends Error {}

function optionsOf(row: runs.PlanRunRow): PipelineOptions {
  return {
    keepAssignees: Number(row.keep_assignees) === 1,
    timeLimitMs: Number(row.time_limit_ms),
    seed: Number(row.seed),
  };
}

function scopeOf(row: runs.PlanRunRow): string[] | null {
  if (row.scope_project_ids === null) return null;
  const value: unknown = JSON.parse(row.scope_project_ids);
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string'))
    throw new Error('the run’s scope is not a list of project ids');
  return value;
}

export async function executeRun(ctx: RunnerContext, job: PlanJob, control: RunControl): Promise<RunEnd> {
  const { db, clock, runnerId } = ctx;
  const { controller } = control;
  let row: runs.PlanRunRow | undefined;
  try {
    row = await runs.claimRun(db, job.orgId, job.runId, runnerId, isoNow(clock));
  } catch {
    row = undefined;
  }
  if (!row) return 'not-claimed';
  const claimed = row;
  const changed = () => ctx.onRunChanged?.(job.orgId, job.runId);
  changed();

  let isLost = false;
  let isCancelRequested = false;
  let isEnding = false;
  let lastWrite = performance.now();
  const progress: { writing: Promise<void> | null } = { writing: null };
  const write = (patch: Parameters<typeof runs.touchRun>[4]) => {
    if (progress.writing || isLost || isEnding) return;
    lastWrite = performance.now();
    progress.writing = (async () => {
      try {
        const seen = await runs.touchRun(db, job.orgId, job.runId, runnerId, patch);
        if (seen === null) isLost = true;
        else if (seen.cancelRequested) isCancelRequested = true;
        else if (patch.schedules !== undefined) changed();
        if (isLost || isCancelRequested) controller.abort();
      } catch {
        // progress is best effort; the outcome is written below
      } finally {
        progress.writing = null;
      }
    })();
  };
  const heartbeat = setInterval(() => {
    if (performance.now() - lastWrite >= HEARTBEAT_EVERY_MS / 2) write({ heartbeat_at: isoNow(clock) });
  }, HEARTBEAT_EVERY_MS / 2);
  const onProgress = (report: PipelineProgress) => {
    if (performance.now() - lastWrite < PROGRESS_EVERY_MS) return;
    write({
      schedules: report.schedules,
      elapsed_ms: report.elapsedMs,
      best_lateness_hours: report.bestLatenessHours,
      heartbeat_at: isoNow(clock),
    });
  };

  try {
    let outcome: PlanOutcome | null = null;
    let failure: string | null = null;
    try {
      const snapshot = job.snapshot ?? (await readAgain(ctx, claimed));
      outcome = await ctx.runner.run(snapshot, optionsOf(claimed), { signal: controller.signal, onProgress });
    } catch (error) {
      failure = `The planner failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    await progress.writing;
    if (isLost) return 'lost';
    const isAborted = controller.signal.aborted;
    if (isAborted && !isCancelRequested && control.mayRelease()) {
      isEnding = true;
      if (await runs.releaseRun(db, job.orgId, job.runId, runnerId, isoNow(clock)).catch(() => false))
        return 'released';
      // a cancel arrived in between: end the run as cancelled, like any other
    }
    isEnding = true;
    await progress.writing;
    return await store(ctx, job, outcome, failure, isAborted);
  } finally {
    clearInterval(heartbeat);
    changed();
  }
}

/**
 * The data of a run picked up by a process that did not read it (PostgreSQL: any process may run a
 * run). Reading it again when the run starts, rather than storing the snapshot with the run, keeps
 * the queue small (a large organization's snapshot is megabytes) and plans from the data as it is
 * when the search starts; the run's fingerprint, day and task count are renewed to match, so applying
 * the plan checks it against exactly what it was made from.
 */
async function readAgain(ctx: RunnerContext, row: runs.PlanRunRow): Promise<PlanSnapshot> {
  const snapshot = await loadSnapshot(ctx.db, row.org_id, scopeOf(row), todayOf(ctx.clock));
  const fingerprint = fingerprintOf(snapshot);
  if (fingerprint !== row.fingerprint || snapshot.today !== row.today) {
    const held = await runs.touchRun(ctx.db, row.org_id, row.id, ctx.runnerId, {
      fingerprint,
      today: snapshot.today,
      start_date: snapshot.startDate,
      task_count: snapshot.tasks.length,
      heartbeat_at: isoNow(ctx.clock),
    });
    if (held === null) throw new LostRun('the run is no longer this runner’s');
  }
  return snapshot;
}

async function store(
  ctx: RunnerContext,
  job: PlanJob,
  outcome: PlanOutcome | null,
  failure: string | null,
  wasCancelled: boolean,
): Promise<RunEnd> {
  const { db, clock, runnerId } = ctx;
  const now = isoNow(clock);
  try {
    if (!outcome) {
      const isOwn = await runs.finishRun(db, job.orgId, job.runId, runnerId, {
        status: failure && !wasCancelled ? 'failed' : 'cancelled',
        message: failure,
        finished_at: now,
        heartbeat_at: now,
      });
      return isOwn ? 'stored' : 'lost';
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
      // last in the transaction: until here the heartbeat goes on writing the row
      const isOwn = await runs.finishRun(trx, job.orgId, job.runId, runnerId, {
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
      if (!isOwn) throw new LostRun('the run is no longer this runner’s');
    });
    return 'stored';
  } catch (error) {
    if (error instanceof LostRun) return 'lost';
    const isOwn = await runs
      .finishRun(db, job.orgId, job.runId, runnerId, {
        status: 'failed',
        message: `The plan could not be stored: ${error instanceof Error ? error.message : String(error)}`,
        finished_at: now,
        heartbeat_at: now,
      })
      .catch(() => false);
    return isOwn ? 'stored' : 'lost';
  }
}
