/**
 * The workload heatmap: hours planned per person per week (the current plan: assignees and planned
 * dates, remaining hours as the applied plan laid them or else spread over the person's working days,
 * as core/workload.ts says) against
 * their capacity that week (time off removed; days before today do not count), and skill demand
 * against supply per week (bottleneck skills).
 */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import type { Workload, workloadQuery } from '../../../core/schemas/planning';
import { currentWindow, daysOffFrom, hoursPerDayOf, isPersonWorking, layHours } from '../../../core/workload';
import { addDays, dayNumber, weekStart } from '../../../core/workdays';
import type { Deps } from '../../deps';
import { today as todayOf } from '../../providers/clock';
import { invalid } from '../../../core/errors';
import { findExistingIds } from '../references/repo';
import { assertCanViewPlanning } from '../planning/access';
import { loadOpenWork } from '../planning/load-open-work';
import { remainingHours } from '../planning/snapshot';

const round1 = (x: number) => Math.round(x * 10) / 10;

export async function getWorkload(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  query: z.output<typeof workloadQuery>,
): Promise<Workload> {
  assertCanViewPlanning(actor);
  if (
    query.teamId !== undefined &&
    !(await findExistingIds(deps.db, actor.orgId, 'teams', [query.teamId])).has(query.teamId)
  )
    throw invalid('querystring.teamId', 'no such team in this organization');
  const today = todayOf(deps.clock);
  const first = weekStart(query.from ?? today);
  const weeks = Array.from({ length: query.weeks }, (_, i) => addDays(first, 7 * i));
  const end = addDays(first, 7 * query.weeks - 1);
  const weekIndex = (date: string) => {
    const i = Math.floor((dayNumber(date) - dayNumber(first)) / 7);
    return i >= 0 && i < weeks.length ? i : -1;
  };
  const work = await loadOpenWork(deps.db, actor.orgId, today);
  const todayDay = dayNumber(today);

  const people = work.people.filter((p) => query.teamId === undefined || p.teamId === query.teamId);
  const rows = new Map(
    people.map((p) => {
      const daysOff = daysOffFrom(p.timeOff);
      const hoursPerDay = hoursPerDayOf(p.capacityHoursPerWeek);
      const capacity = weeks.map(() => 0);
      const timeOffDays = weeks.map(() => 0);
      for (let d = dayNumber(first); d <= dayNumber(end); d++) {
        const iso = addDays(first, d - dayNumber(first));
        const w = weekIndex(iso);
        const weekday = (d - dayNumber(first)) % 7 < 5;
        if (weekday && daysOff.has(iso)) timeOffDays[w]!++;
        if (d >= todayDay && isPersonWorking(daysOff, iso)) capacity[w]! += hoursPerDay;
      }
      return [
        p.id,
        {
          person: p,
          daysOff,
          row: {
            personId: p.id,
            name: p.name,
            teamId: p.teamId,
            capacityHoursPerWeek: p.capacityHoursPerWeek,
            capacity: capacity.map(round1),
            planned: weeks.map(() => 0),
            timeOffDays,
            taskCount: weeks.map(() => 0),
          },
        },
      ] as const;
    }),
  );

  // skill supply: the capacity of everyone (whatever the team filter) who has the skill
  const supply = new Map<string, number[]>();
  for (const p of work.people) {
    const daysOff = daysOffFrom(p.timeOff);
    const hoursPerDay = hoursPerDayOf(p.capacityHoursPerWeek);
    const perWeek = weeks.map(() => 0);
    for (let d = Math.max(dayNumber(first), todayDay); d <= dayNumber(end); d++) {
      const iso = addDays(first, d - dayNumber(first));
      if (isPersonWorking(daysOff, iso)) perWeek[weekIndex(iso)]! += hoursPerDay;
    }
    for (const s of p.skills) {
      const list = supply.get(s.skillId) ?? weeks.map(() => 0);
      perWeek.forEach((h, i) => (list[i]! += h));
      supply.set(s.skillId, list);
    }
  }
  const demand = new Map<string, number[]>();
  const unscheduledBySkill = new Map<string, number>();
  let unscheduledTasks = 0;
  let unscheduledHours = 0;
  const peopleById = new Map(work.people.map((p) => [p.id, p]));
  for (const task of work.tasks) {
    const hours = remainingHours(task);
    const window = currentWindow(task.plannedStart, task.plannedEnd, today);
    if (window === null || task.assigneeId === null) {
      unscheduledTasks++;
      unscheduledHours += hours;
    }
    if (window === null) {
      if (task.skillId)
        unscheduledBySkill.set(task.skillId, (unscheduledBySkill.get(task.skillId) ?? 0) + hours);
      continue;
    }
    const assignee = task.assigneeId === null ? undefined : peopleById.get(task.assigneeId);
    const daysOff = assignee
      ? (rows.get(assignee.id)?.daysOff ?? daysOffFrom(assignee.timeOff))
      : new Set<string>();
    const entry = assignee ? rows.get(assignee.id) : undefined;
    const touched = new Set<number>();
    layHours(hours, window, daysOff, task.layout, (date, h) => {
      const w = weekIndex(date);
      if (w < 0) return;
      if (entry) {
        entry.row.planned[w]! += h;
        touched.add(w);
      }
      if (task.skillId) {
        const list = demand.get(task.skillId) ?? weeks.map(() => 0);
        list[w]! += h;
        demand.set(task.skillId, list);
      }
    });
    if (entry) for (const w of touched) entry.row.taskCount[w]!++;
  }

  const skills = work.skills
    .filter((s) => demand.has(s.id) || unscheduledBySkill.has(s.id))
    .map((s) => ({
      skillId: s.id,
      name: s.name,
      demand: (demand.get(s.id) ?? weeks.map(() => 0)).map(round1),
      supply: (supply.get(s.id) ?? weeks.map(() => 0)).map(round1),
      unscheduledHours: round1(unscheduledBySkill.get(s.id) ?? 0),
    }))
    .sort((a, b) => ratio(b) - ratio(a) || a.name.localeCompare(b.name));

  return {
    weeks,
    people: [...rows.values()].map(({ row }) => ({ ...row, planned: row.planned.map(round1) })),
    skills,
    unscheduled: { tasks: unscheduledTasks, hours: round1(unscheduledHours) },
  };
}

/** The worst week's demand against supply (a skill nobody has counts as the worst). */
function ratio(skill: { demand: number[]; supply: number[] }): number {
  let worst = 0;
  skill.demand.forEach((d, i) => {
    const s = skill.supply[i]!;
    worst = Math.max(worst, s > 0 ? d / s : d > 0 ? Infinity : 0);
  });
  return worst;
}
