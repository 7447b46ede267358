/**
 * Every open task of the organization (outside closed projects) with its remaining hours and
 * dependencies (and, while it holds, how the applied plan lays its hours on days), and everyone's
 * planning profile: what the workload view, budgets and the deadline forecast read.
 */
import type { DB } from '../../deps';
import { heldLayout, loadLayouts, loadPeople, toSnapshotTask } from './load-snapshot';
import * as repo from './repo';
import { remainingHours, type SnapshotPerson, type SnapshotTask } from './snapshot';

export interface OpenWork {
  skills: { id: string; name: string }[];
  people: (SnapshotPerson & { teamId: string | null })[];
  projects: repo.PlanningProjectRow[];
  tasks: SnapshotTask[];
}

/** The organization's open work, or only the tasks assigned to `scope.assigneeId`. */
export async function loadOpenWork(
  db: DB,
  orgId: string,
  today: string,
  scope: { assigneeId?: string } = {},
): Promise<OpenWork> {
  const [skills, people, teams, projects, rows, layouts] = await Promise.all([
    repo.listSkillRows(db, orgId),
    loadPeople(db, orgId, today),
    repo.listPeopleRows(db, orgId),
    repo.listProjectRows(db, orgId),
    repo.listAllOpenTasks(db, orgId, scope.assigneeId),
    loadLayouts(db, orgId),
  ]);
  const ids = rows.map((r) => r.id);
  const [dependencies, logged] = await Promise.all([
    repo.listDependencyRows(db, orgId, ids),
    repo.loggedHoursOf(db, orgId, ids),
  ]);
  const dependsOn = new Map<string, string[]>();
  for (const d of dependencies)
    dependsOn.set(d.task_id, [...(dependsOn.get(d.task_id) ?? []), d.depends_on_id]);
  const teamOf = new Map(teams.map((p) => [p.id, p.team_id]));
  return {
    skills: skills.map((s) => ({ id: s.id, name: s.name })),
    people: people.map((p) => ({ ...p, teamId: teamOf.get(p.id) ?? null })),
    projects,
    tasks: rows.map((r) => {
      const task = toSnapshotTask(r, logged.get(r.id) ?? 0, dependsOn.get(r.id) ?? []);
      return { ...task, ...heldLayout(layouts.get(r.id), task, remainingHours(task), today) };
    }),
  };
}
