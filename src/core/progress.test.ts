import { describe, expect, it } from 'vitest';
import {
  computeOrgProgress,
  mean,
  metricProgress,
  projectProgress,
  rollUpGoals,
  workProgress,
  type GoalNode,
} from './progress';

const goal = (id: string, parentId: string | null, extra: Partial<GoalNode> = {}): GoalNode => ({
  id,
  parentId,
  status: 'active',
  metricStart: null,
  metricTarget: null,
  metricCurrent: null,
  ...extra,
});

describe('workProgress', () => {
  it('weights tasks by estimate and counts only done tasks', () => {
    expect(
      workProgress([
        { status: 'done', estimateHours: 3 },
        { status: 'doing', estimateHours: 1 },
      ]),
    ).toBe(0.75);
  });
  it('gives tasks without an estimate a weight of one hour', () => {
    expect(
      workProgress([
        { status: 'done', estimateHours: null },
        { status: 'todo', estimateHours: 3 },
      ]),
    ).toBe(0.25);
  });
  it('has no signal without tasks', () => {
    expect(workProgress([])).toBeNull();
  });
  it('counts an empty project as complete only when it is done', () => {
    expect(projectProgress('done', [])).toBe(1);
    expect(projectProgress('active', [])).toBeNull();
  });
});

describe('metricProgress', () => {
  it('measures the distance travelled from start to target', () => {
    expect(metricProgress({ metricStart: 10, metricTarget: 20, metricCurrent: 15 })).toBe(0.5);
  });
  it('works for decreasing targets', () => {
    expect(metricProgress({ metricStart: 100, metricTarget: 50, metricCurrent: 75 })).toBe(0.5);
  });
  it('clamps overshoot and regression to [0, 1]', () => {
    expect(metricProgress({ metricStart: 0, metricTarget: 10, metricCurrent: 30 })).toBe(1);
    expect(metricProgress({ metricStart: 0, metricTarget: 10, metricCurrent: -5 })).toBe(0);
  });
  it('ignores an incomplete or degenerate metric', () => {
    expect(metricProgress({ metricStart: 0, metricTarget: null, metricCurrent: 3 })).toBeNull();
    expect(metricProgress({ metricStart: 5, metricTarget: 5, metricCurrent: 5 })).toBeNull();
  });
});

describe('rollUpGoals', () => {
  it('uses the metric of a key result and the work of one without a metric, then averages up', () => {
    const goals = [
      goal('obj', null),
      goal('kr-metric', 'obj', { metricStart: 0, metricTarget: 100, metricCurrent: 40 }),
      goal('kr-work', 'obj'),
    ];
    const result = rollUpGoals({
      goals,
      projectProgress: new Map([['p1', 0.5]]),
      projectsByGoal: new Map([
        ['kr-work', ['p1']],
        ['kr-metric', ['p1']], // ignored: the metric wins
      ]),
      directTasksByGoal: new Map([['kr-work', [{ status: 'done', estimateHours: 2 }]]]),
    });
    expect(result.get('kr-metric')).toBe(0.4);
    expect(result.get('kr-work')).toBe(0.75); // mean of project (0.5) and direct tasks (1)
    expect(result.get('obj')).toBeCloseTo(0.575);
  });

  it('leaves branches without signal out of the mean and ignores dropped goals', () => {
    const result = rollUpGoals({
      goals: [
        goal('obj', null),
        goal('a', 'obj', { status: 'achieved' }),
        goal('b', 'obj'),
        goal('c', 'obj', { status: 'dropped' }),
      ],
      projectProgress: new Map([['p', 0]]),
      projectsByGoal: new Map([['c', ['p']]]),
      directTasksByGoal: new Map(),
    });
    expect(result.get('b')).toBeNull();
    expect(result.get('c')).toBeNull();
    expect(result.get('obj')).toBe(1);
  });

  it('completing a task raises every ancestor', () => {
    const run = (status: 'todo' | 'done') =>
      rollUpGoals({
        goals: [goal('obj', null), goal('kr', 'obj')],
        projectProgress: new Map([
          [
            'p',
            projectProgress('active', [
              { status, estimateHours: 4 },
              { status: 'todo', estimateHours: 4 },
            ]),
          ],
        ]),
        projectsByGoal: new Map([['kr', ['p']]]),
        directTasksByGoal: new Map(),
      });
    expect(run('todo').get('obj')).toBe(0);
    expect(run('done').get('obj')).toBe(0.5);
  });

  it('survives a corrupted parent cycle without looping', () => {
    const result = rollUpGoals({
      goals: [goal('a', 'b'), goal('b', 'a')],
      projectProgress: new Map(),
      projectsByGoal: new Map(),
      directTasksByGoal: new Map(),
    });
    expect(result.get('a')).toBeNull();
  });

  it('mean ignores nulls', () => {
    expect(mean([null, 1, 0])).toBe(0.5);
    expect(mean([null])).toBeNull();
  });
});

describe('computeOrgProgress', () => {
  it('rolls a finished task up through project, key result, objective and pillar to the vision', () => {
    const base = {
      goals: [
        { ...goal('obj', null), pillarId: 'p1' },
        { ...goal('kr', 'obj'), pillarId: 'p1' },
      ],
      projects: [{ id: 'proj', status: 'active' }],
      projectGoals: [{ projectId: 'proj', goalId: 'kr' }],
      pillarIds: ['p1', 'p2'],
    };
    const before = computeOrgProgress({
      ...base,
      tasks: [
        { projectId: 'proj', goalId: null, status: 'todo', estimateHours: 2 },
        { projectId: 'proj', goalId: null, status: 'todo', estimateHours: 2 },
      ],
    });
    const after = computeOrgProgress({
      ...base,
      tasks: [
        { projectId: 'proj', goalId: null, status: 'done', estimateHours: 2 },
        { projectId: 'proj', goalId: null, status: 'todo', estimateHours: 2 },
      ],
    });
    expect(before.vision).toBe(0);
    expect(after.projects.get('proj')).toBe(0.5);
    expect(after.goals.get('kr')).toBe(0.5);
    expect(after.goals.get('obj')).toBe(0.5);
    expect(after.pillars.get('p1')).toBe(0.5);
    expect(after.pillars.get('p2')).toBeNull(); // an empty pillar is no signal
    expect(after.vision).toBe(0.5);
  });

  it('ignores cancelled projects', () => {
    const result = computeOrgProgress({
      goals: [{ ...goal('kr', null), pillarId: null }],
      projects: [
        { id: 'x', status: 'cancelled' },
        { id: 'y', status: 'active' },
      ],
      projectGoals: [
        { projectId: 'x', goalId: 'kr' },
        { projectId: 'y', goalId: 'kr' },
      ],
      tasks: [
        { projectId: 'y', goalId: null, status: 'done', estimateHours: 1 },
        { projectId: 'x', goalId: null, status: 'todo', estimateHours: 9 },
      ],
      pillarIds: [],
    });
    expect(result.goals.get('kr')).toBe(1);
  });
});

describe('progress from extreme stored values', () => {
  const extremes = [-Number.MAX_VALUE, -1e308, -1, 0, 5e-324, 1, 1e308, Number.MAX_VALUE];

  it('gives every metric of finite values a share in [0, 1] or no signal, never NaN or Infinity', () => {
    for (const metricStart of extremes)
      for (const metricTarget of extremes)
        for (const metricCurrent of extremes) {
          const p = metricProgress({ metricStart, metricTarget, metricCurrent });
          if (p !== null)
            expect(p >= 0 && p <= 1, `${metricStart} ${metricTarget} ${metricCurrent}`).toBe(true);
        }
  });

  it('measures the attack’s metric (−1e308 → 1e308, at 1e308) as complete, not as NaN', () => {
    expect(metricProgress({ metricStart: -1e308, metricTarget: 1e308, metricCurrent: 1e308 })).toBe(1);
    expect(metricProgress({ metricStart: -1e308, metricTarget: 1e308, metricCurrent: 0 })).toBe(0.5);
  });

  it('ignores a metric with a value that is not finite (a hand-edited PostgreSQL row)', () => {
    expect(metricProgress({ metricStart: 0, metricTarget: Infinity, metricCurrent: 1 })).toBeNull();
    expect(metricProgress({ metricStart: NaN, metricTarget: 10, metricCurrent: 1 })).toBeNull();
  });

  it('keeps a huge estimate from summing to Infinity in the work share', () => {
    const p = workProgress([
      { status: 'done', estimateHours: Number.MAX_VALUE },
      { status: 'todo', estimateHours: Number.MAX_VALUE },
    ]);
    expect(p).toBe(0.5);
  });

  it('rolls extreme metrics up to a finite vision', () => {
    const result = computeOrgProgress({
      goals: [
        { ...goal('obj', null), pillarId: 'p' },
        {
          ...goal('kr', 'obj', { metricStart: -1e308, metricTarget: 1e308, metricCurrent: 1e308 }),
          pillarId: 'p',
        },
        {
          ...goal('kr2', 'obj', { metricStart: 1e308, metricTarget: -1e308, metricCurrent: -1e308 }),
          pillarId: 'p',
        },
      ],
      projects: [],
      projectGoals: [],
      tasks: [],
      pillarIds: ['p'],
    });
    expect(result.vision).toBe(1);
    for (const value of [...result.goals.values(), ...result.pillars.values()])
      expect(value === null || Number.isFinite(value)).toBe(true);
  });
});
