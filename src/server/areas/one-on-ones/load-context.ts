/**
 * The context a 1:1 opens with, about the report (or mentee): late and blocked tasks, this week's
 * workload against capacity, growth goals, and recent kudos. Everything here is already readable by
 * both participants elsewhere (tasks, profiles, the kudos feed); it is gathered, not revealed. The
 * week's planned hours and capacity come from the one schedule model, so they are the workload
 * heatmap's figures for the same person and week.
 */
import { addDaysIso, daysBetweenIso, weekOf } from '../../../core/people-side';
import { hoursBetween } from '../../../core/schedule';
import { capacityBetween, isPersonWorking } from '../../../core/workload';
import type { oneOnOneContext } from '../../../core/schemas/people-side';
import type { z } from 'zod';
import type { DB } from '../../deps';
import { listRecentReceived } from '../kudos/repo';
import { findPersonRow } from '../people/repo';
import { loadSchedule } from '../schedule/load-schedule';
import * as repo from './repo';

export type Context = z.infer<typeof oneOnOneContext>;

const round1 = (n: number) => Math.round(n * 10) / 10;

export async function loadContext(db: DB, orgId: string, personId: string, today: string): Promise<Context> {
  const weekStart = weekOf(today);
  const weekEnd = addDaysIso(weekStart, 6);
  const [person, late, blocked, schedule, logged, goals, kudos] = await Promise.all([
    findPersonRow(db, orgId, personId),
    repo.listLateTasksOf(db, orgId, personId, today, 8),
    repo.listBlockedTasksOf(db, orgId, personId, 8),
    loadSchedule(db, orgId, today, { personId }),
    repo.loggedHoursBetween(db, orgId, personId, weekStart, weekEnd),
    repo.listGrowthGoalsWithLevels(db, orgId, personId),
    listRecentReceived(db, orgId, personId, `${addDaysIso(today, -30)}T00:00:00.000Z`, 5),
  ]);
  const daysOff = schedule.daysOff.get(personId) ?? new Set<string>();
  let timeOffDays = 0;
  for (let d = weekStart; d <= weekEnd; d = addDaysIso(d, 1))
    if (daysOff.has(d) && isPersonWorking(new Set(), d)) timeOffDays++;
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
      plannedHours: round1(hoursBetween(schedule.hours.get(personId), weekStart, weekEnd)),
      capacityHours: round1(capacityBetween(capacity, daysOff, weekStart, weekEnd, today)),
      loggedHours: round1(logged),
      timeOffDays,
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
