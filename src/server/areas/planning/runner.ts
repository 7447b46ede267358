/**
 * Where a plan run's CPU work happens. The default runs it in a worker thread, so a search of several
 * seconds never blocks the server's request thread; the in-process runner (same pipeline, on this
 * thread, yielding between generations) serves tests that do not test the worker itself.
 *
 * The worker file is found next to this module in all three settings: the esbuild bundle
 * (dist/cli.js starts dist/plan-worker.js), `tsx` development runs and vitest (both start
 * plan-worker.ts through tsx's loader, registered inside the worker because Node 20 does not apply
 * `--import` hooks to a worker's entry module).
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  runPipeline,
  TIME_LIMITED_FROM_TASKS,
  type PipelineHooks,
  type PipelineOptions,
  type PipelineProgress,
  type PlanOutcome,
} from './pipeline';
import type { PlanSnapshot } from './snapshot';

export interface PlanRunner {
  run(snapshot: PlanSnapshot, options: PipelineOptions, hooks: PipelineHooks): Promise<PlanOutcome>;
}

export type WorkerRequest =
  { type: 'start'; snapshot: PlanSnapshot; options: PipelineOptions } | { type: 'cancel' };

export type WorkerReply =
  | { type: 'progress'; progress: PipelineProgress }
  | { type: 'done'; outcome: PlanOutcome }
  | { type: 'error'; message: string };

export const inProcessRunner: PlanRunner = { run: runPipeline };

function startWorker(): Worker {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) {
    const workerUrl = new URL('./plan-worker.ts', here).href;
    const tsxDir = path.dirname(createRequire(here).resolve('tsx/package.json'));
    const tsxApi = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl)}); });`;
    return new Worker(bootstrap, { eval: true });
  }
  return new Worker(new URL('./plan-worker.js', here));
}

/** One run of the pipeline in a worker thread of its own. */
function runInWorker(
  snapshot: PlanSnapshot,
  options: PipelineOptions,
  hooks: PipelineHooks,
): Promise<PlanOutcome> {
  return new Promise<PlanOutcome>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      hooks.signal?.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => worker.postMessage({ type: 'cancel' } satisfies WorkerRequest);
    hooks.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: WorkerReply) => {
      if (message.type === 'progress') hooks.onProgress?.(message.progress);
      else if (message.type === 'done') finish(() => resolve(message.outcome));
      else finish(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`The planning worker stopped unexpectedly (exit code ${code}).`))),
    );
    worker.postMessage({ type: 'start', snapshot, options } satisfies WorkerRequest);
    if (hooks.signal?.aborted) onAbort();
  });
}

/** Negative when outcome a is the better plan: a plan over none, then the engine's objectives in order. */
export function compareOutcomes(a: PlanOutcome, b: PlanOutcome): number {
  if (a.hasPlan !== b.hasPlan) return a.hasPlan ? -1 : 1;
  for (let i = 0; i < Math.min(a.objective.length, b.objective.length); i++) {
    const d = a.objective[i]! - b.objective[i]!;
    if (Math.abs(d) > 1e-9) return d;
  }
  return 0;
}

/**
 * Runs the pipeline in `workers` worker threads at once, each with its own seed (seed, seed + 1, …),
 * and keeps the best plan (the lowest seed's on a tie): the search is time-limited, so a second core
 * buys a second search in the same time. Progress reports the schedules of all and the best lateness
 * of any; a cancel stops them all. It fails only when every worker fails. Scopes of fewer than
 * `fromTasks` open tasks use one worker: by default those whose search stops at its schedule cap
 * before its time limit (see `defaultMaxSchedules`), where a second search adds its start-up time
 * (about 0.3 s) and nothing else (the 232 open tasks of the first-start demo: the same plan, 0.9 s
 * with one worker, 1.2 s with two).
 */
export function createWorkerRunner(workers: number, fromTasks = TIME_LIMITED_FROM_TASKS): PlanRunner {
  return {
    async run(snapshot, options, hooks) {
      const count = snapshot.tasks.length < fromTasks ? 1 : Math.max(1, Math.floor(workers));
      if (count === 1) return runInWorker(snapshot, options, hooks);
      const latest: (PipelineProgress | null)[] = Array.from({ length: count }, () => null);
      const report = () => {
        const seen = latest.filter((p): p is PipelineProgress => p !== null);
        const best = seen.map((p) => p.bestLatenessHours).filter((h): h is number => h !== null);
        hooks.onProgress?.({
          schedules: seen.reduce((sum, p) => sum + p.schedules, 0),
          elapsedMs: Math.max(...seen.map((p) => p.elapsedMs)),
          bestLatenessHours: best.length > 0 ? Math.min(...best) : null,
        });
      };
      const settled = await Promise.allSettled(
        latest.map((_, i) =>
          runInWorker(
            snapshot,
            { ...options, seed: options.seed + i },
            {
              ...(hooks.signal ? { signal: hooks.signal } : {}),
              onProgress: (progress) => {
                latest[i] = progress;
                report();
              },
            },
          ),
        ),
      );
      const outcomes = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      if (outcomes.length === 0) throw (settled[0] as PromiseRejectedResult).reason;
      let best = outcomes[0]!;
      for (const outcome of outcomes.slice(1)) if (compareOutcomes(outcome, best) < 0) best = outcome;
      return {
        ...best,
        schedules: outcomes.reduce((sum, o) => sum + o.schedules, 0),
        elapsedMs: Math.max(...outcomes.map((o) => o.elapsedMs)),
      };
    },
  };
}

/**
 * The server's and the CLI's runner: one search per core, at most two (see docs/benchmarks.md), or
 * as many as TANDEM_PLAN_WORKERS says (1 keeps planning to one core).
 */
export const planWorkerCount = planWorkers(process.env.TANDEM_PLAN_WORKERS);
export const workerRunner: PlanRunner = createWorkerRunner(planWorkerCount);

export function planWorkers(setting: string | undefined): number {
  const cores = availableParallelism();
  const asked = setting === undefined || setting.trim() === '' ? NaN : Number(setting);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, cores);
  return Math.min(2, cores);
}
