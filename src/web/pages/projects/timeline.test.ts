import { describe, expect, it } from 'vitest';
import type { ProjectSchedule } from '../../../core/schemas/schedule';
import type { Task } from '../../api/client';
import { barOf, linksOf } from './timeline';

const task = (id: string, fields: Partial<Task> = {}): Task => ({
  id,
  projectId: 'p',
  goalId: null,
  title: id,
  description: '',
  estimateHours: 8,
  skillId: null,
  minLevel: null,
  deadline: null,
  assigneeId: null,
  status: 'todo',
  plannedStart: null,
  plannedEnd: null,
  pinned: false,
  dependsOn: [],
  loggedHours: 0,
  isLate: false,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
  can: { edit: true, changeStatus: true, logTime: true, logTimeForOthers: true, delete: true },
  ...fields,
});

const schedule: ProjectSchedule = {
  projectId: 'p',
  tasks: [
    {
      taskId: 'a',
      personId: 'ana',
      start: { date: '2026-12-08', hour: 0 },
      finish: { date: '2026-12-09', hour: 3 },
      hours: 11,
      source: 'plan',
    },
    {
      taskId: 'b',
      personId: 'bo',
      start: { date: '2026-12-09', hour: 3 },
      finish: { date: '2026-12-10', hour: 8 },
      hours: 13,
      source: 'plan',
    },
  ],
  dependencies: [{ taskId: 'b', dependsOnId: 'a', isBroken: false }],
};

describe('the timeline', () => {
  it('draws open tasks where the schedule puts them, not where their stored dates say', () => {
    const bar = barOf(task('a', { plannedStart: '2026-12-01', plannedEnd: '2026-12-02' }), schedule);
    expect(bar).toMatchObject({ start: '2026-12-08', end: '2026-12-09', isEstimated: false });
  });

  it('does not flag the planner’s same-day hand-off (9 Dec 11:00 → 9 Dec 11:00) as broken', () => {
    const bars = [task('a'), task('b', { dependsOn: ['a'] })].map((t) => barOf(t, schedule)!);
    expect(bars[0]!.end).toBe(bars[1]!.start); // the same date at both ends of the link
    expect(linksOf(bars, schedule)).toEqual([{ from: 'a', to: 'b', isBroken: false }]);
  });

  it('flags a link the schedule says is broken', () => {
    const broken = { ...schedule, dependencies: [{ taskId: 'b', dependsOnId: 'a', isBroken: true }] };
    const bars = [task('a'), task('b', { dependsOn: ['a'] })].map((t) => barOf(t, broken)!);
    expect(linksOf(bars, broken)).toEqual([{ from: 'a', to: 'b', isBroken: true }]);
  });

  it('sizes a task without a plan from its deadline and estimate, and leaves out one with neither', () => {
    expect(barOf(task('c', { deadline: '2026-12-18', estimateHours: 20 }), undefined)).toEqual(
      expect.objectContaining({ start: '2026-12-16', end: '2026-12-18', isEstimated: true }),
    );
    expect(barOf(task('d'), undefined)).toBeNull();
  });

  it('keeps a done task at its planned dates, and never counts a link from it as broken', () => {
    const done = task('x', { status: 'done', plannedStart: '2026-12-01', plannedEnd: '2026-12-03' });
    const after = task('a', { dependsOn: ['x'] });
    const bars = [barOf(done, schedule)!, barOf(after, schedule)!];
    expect(bars[0]).toMatchObject({ start: '2026-12-01', end: '2026-12-03' });
    expect(linksOf(bars, schedule)).toEqual([{ from: 'x', to: 'a', isBroken: false }]);
  });
});
