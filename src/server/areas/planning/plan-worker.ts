/**
 * The worker thread of a plan run: receives a snapshot and options, runs the pipeline (engine input,
 * search, explanations) off the server's request thread, and reports progress and the outcome.
 * Started by runner.ts; built as its own file (dist/plan-worker.js) by `npm run build:server`.
 */
import { parentPort } from 'node:worker_threads';
import { runPipeline } from './pipeline';
import type { WorkerReply, WorkerRequest } from './runner';

const port = parentPort;
if (!port) throw new Error('plan-worker.ts runs only as a worker thread');

let controller: AbortController | null = null;
const reply = (message: WorkerReply) => port.postMessage(message);

port.on('message', (message: WorkerRequest) => {
  if (message.type === 'cancel') {
    controller?.abort();
    return;
  }
  controller = new AbortController();
  runPipeline(message.snapshot, message.options, {
    signal: controller.signal,
    onProgress: (progress) => reply({ type: 'progress', progress }),
  }).then(
    (outcome) => reply({ type: 'done', outcome }),
    (error: unknown) =>
      reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
