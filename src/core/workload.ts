/**
 * How planned work turns into hours on days, for the workload view, the plan figures and budgets.
 * One rule everywhere: a task's remaining hours are spread evenly over the working days of its window
 * on which its person works (Monday to Friday, minus their days off); a window with no such day (all
 * of it on leave) puts the hours on the person's first working day after it: the work cannot happen
 * while they are away. The current plan as of today: a window that has already begun starts
 * today, and a window that has passed (overdue work) slides to start today, keeping its length.
 */
import {
  addWorkdays,
  dateOf,
  dayNumber,
  isWorkdayNumber,
  nextWorkday,
  previousWorkday,
  workdaysBetween,
} from './workdays';

/** The hours a working day holds at full time (a week of 40 hours). */
export const HOURS_PER_DAY = 8;

export interface Window {
  start: string;
  end: string;
}

/** The window a task occupies in the current plan, seen from `today`; null when it has no dates. */
export function currentWindow(
  plannedStart: string | null,
  plannedEnd: string | null,
  today: string,
): Window | null {
  let start = plannedStart ?? plannedEnd;
  let end = plannedEnd ?? plannedStart;
  if (start === null || end === null) return null;
  if (end < start) [start, end] = [end, start];
  const first = nextWorkday(today);
  if (end < today) {
    const length = Math.max(1, workdaysBetween(nextWorkday(start), end) + 1);
    return { start: first, end: addWorkdays(first, length - 1) };
  }
  if (start < today) start = end < first ? end : first;
  return { start, end };
}

/** A person's working days: Monday to Friday unless the date is in `daysOff`. */
export function isPersonWorking(daysOff: ReadonlySet<string>, iso: string): boolean {
  return isWorkdayNumber(dayNumber(iso)) && !daysOff.has(iso);
}

/** The dates of every day off in the given inclusive ranges (weekends included; callers test workdays). */
export function daysOffFrom(ranges: readonly { startDate: string; endDate: string }[]): Set<string> {
  const out = new Set<string>();
  for (const r of ranges) {
    const last = Math.min(dayNumber(r.endDate), dayNumber(r.startDate) + 3660);
    for (let d = dayNumber(r.startDate); d <= last; d++) out.add(dateOf(d));
  }
  return out;
}

/** Spreads `hours` over the working days of the window; calls `add(date, hours)` for each. */
export function spreadHours(
  hours: number,
  window: Window,
  daysOff: ReadonlySet<string>,
  add: (date: string, hours: number) => void,
): void {
  if (!(hours > 0 && Number.isFinite(hours))) return;
  const first = dayNumber(window.start);
  const last = dayNumber(window.end);
  const days: string[] = [];
  for (let d = first; d <= last; d++) {
    const iso = dateOf(d);
    if (isWorkdayNumber(d) && !daysOff.has(iso)) days.push(iso);
  }
  if (days.length === 0) {
    let next = last + 1;
    while (next < last + 366 && !(isWorkdayNumber(next) && !daysOff.has(dateOf(next)))) next++;
    add(dateOf(next), hours);
    return;
  }
  const each = hours / days.length;
  for (const iso of days) add(iso, each);
}

/**
 * How an applied plan laid a task's remaining hours on its person's days. The planner works hour by
 * hour, so its days are not the even spread of the rule above (a task that starts mid-afternoon puts
 * two hours on its first day); applying a plan stores them, so the current plan reads exactly as the
 * proposal did. Kept with what it was laid for: it describes the task only while the task still has
 * that person, those dates and those remaining hours, and nothing of it lies before today.
 */
export interface TaskLayout {
  personId: string;
  start: string;
  end: string;
  hours: number;
  /** Hours into its first working day at which the work starts (absent in layouts stored before plans kept it). */
  startHour?: number | undefined;
  /** Hours into its last working day at which the work ends (8 at the end of a full day). */
  finishHour: number;
  /** Hours per date, in date order. */
  daily: readonly (readonly [string, number])[];
}

/** Whether a stored layout still describes the task as it stands (otherwise the even spread applies). */
export function layoutHolds(
  layout: TaskLayout | null | undefined,
  task: { assigneeId: string | null; plannedStart: string | null; plannedEnd: string | null },
  hours: number,
  today: string,
): layout is TaskLayout {
  return (
    layout !== null &&
    layout !== undefined &&
    layout.personId === task.assigneeId &&
    layout.start === task.plannedStart &&
    layout.end === task.plannedEnd &&
    Math.abs(layout.hours - hours) < 0.05 &&
    layout.start >= today &&
    layout.daily.every(([date]) => date >= today)
  );
}

/** The task's hours by date: the stored layout when there is one, else spread evenly over the window. */
export function layHours(
  hours: number,
  window: Window,
  daysOff: ReadonlySet<string>,
  layout: TaskLayout | null | undefined,
  add: (date: string, hours: number) => void,
): void {
  if (layout) for (const [date, h] of layout.daily) add(date, h);
  else spreadHours(hours, window, daysOff, add);
}

/**
 * Working hours late: whole working days after the deadline (8 hours each) for work that ends with
 * its end date, or to the hour when the layout says when on its last day the work ends.
 */
export function lateHoursOf(end: string, deadline: string | null, layout?: TaskLayout | null): number {
  const days = lateWorkdays(end, deadline);
  if (days === 0) return 0;
  return layout ? (days - 1) * HOURS_PER_DAY + layout.finishHour : days * HOURS_PER_DAY;
}

/** A person's capacity in hours on one day (0 on weekends and days off). */
export function capacityOn(hoursPerDay: number, daysOff: ReadonlySet<string>, iso: string): number {
  return isPersonWorking(daysOff, iso) ? hoursPerDay : 0;
}

/** Hours per working day from a weekly capacity (a 40-hour week is 8 hours a day). */
export function hoursPerDayOf(capacityHoursPerWeek: number): number {
  return Math.max(0, capacityHoursPerWeek) / 5;
}

/** Working days late: how many working days after the deadline (or its last working day) the work ends. */
export function lateWorkdays(end: string, deadline: string | null): number {
  if (deadline === null || end <= deadline) return 0;
  return Math.max(0, workdaysBetween(previousWorkday(deadline), end));
}

/**
 * A person's capacity in hours from `from` to `to` (inclusive), counting only days from `today` on:
 * the hours of a week that are still there to plan. The workload heatmap and the 1:1 context use it.
 */
export function capacityBetween(
  capacityHoursPerWeek: number,
  daysOff: ReadonlySet<string>,
  from: string,
  to: string,
  today: string,
): number {
  const perDay = hoursPerDayOf(capacityHoursPerWeek);
  let sum = 0;
  for (let d = Math.max(dayNumber(from), dayNumber(today)); d <= dayNumber(to); d++)
    sum += capacityOn(perDay, daysOff, dateOf(d));
  return sum;
}
