/**
 * The one schedule model: where and when the current plan puts each open task's remaining hours.
 * The timeline, the workload heatmap, the 1:1 context, home and the deadline forecast all read it, so
 * they cannot disagree about a person's week or a task's dates.
 *
 * - A task the applied plan laid (its layout still holds, see `layoutHolds`) has the planner's own
 *   hours per date, and starts and finishes at the hour the planner chose: a hand-off at 11:00 on
 *   9 Dec to a task that starts at 11:00 on 9 Dec is on time, not a broken dependency.
 * - Any other task with dates spreads its remaining hours evenly over its window's working days for
 *   its person (`spreadHours`), starting at the beginning of the first day with hours and finishing at
 *   the end of the last (a window wholly on leave moves to the first working day after it).
 * - Windows are as of today (`currentWindow`): work that has begun starts today, overdue work slides
 *   to start today keeping its length.
 *
 * Times within a day are calendar hours from the start of the working day, 0 to 8 (the planner's
 * periods): a half-time person's 4-hour task fills a whole day, from hour 0 to hour 8.
 */
import { dayNumber } from './workdays';
import { currentWindow, HOURS_PER_DAY, layHours, type TaskLayout, type Window } from './workload';

export interface ScheduleTask {
  id: string;
  personId: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  /** Remaining hours. */
  hours: number;
  /** How the applied plan laid the task, only while it still describes the task. */
  layout?: TaskLayout | undefined;
}

export interface SchedulePerson {
  id: string;
  /** Every day off: time off and public holidays (weekends are off for everyone anyway). */
  daysOff: ReadonlySet<string>;
}

/** A point in working time: a date and the calendar hour (0–8) of its working day. */
export interface Moment {
  date: string;
  hour: number;
}

export interface ScheduledTask {
  taskId: string;
  personId: string | null;
  start: Moment;
  finish: Moment;
  /** Remaining hours per date, in date order. */
  daily: [string, number][];
  /** 'plan': laid hour by hour by the applied plan; 'dates': spread over its planned dates. */
  source: 'plan' | 'dates';
}

const NO_DAYS_OFF: ReadonlySet<string> = new Set();

/** The schedule of one task as of `today`; null when it has no planned dates. */
export function scheduleTask(
  task: ScheduleTask,
  person: SchedulePerson | undefined,
  today: string,
): ScheduledTask | null {
  const window: Window | null = currentWindow(task.plannedStart, task.plannedEnd, today);
  if (window === null) return null;
  const daily: [string, number][] = [];
  const layout = task.layout ?? null;
  layHours(task.hours, window, person?.daysOff ?? NO_DAYS_OFF, layout, (date, h) => {
    const last = daily[daily.length - 1];
    if (last && last[0] === date) last[1] += h;
    else daily.push([date, h]);
  });
  daily.sort((a, b) => a[0].localeCompare(b[0]));
  if (layout) {
    return {
      taskId: task.id,
      personId: task.personId,
      start: { date: layout.start, hour: layout.startHour ?? startHourOf(layout) },
      finish: { date: layout.end, hour: layout.finishHour },
      daily,
      source: 'plan',
    };
  }
  return {
    taskId: task.id,
    personId: task.personId,
    start: { date: daily[0]?.[0] ?? window.start, hour: 0 },
    finish: { date: daily[daily.length - 1]?.[0] ?? window.end, hour: HOURS_PER_DAY },
    daily,
    source: 'dates',
  };
}

/**
 * The start hour of a layout stored before plans kept it: the planner fills a day from its first free
 * hour to the end, so a task that spans days started `hours on the first day` before the day's end,
 * and a one-day task that many hours before its finish. Exact for a full-time person with nothing else
 * that day, which is what such plans mostly were.
 */
function startHourOf(layout: TaskLayout): number {
  const first = layout.daily[0]?.[1] ?? 0;
  if (layout.start === layout.end) return Math.max(0, layout.finishHour - first);
  return Math.max(0, HOURS_PER_DAY - first);
}

/** Orders two moments: negative when `a` is earlier. */
export function compareMoments(a: Moment, b: Moment): number {
  return dayNumber(a.date) - dayNumber(b.date) || a.hour - b.hour;
}

/**
 * Whether a finish-to-start dependency is broken in the schedule: the dependent task starts before
 * the one it waits for finishes. Finishing at the end of a day and starting the next working day is
 * on time, as is a hand-off within the same hour.
 */
export function isDependencyBroken(predecessor: ScheduledTask, successor: ScheduledTask): boolean {
  return compareMoments(successor.start, predecessor.finish) < -1e-9;
}

/** Hours per person and date over every scheduled task (unassigned work is left out). */
export function hoursByPersonDate(scheduled: Iterable<ScheduledTask>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const s of scheduled) {
    if (s.personId === null) continue;
    let days = out.get(s.personId);
    if (!days) out.set(s.personId, (days = new Map<string, number>()));
    for (const [date, h] of s.daily) days.set(date, (days.get(date) ?? 0) + h);
  }
  return out;
}

/** A person's scheduled hours between two dates, inclusive. */
export function hoursBetween(
  byDate: ReadonlyMap<string, number> | undefined,
  from: string,
  to: string,
): number {
  if (!byDate) return 0;
  let sum = 0;
  for (const [date, h] of byDate) if (date >= from && date <= to) sum += h;
  return sum;
}
