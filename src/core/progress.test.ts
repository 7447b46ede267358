import { describe, expect, it } from 'vitest';
import {
  computeOrgProgress,
  mean,
  metricProgress,
  projectProgress,
  rollUpGoals,
  workProgress,
  type GoalNode,
  type TaskProgressInput,
} from './progress';

const goal = (id: string, parentId: string | null, extra: Partial<GoalNode> = {}): GoalNode => ({
  id,
  parentId,
  status: 'active',
  metricStart: null,
  metricTarget: null,
  metricCurrent: null,
  progressSource: 'work',
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

const work = (...hours: [number, 'todo' | 'done'][]): TaskProgressInput[] =>
  hours.map(([estimateHours, status]) => ({ status, estimateHours }));

describe('rollUpGoals', () => {
  const story = goal('kr', 'obj', { metricStart: 0, metricTarget: 3, metricCurrent: 0 }); // Sell 3 packages
  const eightyHours = work([12, 'done'], [68, 'todo']);

  it('counts the linked work of a work-driven key result even when it has a complete metric', () => {
    const result = rollUpGoals({
      goals: [goal('obj', null), { ...story, progressSource: 'work' }],
      linkedWork: new Map([['kr', eightyHours]]),
    });
    expect(result.get('kr')).toEqual({ progress: 0.15, metric: 0, work: 0.15 });
    expect(result.get('obj')?.progress).toBe(0.15);
  });

  it('counts the metric of a metric-driven key result and still shows its work beside it', () => {
    const result = rollUpGoals({
      goals: [goal('obj', null), { ...story, progressSource: 'metric' }],
      linkedWork: new Map([['kr', eightyHours]]),
    });
    expect(result.get('kr')).toEqual({ progress: 0, metric: 0, work: 0.15 });
    expect(result.get('obj')?.progress).toBe(0);
  });

  it('gives a metric-driven key result no signal until its metric is complete, whatever its work', () => {
    const incomplete = goal('kr', 'obj', { progressSource: 'metric', metricStart: 0, metricTarget: 3 });
    const result = rollUpGoals({
      goals: [goal('obj', null), incomplete],
      linkedWork: new Map([['kr', eightyHours]]),
    });
    expect(result.get('kr')).toEqual({ progress: null, metric: null, work: 0.15 });
    expect(result.get('obj')?.progress).toBeNull();
  });

  it('gives a work-driven key result without linked work no signal', () => {
    const result = rollUpGoals({ goals: [goal('kr', null)], linkedWork: new Map() });
    expect(result.get('kr')).toEqual({ progress: null, metric: null, work: null });
  });

  it('makes an objective the mean of its key results, with its own linked work as one more item', () => {
    const result = rollUpGoals({
      goals: [
        goal('obj', null),
        goal('kr-metric', 'obj', {
          progressSource: 'metric',
          metricStart: 0,
          metricTarget: 100,
          metricCurrent: 40,
        }),
        goal('kr-work', 'obj'),
      ],
      linkedWork: new Map([
        ['kr-work', work([1, 'done'], [3, 'todo'])],
        ['obj', work([2, 'done'])],
      ]),
    });
    expect(result.get('kr-metric')?.progress).toBe(0.4);
    expect(result.get('kr-work')?.progress).toBe(0.25);
    expect(result.get('obj')?.progress).toBeCloseTo((0.4 + 0.25 + 1) / 3);
  });

  it('lets a metric-driven objective count its own metric rather than what is beneath it', () => {
    const result = rollUpGoals({
      goals: [
        goal('obj', null, { progressSource: 'metric', metricStart: 0, metricTarget: 10, metricCurrent: 9 }),
        goal('kr', 'obj'),
      ],
      linkedWork: new Map([['kr', work([1, 'todo'])]]),
    });
    expect(result.get('obj')).toEqual({ progress: 0.9, metric: 0.9, work: 0 });
  });

  it('counts an achieved goal as 1 and leaves a dropped one out, whatever their figures', () => {
    const result = rollUpGoals({
      goals: [
        goal('obj', null),
        goal('a', 'obj', { status: 'achieved', progressSource: 'metric', metricStart: 0, metricTarget: 9 }),
        goal('b', 'obj'),
        goal('c', 'obj', { status: 'dropped' }),
      ],
      linkedWork: new Map([['c', work([1, 'todo'])]]),
    });
    expect(result.get('a')?.progress).toBe(1);
    expect(result.get('b')?.progress).toBeNull();
    expect(result.get('c')).toEqual({ progress: null, metric: null, work: 0 });
    expect(result.get('obj')?.progress).toBe(1);
  });

  it('completing a task raises every ancestor of a work-driven key result', () => {
    const run = (status: 'todo' | 'done') =>
      rollUpGoals({
        goals: [goal('obj', null), goal('kr', 'obj')],
        linkedWork: new Map([['kr', work([4, status], [4, 'todo'])]]),
      });
    expect(run('todo').get('obj')?.progress).toBe(0);
    expect(run('done').get('obj')?.progress).toBe(0.5);
  });

  it('survives a corrupted parent cycle without looping', () => {
    const result = rollUpGoals({ goals: [goal('a', 'b'), goal('b', 'a')], linkedWork: new Map() });
    expect(result.get('a')?.progress).toBeNull();
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

  it('pools a key result’s linked work by hours, so a small project weighs as little as its hours', () => {
    const result = computeOrgProgress({
      goals: [{ ...goal('kr', null), pillarId: null }],
      projects: [
        { id: 'big', status: 'active' },
        { id: 'small', status: 'active' },
      ],
      projectGoals: [
        { projectId: 'big', goalId: 'kr' },
        { projectId: 'small', goalId: 'kr' },
      ],
      tasks: [
        { projectId: 'big', goalId: null, status: 'done', estimateHours: 12 },
        { projectId: 'big', goalId: null, status: 'todo', estimateHours: 68 },
        { projectId: 'small', goalId: null, status: 'todo', estimateHours: 20 },
        { projectId: null, goalId: 'kr', status: 'done', estimateHours: 8 },
      ],
      pillarIds: [],
    });
    expect(result.goals.get('kr')).toBeCloseTo(20 / 108); // not the mean of 15 %, 0 % and 100 %
    expect(result.work.get('kr')).toEqual({ projects: 2, tasks: 4, doneTasks: 2, hours: 108, doneHours: 20 });
  });

  it('ignores cancelled projects and counts a finished project without tasks as one done hour', () => {
    const result = computeOrgProgress({
      goals: [{ ...goal('kr', null), pillarId: null }],
      projects: [
        { id: 'x', status: 'cancelled' },
        { id: 'y', status: 'done' },
      ],
      projectGoals: [
        { projectId: 'x', goalId: 'kr' },
        { projectId: 'y', goalId: 'kr' },
      ],
      tasks: [{ projectId: 'x', goalId: null, status: 'todo', estimateHours: 9 }],
      pillarIds: [],
    });
    expect(result.projects.get('y')).toBe(1);
    expect(result.goals.get('kr')).toBe(1);
    expect(result.work.get('kr')).toEqual({ projects: 1, tasks: 0, doneTasks: 0, hours: 1, doneHours: 1 });
  });

  it('counts an objective’s work with its key results’ work, each project once, leaving dropped ones out', () => {
    const result = computeOrgProgress({
      goals: [
        { ...goal('obj', null), pillarId: null },
        { ...goal('kr', 'obj'), pillarId: null },
        { ...goal('gone', 'obj', { status: 'dropped' }), pillarId: null },
      ],
      projects: [
        { id: 'shared', status: 'active' },
        { id: 'old', status: 'active' },
      ],
      projectGoals: [
        { projectId: 'shared', goalId: 'obj' },
        { projectId: 'shared', goalId: 'kr' },
        { projectId: 'old', goalId: 'gone' },
      ],
      tasks: [
        { projectId: 'shared', goalId: null, status: 'done', estimateHours: 3 },
        { projectId: 'old', goalId: null, status: 'todo', estimateHours: 5 },
      ],
      pillarIds: [],
    });
    expect(result.work.get('obj')).toEqual({ projects: 1, tasks: 1, doneTasks: 1, hours: 3, doneHours: 3 });
    expect(result.work.get('kr')?.projects).toBe(1);
    expect(result.work.get('gone')?.projects).toBe(1);
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
          ...goal('kr', 'obj', {
            progressSource: 'metric',
            metricStart: -1e308,
            metricTarget: 1e308,
            metricCurrent: 1e308,
          }),
          pillarId: 'p',
        },
        {
          ...goal('kr2', 'obj', {
            progressSource: 'metric',
            metricStart: 1e308,
            metricTarget: -1e308,
            metricCurrent: -1e308,
          }),
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
