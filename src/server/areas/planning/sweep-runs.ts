/**
 * Runs whose runner stopped end, whichever process notices first. A running run writes its heartbeat
 * every HEARTBEAT_EVERY_MS (execute-run.ts); one not heard from for STALE_AFTER_MS lost its process
 * (killed, crashed, its machine gone) and is failed with a message that says so. It is not run again
 * automatically: a plan that brought its process down (memory) would bring the next one down too, and
 * the search takes seconds to start again by hand. A queued run ends when the queue says it will never
 * start (in-process: its process stopped; PostgreSQL: its job is gone, or nobody took it up in time).
 *
 * Every process sweeps every SWEEP_EVERY_MS; the failing UPDATE is conditional on the run being as quiet
 * as it was when listed, so of several processes sweeping at once exactly one acts. So a run whose
 * process died ends within STALE_AFTER_MS + SWEEP_EVERY_MS + HEARTBEAT_EVERY_MS (about 22 s). Heartbeats
 * and the sweep compare the processes' clocks: they must agree to a few seconds (NTP does far better).
 */
import type { Clock } from '../../providers/clock';
import type { DB } from '../../deps';
import type { QueueLog } from './plan-queue';
import { failQuietRun, listQuietRuns, type QuietRun } from './repo-runs';

export const STALE_AFTER_MS = 15_000;
export const SWEEP_EVERY_MS = 5_000;

export const stoppedMessages = {
  running: 'The server running this plan stopped; start it again.',
  queued: 'The server this plan was queued on stopped before it started; start it again.',
} as const;

export interface SweepPolicy {
  /** Runs this process holds (waiting here or running here): never swept by it. */
  holds(runId: string): boolean;
  /** Why a quiet queued run will never start (the message it fails with), or null while it still may. */
  whyQueuedRunIsLost(run: QuietRun): Promise<string | null>;
}

/** One sweep: fails the runs whose runner stopped and answers those this process failed. */
export async function sweepRuns(
  deps: { db: DB; clock: Clock; onRunChanged?: (orgId: string, runId: string) => void },
  policy: SweepPolicy,
): Promise<QuietRun[]> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - STALE_AFTER_MS).toISOString();
  const failed: QuietRun[] = [];
  for (const run of await listQuietRuns(deps.db, before)) {
    if (policy.holds(run.id)) continue;
    const message = run.status === 'running' ? stoppedMessages.running : await policy.whyQueuedRunIsLost(run);
    if (message === null) continue;
    if (await failQuietRun(deps.db, run, before, message, now.toISOString())) {
      failed.push(run);
      deps.onRunChanged?.(run.org_id, run.id);
    }
  }
  return failed;
}

/** Runs `sweep` now and then every SWEEP_EVERY_MS, never two at once; trouble is logged, never thrown. */
export function sweepEvery(
  sweep: () => Promise<unknown>,
  log: QueueLog,
  everyMs = SWEEP_EVERY_MS,
): { stop(): Promise<void> } {
  let busy: Promise<void> | null = null;
  let isStopped = false;
  const tick = () => {
    if (busy || isStopped) return;
    busy = sweep()
      .then(
        () => undefined,
        (error: unknown) =>
          log.warn(
            `plan runs: the sweep for stopped runs failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
      )
      .finally(() => (busy = null));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await busy;
    },
  };
}
