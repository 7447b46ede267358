import { describe, expect, it, vi } from 'vitest';
import type * as Engine from '../../../engine/index';
import { runPipeline } from './pipeline';
import type { PlanSnapshot } from './snapshot';
import { syntheticSnapshot } from './synthetic-snapshot';

/** When set, the engine's plan is corrupted before the pipeline sees it: every activity on one person at once. */
const fault = vi.hoisted(() => ({ on: false }));

vi.mock('../../../engine/index', async (importOriginal) => {
  const real = await importOriginal<typeof Engine>();
  return {
    ...real,
    planAsync: async (...args: Parameters<typeof real.planAsync>) => {
      const result = await real.planAsync(...args);
      if (fault.on && result.activities.length > 1) {
        const first = result.activities[0]!;
        for (const a of result.activities) {
          a.person = first.person!;
          a.finish = first.start + (a.finish - a.start);
          a.start = first.start;
        }
      }
      return result;
    },
  };
});

/** Two people who can do everything, three independent 8-hour tasks due on Friday. */
const base = syntheticSnapshot(3, 2);
const snapshot: PlanSnapshot = {
  ...base,
  people: base.people.map((p) => ({ ...p, skills: [{ skillId: 's', level: 3 }] })),
  tasks: base.tasks.map((t) => ({ ...t, estimateHours: 8, deadline: '2026-03-06', dependsOn: [] })),
};

/**
 * A pinned start that only the search can show to be impossible: t1 needs the level-3 person, who is
 * pinned to t0 for the first two days, and t2 (pinned on day 2 to the other person) waits for t1.
 */
const unkeepable: PlanSnapshot = {
  ...snapshot,
  people: [
    { ...snapshot.people[0]!, id: 'expert', skills: [{ skillId: 's', level: 3 }] },
    { ...snapshot.people[1]!, id: 'junior', skills: [{ skillId: 's', level: 1 }] },
  ],
  tasks: [
    {
      ...snapshot.tasks[0]!,
      id: 'pinned-expert',
      estimateHours: 16,
      minLevel: 3,
      assigneeId: 'expert',
      plannedStart: '2026-03-02',
      plannedEnd: '2026-03-03',
      pinned: true,
    },
    { ...snapshot.tasks[1]!, id: 'needs-expert', minLevel: 3 },
    {
      ...snapshot.tasks[2]!,
      id: 'pinned-after',
      assigneeId: 'junior',
      plannedStart: '2026-03-03',
      plannedEnd: '2026-03-03',
      pinned: true,
      dependsOn: ['needs-expert'],
    },
  ],
};

describe('the planning pipeline', () => {
  const options = { keepAssignees: false, timeLimitMs: 5_000, seed: 1, maxSchedules: 50 };

  it('proposes the engine’s plan when the independent validator accepts it', async () => {
    fault.on = false;
    const outcome = await runPipeline(snapshot, options);
    expect(outcome.hasPlan).toBe(true);
    expect(outcome.proposals).toHaveLength(3);
  });

  it('takes off a pinned start that no plan can keep, plans the rest, and says why', async () => {
    fault.on = false;
    const outcome = await runPipeline(unkeepable, options);
    expect(outcome.hasPlan).toBe(true);
    const byId = new Map(outcome.proposals.map((p) => [p.taskId, p]));
    const after = byId.get('pinned-after')!;
    const before = byId.get('needs-expert')!;
    expect(before.proposedPersonId).toBe('expert');
    expect(after.proposedPersonId).toBe('junior');
    // a pinned task is never moved by a plan, so the proposal keeps its dates and says why they fail
    expect(after.isPinned).toBe(true);
    expect(after.reasons.join(' ')).toMatch(/waits for .*pinned start could not be kept/);
  });

  it('proposes nothing, and says why, when the engine’s plan breaks a rule', async () => {
    fault.on = true;
    try {
      const outcome = await runPipeline(snapshot, options);
      expect(outcome.hasPlan).toBe(false);
      expect(outcome.engineStatus).toBe('rejected');
      expect(outcome.proposals).toEqual([]);
      expect(outcome.message).toMatch(/breaks a rule/);
      expect(outcome.issues.length).toBeGreaterThan(0);
      expect(outcome.issues.flatMap((i) => i.taskIds)).toEqual(expect.arrayContaining(['t0', 't1']));
    } finally {
      fault.on = false;
    }
  });

  it('says another person finishes later the same day, not "only on" that same day', async () => {
    fault.on = false;
    const two = syntheticSnapshot(2, 2);
    const people = two.people.map((p, i) => ({
      ...p,
      id: i === 0 ? 'sam' : 'finn',
      name: i === 0 ? 'Sam Stone' : 'Finn Fox',
      skills: [{ skillId: 's', level: 3 }],
    }));
    // Finn's morning is taken by a pinned 2-hour task: he could finish a 4-hour job at 3 pm, Sam at 1 pm
    const outcome = await runPipeline(
      {
        ...two,
        people,
        tasks: [
          {
            ...two.tasks[0]!,
            id: 'morning',
            estimateHours: 2,
            assigneeId: 'finn',
            plannedStart: '2026-03-02',
            plannedEnd: '2026-03-02',
            pinned: true,
            dependsOn: [],
          },
          { ...two.tasks[1]!, id: 'job', estimateHours: 4, dependsOn: [], deadline: '2026-03-02' },
        ],
      },
      options,
    );
    const job = outcome.proposals.find((p) => p.taskId === 'job')!;
    expect(job).toMatchObject({
      proposedPersonId: 'sam',
      proposedStart: '2026-03-02',
      proposedEnd: '2026-03-02',
    });
    expect(job.reasons).toContain(
      'Finn Fox could finish it on Mon 2 Mar too, but only later that day (busy).',
    );
    expect(job.reasons.join(' ')).not.toMatch(/only on Mon 2 Mar/);
  });
});
