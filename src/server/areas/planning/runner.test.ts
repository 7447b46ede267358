import { describe, expect, it } from 'vitest';
import { inProcessRunner, workerRunner } from './runner';
import { syntheticSnapshot as synthetic } from './synthetic-snapshot';

describe('the plan runner', () => {
  it('plans in a worker thread exactly as in-process, reporting progress', async () => {
    const snapshot = synthetic(40);
    const options = { keepAssignees: false, timeLimitMs: 20_000, seed: 3, maxSchedules: 400 };
    let reports = 0;
    const inWorker = await workerRunner.run(snapshot, options, { onProgress: () => reports++ });
    const inProcess = await inProcessRunner.run(snapshot, options, {});
    expect(reports).toBeGreaterThan(0);
    expect(inWorker.hasPlan).toBe(true);
    expect(inWorker.proposals.map((p) => [p.taskId, p.proposedPersonId, p.proposedStart])).toEqual(
      inProcess.proposals.map((p) => [p.taskId, p.proposedPersonId, p.proposedStart]),
    );
    expect(inWorker.figures).toEqual(inProcess.figures);
  }, 60_000);

  it('stops a worker when cancelled and keeps the best plan found so far', async () => {
    const controller = new AbortController();
    const outcome = await workerRunner.run(
      synthetic(300),
      { keepAssignees: false, timeLimitMs: 30_000, seed: 1, maxSchedules: 10_000_000 },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    expect(outcome.engineStatus).toBe('cancelled');
    expect(outcome.hasPlan).toBe(true);
    expect(outcome.elapsedMs).toBeLessThan(20_000);
    expect(outcome.proposals).toHaveLength(300);
  }, 60_000);
});
