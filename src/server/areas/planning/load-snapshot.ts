/** Reads what a plan is made from (snapshot.ts) out of the database, for one scope. */
import { layoutHolds, type TaskLayout } from '../../../core/workload';
import { addDays, nextWorkday } from '../../../core/workdays';
import type { DB } from '../../deps';
import { holidayCalendar } from '../../providers/holidays';
import { listPlanPeople } from '../growth/repo';
import { findOrganizationRegion } from '../holidays/repo';
import * as repo from './repo';
import {
  hashOf,
  remainingHours,
  type PlanSnapshot,
  type SnapshotPerson,
  type SnapshotTask,
} from './snapshot';

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function parseDaily(json: string): [string, number][] | null {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return null;
    const out: [string, number][] = [];
    for (const entry of value) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number') return null;
      out.push([entry[0], entry[1]]);
    }
    return out;
  } catch {
    return null;
  }
}

/** The stored layouts of applied plans (task_layouts), by task. */
export async function loadLayouts(db: DB, orgId: string): Promise<Map<string, TaskLayout>> {
  const out = new Map<string, TaskLayout>();
  for (const row of await repo.listTaskLayoutRows(db, orgId)) {
    const daily = parseDaily(row.daily);
    if (daily === null) continue; // unreadable: the even spread applies
    out.set(row.task_id, {
      personId: row.person_id,
      start: row.planned_start,
      end: row.planned_end,
      hours: Number(row.hours),
      finishHour: Number(row.finish_hour),
      startHour: row.start_hour === null ? undefined : Number(row.start_hour),
      daily,
    });
  }
  return out;
}

/** `{ layout }` when the stored layout still describes the task (see `layoutHolds`), else `{}`. */
export function heldLayout(
  layout: TaskLayout | undefined,
  task: { assigneeId: string | null; plannedStart: string | null; plannedEnd: string | null },
  hours: number,
  today: string,
): { layout?: TaskLayout } {
  return layoutHolds(layout, task, hours, today) ? { layout } : {};
}

/**
 * Everyone's planning profile: capacity, rates, skills, growth goals, passions and days off — their
 * time off and the public holidays of their region (their own, else the organization's), as one list
 * of ranges, so every reader of days off (the planner, the schedule, budgets, the forecast) counts
 * holidays without knowing about them.
 */
export async function loadPeople(db: DB, orgId: string, today: string): Promise<SnapshotPerson[]> {
  const [people, skills, growth, timeOff, plans, orgRegion] = await Promise.all([
    repo.listPeopleRows(db, orgId),
    repo.listPersonSkillRows(db, orgId),
    repo.listGrowthGoalRows(db, orgId),
    repo.listTimeOffRows(db, orgId),
    listPlanPeople(db, orgId),
    findOrganizationRegion(db, orgId),
  ]);
  const from = addDays(today, -HOLIDAYS_BEFORE_DAYS);
  const to = addDays(today, HOLIDAYS_AFTER_DAYS);
  const holidaysOf = (region: string | null) =>
    region === null
      ? []
      : holidayCalendar.between(region, from, to).map((h) => ({ startDate: h.date, endDate: h.date }));
  const withPlan = new Set(plans.map((p) => p.person_id));
  const group = <T extends { person_id: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r]);
    return map;
  };
  const skillsOf = group(skills);
  const growthOf = group(growth);
  const offOf = group(timeOff);
  return people.map((p) => {
    const person = {
      id: p.id,
      name: p.name,
      capacityHoursPerWeek: Number(p.capacity_hours_per_week),
      costRate: Number(p.cost_rate),
      billRate: Number(p.bill_rate),
      skills: (skillsOf.get(p.id) ?? []).map((s) => ({ skillId: s.skill_id, level: Number(s.level) })),
      growthGoals: (growthOf.get(p.id) ?? []).map((g) => ({
        skillId: g.skill_id,
        targetLevel: Number(g.target_level),
      })),
      passions: parseList(p.passions),
      timeOff: [
        ...(offOf.get(p.id) ?? []).map((t) => ({ startDate: t.start_date, endDate: t.end_date })),
        ...holidaysOf(p.holiday_region ?? orgRegion),
      ],
      hasGrowthPlan: withPlan.has(p.id),
    };
    return {
      ...person,
      hash: hashOf([
        person.capacityHoursPerWeek,
        person.costRate,
        person.billRate,
        person.skills,
        person.growthGoals,
        person.passions,
        person.timeOff,
        person.hasGrowthPlan,
      ]),
    };
  });
}

/**
 * Holidays are read from a year before today (the workload view's past weeks, overdue work) to three
 * years ahead (long plans); stored time off is read whole.
 */
const HOLIDAYS_BEFORE_DAYS = 366;
const HOLIDAYS_AFTER_DAYS = 3 * 366;

export function toSnapshotTask(
  row: repo.OpenTaskRow,
  loggedHours: number,
  dependsOn: string[],
): SnapshotTask {
  const task = {
    id: row.id,
    title: row.title,
    projectId: row.project_id,
    estimateHours: row.estimate_hours === null ? null : Number(row.estimate_hours),
    loggedHours,
    skillId: row.skill_id,
    minLevel: row.min_level === null ? null : Number(row.min_level),
    deadline: row.deadline,
    assigneeId: row.assignee_id,
    status: row.status,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    pinned: Number(row.pinned) === 1,
    dependsOn,
  };
  return {
    ...task,
    // what the plan depends on, and what applying it would overwrite (not the time logged)
    hash: hashOf([
      task.projectId,
      task.estimateHours,
      task.skillId,
      task.minLevel,
      task.deadline,
      task.assigneeId,
      task.status,
      task.plannedStart,
      task.plannedEnd,
      task.pinned,
      task.dependsOn,
    ]),
  };
}

export async function loadSnapshot(
  db: DB,
  orgId: string,
  scopeProjectIds: string[] | null,
  today: string,
): Promise<PlanSnapshot> {
  const [skills, people, projects, scopeRows, assignedRows, layouts] = await Promise.all([
    repo.listSkillRows(db, orgId),
    loadPeople(db, orgId, today),
    repo.listProjectRows(db, orgId),
    repo.listOpenTasksInScope(db, orgId, scopeProjectIds),
    repo.listAssignedOpenTasks(db, orgId),
    loadLayouts(db, orgId),
  ]);
  // a stable order (not by random ids), so the same data gives the same plan
  scopeRows.sort(
    (a, b) =>
      (a.project_name ?? '').localeCompare(b.project_name ?? '') ||
      Number(a.position) - Number(b.position) ||
      a.created_at.localeCompare(b.created_at) ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id),
  );
  const inScope = new Set(scopeRows.map((r) => r.id));
  const commitmentRows = assignedRows.filter((r) => !inScope.has(r.id));
  const ids = scopeRows.map((r) => r.id);
  const [dependencies, logged] = await Promise.all([
    repo.listDependencyRows(db, orgId, ids),
    repo.loggedHoursOf(db, orgId, [...ids, ...commitmentRows.map((r) => r.id)]),
  ]);
  const dependsOn = new Map<string, string[]>();
  for (const d of dependencies)
    dependsOn.set(d.task_id, [...(dependsOn.get(d.task_id) ?? []), d.depends_on_id]);
  const outsideIds = [...new Set(dependencies.map((d) => d.depends_on_id).filter((id) => !inScope.has(id)))];
  const outside = await repo.listOpenTasksById(db, orgId, outsideIds);
  const tasks = scopeRows.map((r) => {
    const task = toSnapshotTask(r, logged.get(r.id) ?? 0, dependsOn.get(r.id) ?? []);
    return { ...task, ...heldLayout(layouts.get(r.id), task, remainingHours(task), today) };
  });
  const usedProjects = new Set([...scopeRows, ...commitmentRows].map((r) => r.project_id));
  return {
    today,
    startDate: nextWorkday(today),
    scopeProjectIds,
    skills: skills.map((s) => ({ id: s.id, name: s.name })),
    people,
    projects: projects
      .filter((p) => usedProjects.has(p.id) || scopeProjectIds?.includes(p.id))
      .map((p) => ({
        id: p.id,
        name: p.name,
        startDate: p.start_date,
        deadline: p.deadline,
        managerId: p.manager_id,
      })),
    tasks,
    commitments: commitmentRows.map((r) => {
      const hours = remainingHours({
        estimateHours: r.estimate_hours === null ? null : Number(r.estimate_hours),
        loggedHours: logged.get(r.id) ?? 0,
      });
      const placement = {
        assigneeId: r.assignee_id,
        plannedStart: r.planned_start,
        plannedEnd: r.planned_end,
      };
      return {
        taskId: r.id,
        title: r.title,
        personId: r.assignee_id!,
        plannedStart: r.planned_start,
        plannedEnd: r.planned_end,
        hours,
        skillId: r.skill_id,
        ...heldLayout(layouts.get(r.id), placement, hours, today),
      };
    }),
    outsideTasks: outside.map((t) => ({ id: t.id, title: t.title, plannedEnd: t.planned_end })),
  };
}
