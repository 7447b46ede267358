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
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  runPipeline,
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

export const workerRunner: PlanRunner = {
  run(snapshot, options, hooks) {
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
  },
};
