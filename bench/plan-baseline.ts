/**
 * The baseline the planner is measured against: how common tools auto-schedule. Tasks are taken in
 * deadline order (a task waits until its predecessors are placed); each goes to the first person with
 * the skill at the level who is free earliest, one task at a time, working 8 hours a day Monday to
 * Friday from the day after their previous task and after the task's predecessors. It knows nothing of
 * part-time capacity, time off or other projects' planned work. Tasks in progress keep their assignee,
 * as they do for the planner.
 */
import type { ScheduledWork } from '../src/core/plan-figures';
import { HOURS_PER_DAY } from '../src/core/workload';
import { addWorkdays, nextWorkday, workdaysBetween } from '../src/core/workdays';
import { remainingHours, type PlanSnapshot } from '../src/server/areas/planning/snapshot';

export function baselineSchedule(snapshot: PlanSnapshot): ScheduledWork[] {
  const { startDate } = snapshot;
  const projects = new Map(snapshot.projects.map((p) => [p.id, p]));
  const deadlineOf = (t: PlanSnapshot['tasks'][number]) =>
    t.deadline ?? (t.projectId ? (projects.get(t.projectId)?.deadline ?? null) : null);
  const rank = new Map(snapshot.tasks.map((t, i) => [t.id, i]));
  const order = [...snapshot.tasks].sort(
    (a, b) =>
      (deadlineOf(a) ?? '9999').localeCompare(deadlineOf(b) ?? '9999') || rank.get(a.id)! - rank.get(b.id)!,
  );
  const inScope = new Set(order.map((t) => t.id));
  const freeFrom = new Map<string, number>(); // person -> first free period
  const finish = new Map<string, number>(); // task -> period after its last day
  const out: ScheduledWork[] = [];
  const placed = new Set<string>();
  const people = snapshot.people.filter((p) => p.capacityHoursPerWeek > 0);
  let pending = order;
  while (pending.length > 0) {
    const next: typeof pending = [];
    let progress = false;
    for (const task of pending) {
      const preds = task.dependsOn.filter((d) => inScope.has(d));
      if (!preds.every((d) => placed.has(d))) {
        next.push(task);
        continue;
      }
      progress = true;
      placed.add(task.id);
      const hours = remainingHours(task);
      const days = Math.max(1, Math.ceil(hours / HOURS_PER_DAY - 1e-9));
      let ready = 0;
      for (const d of preds) ready = Math.max(ready, finish.get(d) ?? 0);
      if (task.projectId) {
        const start = projects.get(task.projectId)?.startDate;
        if (start && start > startDate)
          ready = Math.max(ready, workdaysBetween(startDate, nextWorkday(start)));
      }
      let person: string | null = null;
      if (task.status === 'doing' && task.assigneeId !== null) person = task.assigneeId;
      else {
        let best = Infinity;
        for (const p of people) {
          const level = task.skillId === null ? 5 : p.skills.find((s) => s.skillId === task.skillId)?.level;
          if (level === undefined || level < (task.minLevel ?? 0)) continue;
          const free = freeFrom.get(p.id) ?? 0;
          if (free < best) {
            best = free;
            person = p.id;
          }
        }
      }
      if (person === null) {
        finish.set(task.id, ready);
        out.push({
          taskId: task.id,
          personId: null,
          window: null,
          hours,
          deadline: deadlineOf(task),
          skillId: task.skillId,
        });
        continue;
      }
      const start = Math.max(ready, freeFrom.get(person) ?? 0);
      freeFrom.set(person, start + days);
      finish.set(task.id, start + days);
      out.push({
        taskId: task.id,
        personId: person,
        window: { start: addWorkdays(startDate, start), end: addWorkdays(startDate, start + days - 1) },
        hours,
        deadline: deadlineOf(task),
        skillId: task.skillId,
      });
    }
    if (!progress) break; // a dependency cycle: the database refuses them
    pending = next;
  }
  return out;
}
