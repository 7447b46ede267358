/**
 * The figures by which two plans of the same work are compared (the current one and a proposal, or a
 * proposal and the benchmark's baseline): late tasks and total lateness, overload hours, growth
 * assignments and cost. Both sides go through this one function, so the comparison is fair.
 *
 * Lateness is counted in working hours after the deadline (8 a working day): a plan of dates ends its
 * work at the end of its end date; an hour-level plan gives the hours itself; unplanned work whose
 * deadline has passed is late at least until today. Overload is, per person and
 * week, the hours planned beyond their capacity that week (time off removed), from today on.
 */
import { HOURS_PER_DAY, isPersonWorking, lateWorkdays, spreadHours, type Window } from './workload';
import { dayNumber, weekStart } from './workdays';

export interface ScheduledWork {
  taskId: string;
  personId: string | null;
  /** Null when the task has no dates in this plan (unplanned). */
  window: Window | null;
  hours: number;
  deadline: string | null;
  skillId: string | null;
  /** Working hours late when the plan knows it more precisely than its end date (hour-level plans). */
  lateHours?: number;
  /** Cost per hour when nobody is assigned (the average of those who could do it): cost compares the same work. */
  fallbackRate?: number;
  /** Hours per date when the plan knows them (hour-level plans); otherwise spread over the window. */
  daily?: readonly (readonly [string, number])[];
  /**
   * Work outside the compared scope (another project's planned tasks): it loads people, and so counts
   * toward overload, but is not itself counted as planned, late, growth or cost.
   */
  isCommitment?: boolean;
}

export interface FigurePerson {
  id: string;
  hoursPerDay: number;
  daysOff: ReadonlySet<string>;
  costRate: number;
  /** Skills the person wants to grow (growth goals above their current level). */
  growthSkillIds: readonly string[];
}

export interface PlanFigures {
  plannedTasks: number;
  unplannedTasks: number;
  lateTasks: number;
  latenessHours: number;
  overloadHours: number;
  growthAssignments: number;
  cost: number;
  hours: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

export function planFigures(
  items: readonly ScheduledWork[],
  people: readonly FigurePerson[],
  today: string,
): PlanFigures {
  const byId = new Map(people.map((p) => [p.id, p]));
  const figures: PlanFigures = {
    plannedTasks: 0,
    unplannedTasks: 0,
    lateTasks: 0,
    latenessHours: 0,
    overloadHours: 0,
    growthAssignments: 0,
    cost: 0,
    hours: 0,
  };
  for (const item of items) {
    if (item.isCommitment) continue;
    const person = item.personId === null ? undefined : byId.get(item.personId);
    const scheduled = item.window !== null && (item.personId === null || person !== undefined);
    figures.cost += item.hours * (person?.costRate ?? item.fallbackRate ?? 0);
    if (!scheduled || item.personId === null) {
      figures.unplannedTasks++;
      // unplanned work past its deadline is late at least until today
      const late = item.deadline !== null && item.deadline < today ? lateWorkdays(today, item.deadline) : 0;
      if (late > 0) {
        figures.lateTasks++;
        figures.latenessHours += late * HOURS_PER_DAY;
      }
    } else {
      figures.plannedTasks++;
      figures.hours += item.hours;
      const late = item.lateHours ?? lateWorkdays(item.window!.end, item.deadline) * HOURS_PER_DAY;
      if (late > 0) {
        figures.lateTasks++;
        figures.latenessHours += late;
      }
      if (person && item.skillId !== null && person.growthSkillIds.includes(item.skillId))
        figures.growthAssignments++;
    }
  }
  for (const weeks of weekLoads(items, people, today).values())
    for (const { hours, capacity } of weeks.values())
      // tolerance for hours split into thirds and sevenths
      if (hours > capacity + 0.05) figures.overloadHours += hours - capacity;
  figures.latenessHours = round1(figures.latenessHours);
  figures.overloadHours = round1(figures.overloadHours);
  figures.cost = Math.round(figures.cost);
  figures.hours = round1(figures.hours);
  return figures;
}

/** Hours planned for a person in a week (Monday) against their capacity that week, from today on. */
export interface WeekLoad {
  hours: number;
  capacity: number;
}

/** Each person's planned hours and capacity per week (Monday), as `planFigures` counts overload. */
export function weekLoads(
  items: readonly ScheduledWork[],
  people: readonly FigurePerson[],
  today: string,
): Map<string, Map<string, WeekLoad>> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const out = new Map<string, Map<string, WeekLoad>>();
  for (const item of items) {
    const person = item.personId === null ? undefined : byId.get(item.personId);
    if (!person || item.window === null) continue;
    let weeks = out.get(person.id);
    if (!weeks) out.set(person.id, (weeks = new Map<string, WeekLoad>()));
    const w = weeks;
    const add = (date: string, hours: number) => {
      const week = weekStart(date);
      const load = w.get(week);
      if (load) load.hours += hours;
      else w.set(week, { hours, capacity: 0 });
    };
    if (item.daily) for (const [date, hours] of item.daily) add(date, hours);
    else spreadHours(item.hours, item.window, person.daysOff, add);
  }
  const todayDay = dayNumber(today);
  for (const [personId, weeks] of out) {
    const person = byId.get(personId)!;
    for (const [week, load] of weeks) {
      const monday = dayNumber(week);
      for (let d = monday; d < monday + 7; d++) {
        if (d < todayDay) continue;
        const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
        if (isPersonWorking(person.daysOff, iso)) load.capacity += person.hoursPerDay;
      }
    }
  }
  return out;
}

/** Each person's overload (hours beyond capacity, summed over weeks), for those who have any. */
export function overloadByPerson(
  loads: ReadonlyMap<string, ReadonlyMap<string, WeekLoad>>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const [personId, weeks] of loads) {
    let over = 0;
    for (const { hours, capacity } of weeks.values()) if (hours > capacity + 0.05) over += hours - capacity;
    if (over > 0) out.set(personId, round1(over));
  }
  return out;
}
