import { describe, expect, it } from 'vitest';
import {
  hoursBetween,
  hoursByPersonDate,
  isDependencyBroken,
  scheduleTask,
  type ScheduleTask,
} from './schedule';

const today = '2026-12-07'; // a Monday
const ana = { id: 'ana', daysOff: new Set(['2026-12-09']) };

const laid = (fields: Partial<ScheduleTask> = {}): ScheduleTask => ({
  id: 'a',
  personId: 'ana',
  plannedStart: '2026-12-08',
  plannedEnd: '2026-12-10',
  hours: 11,
  layout: {
    personId: 'ana',
    start: '2026-12-08',
    end: '2026-12-10',
    hours: 11,
    startHour: 5,
    finishHour: 8,
    daily: [
      ['2026-12-08', 3],
      ['2026-12-10', 8],
    ],
  },
  ...fields,
});

describe('scheduleTask', () => {
  it('keeps the applied plan’s own hours and its start and finish hours', () => {
    const s = scheduleTask(laid(), ana, today)!;
    expect(s).toMatchObject({
      source: 'plan',
      start: { date: '2026-12-08', hour: 5 },
      finish: { date: '2026-12-10', hour: 8 },
      daily: [
        ['2026-12-08', 3],
        ['2026-12-10', 8],
      ],
    });
  });

  it('reads the start hour of a layout stored without one from its first day’s hours', () => {
    const base = laid();
    const old = laid({ layout: { ...base.layout!, startHour: undefined } });
    expect(scheduleTask(old, ana, today)!.start).toEqual({ date: '2026-12-08', hour: 5 });
  });

  it('spreads a task without a layout over its working days, from the start of the first to the end of the last', () => {
    const s = scheduleTask(laid({ layout: undefined, hours: 16 }), ana, today)!;
    expect(s.source).toBe('dates');
    expect(s.start).toEqual({ date: '2026-12-08', hour: 0 });
    expect(s.finish).toEqual({ date: '2026-12-10', hour: 8 });
    // 9 Dec is a day off: the hours go to the other two days
    expect(s.daily).toEqual([
      ['2026-12-08', 8],
      ['2026-12-10', 8],
    ]);
  });

  it('moves work planned wholly inside someone’s leave to their first working day after it', () => {
    const away = { id: 'ana', daysOff: new Set(['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']) };
    const s = scheduleTask(
      laid({ layout: undefined, plannedStart: '2026-12-08', plannedEnd: '2026-12-10', hours: 20 }),
      away,
      today,
    )!;
    expect(s.daily).toEqual([['2026-12-14', 20]]); // Friday the 11th is off too, then the weekend
    expect(s.start.date).toBe('2026-12-14');
    expect(s.finish.date).toBe('2026-12-14');
  });

  it('slides overdue work to start today, and leaves a task without dates out', () => {
    const late = scheduleTask(
      laid({ layout: undefined, plannedStart: '2026-11-30', plannedEnd: '2026-12-01' }),
      ana,
      today,
    )!;
    expect(late.start.date).toBe(today);
    expect(
      scheduleTask(laid({ plannedStart: null, plannedEnd: null, layout: undefined }), ana, today),
    ).toBeNull();
  });
});

describe('isDependencyBroken', () => {
  const at = (date: string, hour: number) => ({ date, hour });
  const task = (start: [string, number], finish: [string, number]) => ({
    taskId: 't',
    personId: null,
    start: at(...start),
    finish: at(...finish),
    daily: [],
    source: 'plan' as const,
  });

  it('holds a hand-off at the same hour of the same day, and one from the end of a day to the next', () => {
    const before = task(['2026-12-08', 0], ['2026-12-09', 3]);
    expect(isDependencyBroken(before, task(['2026-12-09', 3], ['2026-12-10', 8]))).toBe(false);
    const fullDay = task(['2026-12-08', 0], ['2026-12-09', 8]);
    expect(isDependencyBroken(fullDay, task(['2026-12-10', 0], ['2026-12-10', 8]))).toBe(false);
  });

  it('breaks when the later task starts before the earlier finishes, even within the day', () => {
    const before = task(['2026-12-08', 0], ['2026-12-09', 3]);
    expect(isDependencyBroken(before, task(['2026-12-09', 2], ['2026-12-10', 8]))).toBe(true);
    expect(isDependencyBroken(before, task(['2026-12-08', 4], ['2026-12-10', 8]))).toBe(true);
  });
});

describe('hoursByPersonDate', () => {
  it('sums each person’s hours per date across tasks and leaves unassigned work out', () => {
    const a = scheduleTask(laid(), ana, today)!;
    const b = scheduleTask(laid({ id: 'b', layout: undefined, hours: 16 }), ana, today)!;
    const c = scheduleTask(laid({ id: 'c', personId: null, layout: undefined }), undefined, today)!;
    const hours = hoursByPersonDate([a, b, c]);
    expect([...hours.keys()]).toEqual(['ana']);
    expect(hoursBetween(hours.get('ana'), '2026-12-07', '2026-12-13')).toBe(27);
    expect(hours.get('ana')!.get('2026-12-08')).toBe(11);
  });
});
