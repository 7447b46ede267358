/**
 * The organization's schedule as of today (core/schedule.ts): every open task's person, start,
 * finish and hours per date, from the applied plan's layout where it holds and the planned dates
 * otherwise, with everyone's days off. The workload heatmap, the 1:1 context, home, the timeline and
 * the deadline forecast read this and nothing else for planned hours and dates.
 */
import {
  hoursByPersonDate,
  scheduleTask,
  type SchedulePerson,
  type ScheduledTask,
} from '../../../core/schedule';
import { daysOffFrom } from '../../../core/workload';
import type { DB } from '../../deps';
import { loadOpenWork, type OpenWork } from '../planning/load-open-work';
import { remainingHours } from '../planning/snapshot';

export interface Schedule {
  today: string;
  /** What the schedule was made from: open tasks, people, projects, skills. */
  work: OpenWork;
  /** Each person's days off (time off and public holidays). */
  daysOff: Map<string, ReadonlySet<string>>;
  /** Open tasks with planned dates, by id. */
  tasks: Map<string, ScheduledTask>;
  /** Scheduled hours per person and date. */
  hours: Map<string, Map<string, number>>;
}

/** Builds the schedule from open work already loaded (the forecast and workload load it themselves). */
export function scheduleOf(work: OpenWork, today: string): Schedule {
  const people = new Map<string, SchedulePerson>(
    work.people.map((p) => [p.id, { id: p.id, daysOff: daysOffFrom(p.timeOff) }]),
  );
  const tasks = new Map<string, ScheduledTask>();
  for (const t of work.tasks) {
    const person = t.assigneeId === null ? undefined : people.get(t.assigneeId);
    const scheduled = scheduleTask(
      {
        id: t.id,
        personId: person ? t.assigneeId : null,
        plannedStart: t.plannedStart,
        plannedEnd: t.plannedEnd,
        hours: remainingHours(t),
        layout: t.layout,
      },
      person,
      today,
    );
    if (scheduled) tasks.set(t.id, scheduled);
  }
  return {
    today,
    work,
    daysOff: new Map([...people].map(([id, p]) => [id, p.daysOff])),
    tasks,
    hours: hoursByPersonDate(tasks.values()),
  };
}

/** The schedule of the organization's open work, or of one person's (their week on home, a 1:1). */
export async function loadSchedule(
  db: DB,
  orgId: string,
  today: string,
  scope: { personId?: string } = {},
): Promise<Schedule> {
  const work = await loadOpenWork(
    db,
    orgId,
    today,
    scope.personId === undefined ? {} : { assigneeId: scope.personId },
  );
  return scheduleOf(work, today);
}
