import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { compareOutcomes, createWorkerRunner, inProcessRunner, planWorkers, workerRunner } from './runner';
import type { PlanOutcome } from './pipeline';
import { syntheticSnapshot as synthetic } from './synthetic-snapshot';

const emptyOutcome: PlanOutcome = {
  engineStatus: 'feasible',
  hasPlan: false,
  proposals: [],
  figures: null,
  issues: [],
  message: null,
  schedules: 0,
  elapsedMs: 0,
  objective: [],
};

describe('the plan runner', () => {
  it('plans in a worker thread exactly as in-process, reporting progress', async () => {
    const snapshot = synthetic(40);
    const options = { keepAssignees: false, timeLimitMs: 20_000, seed: 3, maxSchedules: 400 };
    let reports = 0;
    const inWorker = await createWorkerRunner(1).run(snapshot, options, { onProgress: () => reports++ });
    const inProcess = await inProcessRunner.run(snapshot, options, {});
    expect(reports).toBeGreaterThan(0);
    expect(inWorker.hasPlan).toBe(true);
    expect(inWorker.proposals.map((p) => [p.taskId, p.proposedPersonId, p.proposedStart])).toEqual(
      inProcess.proposals.map((p) => [p.taskId, p.proposedPersonId, p.proposedStart]),
    );
    expect(inWorker.figures).toEqual(inProcess.figures);
  }, 60_000);

  it('with two workers, keeps the better of two seeds and adds up their schedules', async () => {
    const snapshot = synthetic(120);
    const options = { keepAssignees: false, timeLimitMs: 20_000, seed: 5, maxSchedules: 300 };
    const reports: number[] = [];
    const both = await createWorkerRunner(2, 0).run(snapshot, options, {
      onProgress: (p) => reports.push(p.schedules),
    });
    const first = await inProcessRunner.run(snapshot, options, {});
    const second = await inProcessRunner.run(snapshot, { ...options, seed: 6 }, {});
    const better = compareOutcomes(second, first) < 0 ? second : first;
    expect(both.hasPlan).toBe(true);
    expect(both.objective).toEqual(better.objective);
    expect(both.figures).toEqual(better.figures);
    expect(both.proposals.map((p) => [p.taskId, p.proposedPersonId, p.proposedStart])).toEqual(
      better.proposals.map((p) => [p.taskId, p.proposedPersonId, p.proposedStart]),
    );
    expect(both.schedules).toBe(first.schedules + second.schedules);
    expect(Math.max(...reports)).toBeGreaterThan(first.schedules);
  }, 60_000);

  it('plans a scope below the parallel threshold in one worker', async () => {
    const snapshot = synthetic(60);
    const options = { keepAssignees: false, timeLimitMs: 20_000, seed: 5, maxSchedules: 300 };
    const small = await createWorkerRunner(2, 61).run(snapshot, options, {});
    const alone = await inProcessRunner.run(snapshot, options, {});
    expect(small.schedules).toBe(alone.schedules);
    expect(small.objective).toEqual(alone.objective);
  }, 60_000);

  it('compares outcomes by having a plan, then by the objectives in order', () => {
    const base = { ...emptyOutcome, hasPlan: true, objective: [10, 3, 0, 500] };
    expect(compareOutcomes(base, { ...base, objective: [11, 0, 0, 0] })).toBeLessThan(0);
    expect(compareOutcomes(base, { ...base, objective: [10, 2, 9, 0] })).toBeGreaterThan(0);
    expect(compareOutcomes(base, { ...base })).toBe(0);
    expect(compareOutcomes({ ...emptyOutcome }, base)).toBeGreaterThan(0);
  });

  it('reads TANDEM_PLAN_WORKERS: a whole number of at least 1, at most the cores; otherwise two', () => {
    const cores = availableParallelism();
    expect(planWorkers('1')).toBe(1);
    expect(planWorkers('64')).toBe(cores);
    for (const bad of [undefined, '', ' ', '0', '-2', '1.5', 'two'])
      expect(planWorkers(bad)).toBe(Math.min(2, cores));
  });

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
