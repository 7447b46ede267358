/** The role-aware home: leaders see the vision and goals, managers their projects and deadlines, everyone their work. */
import type { Actor } from '../../../core/actor';
import type { Home } from '../../../core/schemas/home';
import type { Deps } from '../../deps';
import { today as todayOf } from '../../providers/clock';
import type { OrgProgress } from '../../../core/progress';
import { notFound } from '../../../core/errors';
import { hoursBetween } from '../../../core/schedule';
import { capacityBetween } from '../../../core/workload';
import { loadSchedule } from '../schedule/load-schedule';
import { loadOrgProgress } from '../strategy/load-progress';
import * as strategyRepo from '../strategy/repo';
import { mayChangeTaskStatus } from '../tasks/access';
import * as repo from './repo';

const UPCOMING_DAYS = 14;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((day + 6) % 7));
}

type TaskRow = Awaited<ReturnType<typeof repo.listOpenTasksOf>>[number];
const glance = (actor: Actor, row: TaskRow, today: string) => ({
  id: row.id,
  title: row.title,
  status: row.status,
  deadline: row.deadline,
  projectId: row.project_id,
  projectName: row.project_name,
  assigneeName: row.assignee_name,
  isLate: row.status !== 'done' && row.deadline !== null && row.deadline < today,
  can: { changeStatus: mayChangeTaskStatus(actor, row, row.project_manager_id) },
});

async function leaderSection(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  orgProgress: Promise<OrgProgress>,
): Promise<Home['leader']> {
  const [org, pillars, rows, progress] = await Promise.all([
    strategyRepo.findOrganization(deps.db, actor.orgId),
    strategyRepo.listPillars(deps.db, actor.orgId),
    repo.loadLeaderRows(deps.db, actor.orgId),
    orgProgress,
  ]);
  if (!org) throw notFound('Organization');
  const confidence = new Map<string, number>();
  for (const c of rows.lastCheckIns) confidence.set(c.goal_id, c.confidence); // ordered by date: last wins
  // an objective without check-ins of its own reads the mean confidence of the goals beneath it
  const childrenOf = new Map<string, string[]>();
  for (const g of rows.goals)
    if (g.parent_id) childrenOf.set(g.parent_id, [...(childrenOf.get(g.parent_id) ?? []), g.id]);
  const confidenceOf = (id: string, depth = 0): number | null => {
    const own = confidence.get(id);
    if (own !== undefined) return own;
    if (depth > 10) return null;
    const known = (childrenOf.get(id) ?? [])
      .map((c) => confidenceOf(c, depth + 1))
      .filter((c): c is number => c !== null);
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
  };
  const withWork = new Set([
    ...rows.links.map((l) => l.goal_id),
    ...rows.directTasks.map((t) => t.goal_id as string),
  ]);
  const toGlance = (g: (typeof rows.goals)[number]) => ({
    id: g.id,
    title: g.title,
    kind: g.kind,
    progress: progress.goals.get(g.id) ?? null,
    isStretch: Number(g.is_stretch) === 1,
    horizon: g.horizon,
    ownerName: g.owner_name,
    lastConfidence: confidenceOf(g.id),
  });
  const objectives = rows.goals.filter((g) => g.parent_id === null && g.status === 'active');
  return {
    vision: org.vision,
    visionHorizon: org.vision_horizon,
    visionProgress: progress.vision,
    pillars: pillars.map((p) => ({
      id: p.id,
      name: p.name,
      progress: progress.pillars.get(p.id) ?? null,
      objectiveCount: objectives.filter((o) => o.pillar_id === p.id).length,
    })),
    objectives: objectives.map(toGlance),
    goalsWithoutWork: rows.goals
      .filter((g) => g.kind === 'key_result' && g.status === 'active' && !withWork.has(g.id))
      .map(toGlance),
    peopleCount: rows.peopleCount,
  };
}

async function managerSection(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  today: string,
  orgProgress: () => Promise<OrgProgress>,
): Promise<Home['manager']> {
  if (!actor.personId) return null;
  const projects = await repo.listManagedProjects(deps.db, actor.orgId, actor.personId);
  if (projects.length === 0 && actor.role !== 'manager') return null;
  const [open, progress] = await Promise.all([
    repo.listOpenTasksOfProjects(
      deps.db,
      actor.orgId,
      projects.map((p) => p.id),
    ),
    orgProgress(),
  ]);
  const horizon = addDays(today, UPCOMING_DAYS);
  return {
    projects: projects.map((p) => {
      const tasks = open.filter((t) => t.project_id === p.id);
      return {
        id: p.id,
        name: p.name,
        status: p.status,
        deadline: p.deadline,
        progress: progress.projects.get(p.id) ?? null,
        lateCount: tasks.filter((t) => t.deadline !== null && t.deadline < today).length,
        openCount: tasks.length,
        managerName: p.manager_name,
      };
    }),
    overdue: open
      .filter((t) => t.deadline !== null && t.deadline < today)
      .map((t) => glance(actor, t, today)),
    upcomingDeadlines: open
      .filter((t) => t.deadline !== null && t.deadline >= today && t.deadline <= horizon)
      .map((t) => glance(actor, t, today)),
    unassignedCount: open.filter((t) => t.assignee_id === null).length,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The person's week as the one schedule model has it: the same hours as the workload heatmap. */
async function myWeek(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  today: string,
  myTasks: readonly TaskRow[],
): Promise<Home['member']['week']> {
  const weekStart = mondayOf(today);
  const weekEnd = addDays(weekStart, 6);
  if (!actor.personId) return { weekStart, plannedHours: 0, capacityHours: 0, tasks: [] };
  const personId = actor.personId;
  const schedule = await loadSchedule(deps.db, actor.orgId, today, { personId });
  const person = schedule.work.people.find((p) => p.id === personId);
  const rows = new Map(myTasks.map((t) => [t.id, t]));
  const tasks = [...schedule.tasks.values()]
    .filter((s) => s.personId === personId && rows.has(s.taskId))
    .map((s) => ({ s, hours: s.daily.filter(([d]) => d <= weekEnd).reduce((sum, [, h]) => sum + h, 0) }))
    .filter(({ hours }) => hours > 0)
    .sort((a, b) => a.s.start.date.localeCompare(b.s.start.date) || a.s.start.hour - b.s.start.hour);
  return {
    weekStart,
    plannedHours: round1(hoursBetween(schedule.hours.get(personId), weekStart, weekEnd)),
    capacityHours: round1(
      capacityBetween(
        person?.capacityHoursPerWeek ?? 0,
        schedule.daysOff.get(personId) ?? new Set(),
        weekStart,
        weekEnd,
        today,
      ),
    ),
    tasks: tasks.map(({ s, hours }) => ({
      ...glance(actor, rows.get(s.taskId)!, today),
      hours: round1(hours),
      start: s.start.date,
      finish: s.finish.date,
    })),
  };
}

export async function getHome(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<Home> {
  const today = todayOf(deps.clock);
  const isLeader = actor.role === 'owner' || actor.role === 'leader';
  // the roll-up reads the whole organization: load it at most once per request, and only when shown
  let progress: Promise<OrgProgress> | null = null;
  const orgProgress = () => (progress ??= loadOrgProgress(deps.db, actor.orgId));
  const [leader, manager, myTasks, doneThisWeek] = await Promise.all([
    isLeader ? leaderSection(deps, actor, orgProgress()) : Promise.resolve(null),
    actor.role === 'member' ? Promise.resolve(null) : managerSection(deps, actor, today, orgProgress),
    actor.personId ? repo.listOpenTasksOf(deps.db, actor.orgId, actor.personId, 50) : Promise.resolve([]),
    actor.personId
      ? repo.countDoneSince(deps.db, actor.orgId, actor.personId, mondayOf(today))
      : Promise.resolve(0),
  ]);
  const week = await myWeek(deps, actor, today, myTasks);
  return {
    role: actor.role,
    today,
    leader,
    manager,
    member: { myTasks: myTasks.map((t) => glance(actor, t, today)), doneThisWeek, week },
  };
}
