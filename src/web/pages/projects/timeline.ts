/**
 * What the project timeline draws, from the one schedule model: open tasks sit where the schedule
 * puts them (the applied plan's own dates), and a dependency is broken only when the schedule says
 * the later task starts before the earlier one finishes — to the hour, so the planner's same-day
 * hand-offs are not flagged. Done tasks keep their planned dates; tasks without any are sized from
 * their deadline and estimate (8 h a day) and drawn as estimates.
 */
import type { ProjectSchedule } from '../../../core/schemas/schedule';
import type { Task } from '../../api/client';
import { addDays } from '../../lib/format';

export interface Bar {
  task: Task;
  start: string;
  end: string;
  /** Sized from the deadline and estimate, not planned. */
  isEstimated: boolean;
}

export interface Link {
  from: string;
  to: string;
  isBroken: boolean;
}

export function barOf(task: Task, schedule: ProjectSchedule | undefined): Bar | null {
  const scheduled = schedule?.tasks.find((s) => s.taskId === task.id);
  if (scheduled) return { task, start: scheduled.start.date, end: scheduled.finish.date, isEstimated: false };
  const days = Math.max(1, Math.ceil((task.estimateHours ?? 8) / 8));
  if (task.plannedStart && task.plannedEnd) {
    const [start, end] =
      task.plannedStart <= task.plannedEnd
        ? [task.plannedStart, task.plannedEnd]
        : [task.plannedEnd, task.plannedStart];
    return { task, start, end, isEstimated: false };
  }
  if (task.plannedStart)
    return { task, start: task.plannedStart, end: addDays(task.plannedStart, days - 1), isEstimated: true };
  const end = task.plannedEnd ?? task.deadline;
  if (!end) return null;
  return { task, start: addDays(end, -(days - 1)), end, isEstimated: !task.plannedEnd };
}

/** The dependencies between drawn tasks; broken only as the schedule says (a done task breaks none). */
export function linksOf(bars: readonly Bar[], schedule: ProjectSchedule | undefined): Link[] {
  const drawn = new Set(bars.map((b) => b.task.id));
  const broken = new Set(
    (schedule?.dependencies ?? []).filter((d) => d.isBroken).map((d) => `${d.dependsOnId}>${d.taskId}`),
  );
  return bars.flatMap((bar) =>
    bar.task.dependsOn
      .filter((from) => drawn.has(from))
      .map((from) => ({ from, to: bar.task.id, isBroken: broken.has(`${from}>${bar.task.id}`) })),
  );
}
