/**
 * A PlanRunner for the queue tests, where what matters is who runs a run and how it ends, not the
 * plan: it reports progress every 50 ms and ends with a plan of no proposals at once (`quick`), or
 * when it is cancelled or `finish()` is called (`held`). `started` counts the runs it began.
 */
import type { PlanOutcome } from './pipeline';
import type { PlanRunner } from './runner';

export interface ScriptedRunner extends PlanRunner {
  started: number;
  /** Ends every run it holds, as if its search had run its course. */
  finish(): void;
}

const outcomeAfter = (schedules: number, cancelled: boolean): PlanOutcome => ({
  engineStatus: cancelled ? 'cancelled' : 'feasible',
  hasPlan: true,
  proposals: [],
  figures: null,
  issues: [],
  message: null,
  schedules,
  elapsedMs: schedules * 50,
  objective: [0],
});

export function scriptedRunner(mode: 'quick' | 'held'): ScriptedRunner {
  const finishers = new Set<() => void>();
  const runner: ScriptedRunner = {
    started: 0,
    finish: () => {
      for (const finish of [...finishers]) finish();
    },
    run(_snapshot, _options, hooks) {
      runner.started++;
      if (mode === 'quick') return Promise.resolve(outcomeAfter(1, false));
      return new Promise<PlanOutcome>((resolve) => {
        let schedules = 0;
        const timer = setInterval(() => {
          schedules++;
          hooks.onProgress?.({ schedules, elapsedMs: schedules * 50, bestLatenessHours: 10 });
        }, 50);
        const end = (cancelled: boolean) => {
          clearInterval(timer);
          finishers.delete(finish);
          resolve(outcomeAfter(schedules, cancelled));
        };
        const finish = () => end(false);
        finishers.add(finish);
        if (hooks.signal?.aborted) end(true);
        hooks.signal?.addEventListener('abort', () => end(true), { once: true });
      });
    },
  };
  return runner;
}
