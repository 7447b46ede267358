/**
 * The context a 1:1 opens with, about the report (or mentee): late and blocked tasks, this week's
 * workload against capacity, growth goals, and recent kudos. Everything here is already readable by
 * both participants elsewhere (tasks, profiles, the kudos feed); it is gathered, not revealed.
 */
import { addDaysIso, daysBetweenIso, weekOf } from '../../../core/people-side';
import type { oneOnOneContext } from '../../../core/schemas/people-side';
import type { z } from 'zod';
import type { DB } from '../../deps';
import { listRecentReceived } from '../kudos/repo';
import { findPersonRow } from '../people/repo';
import * as repo from './repo';

export type Context = z.infer<typeof oneOnOneContext>;

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}
function workdaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDaysIso(d, 1)) if (!isWeekend(d)) days.push(d);
  return days;
}
const round1 = (n: number) => Math.round(n * 10) / 10;

export async function loadContext(db: DB, orgId: string, personId: string, today: string): Promise<Context> {
  const weekStart = weekOf(today);
  const weekEnd = addDaysIso(weekStart, 6);
  const [person, late, blocked, planned, logged, timeOff, goals, kudos] = await Promise.all([
    findPersonRow(db, orgId, personId),
    repo.listLateTasksOf(db, orgId, personId, today, 8),
    repo.listBlockedTasksOf(db, orgId, personId, 8),
    repo.listPlannedOpenTasksOf(db, orgId, personId, weekStart, weekEnd),
    repo.loggedHoursBetween(db, orgId, personId, weekStart, weekEnd),
    repo.listTimeOffBetween(db, orgId, personId, weekStart, weekEnd),
    repo.listGrowthGoalsWithLevels(db, orgId, personId),
    listRecentReceived(db, orgId, personId, `${addDaysIso(today, -30)}T00:00:00.000Z`, 5),
  ]);
  const weekDays = workdaysBetween(weekStart, weekEnd);
  const offDays = new Set<string>();
  for (const t of timeOff) for (const d of weekDays) if (d >= t.start_date && d <= t.end_date) offDays.add(d);
  let plannedHours = 0;
  for (const task of planned) {
    if (task.planned_start === null || task.planned_end === null) continue;
    const remaining = Math.max(0, Number(task.estimate_hours ?? 0) - Number(task.logged ?? 0));
    const span = workdaysBetween(task.planned_start, task.planned_end);
    if (span.length === 0) continue;
    const inWeek = span.filter((d) => d >= weekStart && d <= weekEnd).length;
    plannedHours += (remaining * inWeek) / span.length;
  }
  const capacity = Number(person?.capacity_hours_per_week ?? 0);
  const taskOf = (row: (typeof late)[number]) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    deadline: row.deadline,
    projectId: row.project_id,
    projectName: row.project_name,
    daysLate: row.deadline !== null && row.deadline < today ? daysBetweenIso(row.deadline, today) : 0,
  });
  return {
    personId,
    lateTasks: late.map(taskOf),
    blockedTasks: blocked.map(taskOf),
    workload: {
      weekStart,
      plannedHours: round1(plannedHours),
      capacityHours: round1((capacity * (weekDays.length - offDays.size)) / Math.max(1, weekDays.length)),
      loggedHours: round1(logged),
      timeOffDays: offDays.size,
    },
    growthGoals: goals.map((g) => ({
      skillId: g.skill_id,
      skillName: g.name,
      level: Number(g.level ?? 0),
      targetLevel: Number(g.target_level),
    })),
    recentKudos: kudos.map((k) => ({
      id: k.id,
      fromId: k.from_id,
      message: k.message,
      valueName: k.value_name,
      createdAt: k.created_at,
    })),
  };
}
