/**
 * The workload heatmap: hours planned per person per week, read from the one schedule model
 * (areas/schedule, core/schedule.ts), against their capacity that week (days off removed; days before
 * today do not count), and skill demand against supply per week (bottleneck skills).
 */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import type { Workload, workloadQuery } from '../../../core/schemas/planning';
import { hoursPerDayOf, isPersonWorking } from '../../../core/workload';
import { addDays, dayNumber, weekStart } from '../../../core/workdays';
import type { Deps } from '../../deps';
import { today as todayOf } from '../../providers/clock';
import { invalid } from '../../../core/errors';
import { findExistingIds } from '../references/repo';
import { assertCanViewPlanning } from '../planning/access';
import { remainingHours } from '../planning/snapshot';
import { loadSchedule } from '../schedule/load-schedule';

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
  const schedule = await loadSchedule(deps.db, actor.orgId, today);
  const { work } = schedule;
  const todayDay = dayNumber(today);
  const daysOffOf = (personId: string) => schedule.daysOff.get(personId) ?? new Set<string>();

  const people = work.people.filter((p) => query.teamId === undefined || p.teamId === query.teamId);
  const rows = new Map(
    people.map((p) => {
      const daysOff = daysOffOf(p.id);
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
    const daysOff = daysOffOf(p.id);
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
  for (const task of work.tasks) {
    const scheduled = schedule.tasks.get(task.id);
    if (!scheduled || task.assigneeId === null) {
      unscheduledTasks++;
      unscheduledHours += remainingHours(task);
    }
    if (!scheduled) {
      if (task.skillId)
        unscheduledBySkill.set(
          task.skillId,
          (unscheduledBySkill.get(task.skillId) ?? 0) + remainingHours(task),
        );
      continue;
    }
    const entry = scheduled.personId === null ? undefined : rows.get(scheduled.personId);
    const touched = new Set<number>();
    for (const [date, h] of scheduled.daily) {
      const w = weekIndex(date);
      if (w < 0) continue;
      if (entry) {
        entry.row.planned[w]! += h;
        touched.add(w);
      }
      if (task.skillId) {
        const list = demand.get(task.skillId) ?? weeks.map(() => 0);
        list[w]! += h;
        demand.set(task.skillId, list);
      }
    }
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
