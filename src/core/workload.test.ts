import { describe, expect, it } from 'vitest';
import { lateHoursOf, layHours, layoutHolds, type TaskLayout } from './workload';

const layout: TaskLayout = {
  personId: 'p1',
  start: '2026-03-06',
  end: '2026-03-09',
  hours: 12,
  finishHour: 8,
  daily: [
    ['2026-03-06', 4],
    ['2026-03-09', 8],
  ],
};
const task = { assigneeId: 'p1', plannedStart: '2026-03-06', plannedEnd: '2026-03-09' };

describe('stored layouts of applied plans', () => {
  it('hold only while the task keeps its person, dates and remaining hours, and nothing is past', () => {
    expect(layoutHolds(layout, task, 12, '2026-03-02')).toBe(true);
    expect(layoutHolds(layout, task, 12.02, '2026-03-06')).toBe(true);
    expect(layoutHolds(undefined, task, 12, '2026-03-02')).toBe(false);
    expect(layoutHolds(layout, { ...task, assigneeId: 'p2' }, 12, '2026-03-02')).toBe(false);
    expect(layoutHolds(layout, { ...task, plannedStart: '2026-03-05' }, 12, '2026-03-02')).toBe(false);
    expect(layoutHolds(layout, { ...task, plannedEnd: '2026-03-10' }, 12, '2026-03-02')).toBe(false);
    expect(layoutHolds(layout, task, 10, '2026-03-02')).toBe(false); // time logged since
    expect(layoutHolds(layout, task, 12, '2026-03-09')).toBe(false); // its first day has passed
  });

  it('lay the hours as stored, or spread them evenly without one', () => {
    const laid: [string, number][] = [];
    layHours(12, { start: '2026-03-06', end: '2026-03-09' }, new Set(), layout, (d, h) => laid.push([d, h]));
    expect(laid).toEqual([
      ['2026-03-06', 4],
      ['2026-03-09', 8],
    ]);
    const spread: [string, number][] = [];
    layHours(12, { start: '2026-03-06', end: '2026-03-09' }, new Set(), undefined, (d, h) =>
      spread.push([d, h]),
    );
    expect(spread).toEqual([
      ['2026-03-06', 6],
      ['2026-03-09', 6],
    ]);
  });

  it('count lateness to the hour when the layout says when the work ends on its last day', () => {
    // due Friday 6 March; ends Tuesday 10 March: two working days after, at 10:00 (2 h into the day)
    expect(lateHoursOf('2026-03-10', '2026-03-06')).toBe(16);
    expect(lateHoursOf('2026-03-10', '2026-03-06', { ...layout, finishHour: 2 })).toBe(10);
    expect(lateHoursOf('2026-03-06', '2026-03-06', { ...layout, finishHour: 2 })).toBe(0);
    expect(lateHoursOf('2026-03-10', null, layout)).toBe(0);
  });
});
