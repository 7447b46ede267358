/**
 * Project budgets: what has been logged and what the current plan still holds, at people's cost and
 * bill rates, against the project's budget in hours and money (core/budget.ts computes it).
 */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { budgetOutlook, type BudgetPerson } from '../../../core/budget';
import { notFound } from '../../../core/errors';
import { median } from '../../../core/forecast';
import type { Page } from '../../../core/schemas/common';
import type { forecastListQuery, ProjectBudget } from '../../../core/schemas/planning';
import { currentWindow, daysOffFrom } from '../../../core/workload';
import type { Deps } from '../../deps';
import { today as todayOf } from '../../providers/clock';
import { loadHistory } from '../forecasts/forecast-projects';
import { assertCanViewPlanning } from '../planning/access';
import { loadOpenWork, type OpenWork } from '../planning/load-open-work';
import { findProjectRow } from '../projects/repo';
import { remainingHours } from '../planning/snapshot';
import { listProjectTimeEntries } from './repo';

const LIVE = new Set(['planned', 'active', 'on_hold']);

async function budgetsOf(
  deps: Pick<Deps, 'db' | 'clock'>,
  orgId: string,
  work: OpenWork,
  projects: OpenWork['projects'],
): Promise<ProjectBudget[]> {
  const today = todayOf(deps.clock);
  const [entries, history] = await Promise.all([
    listProjectTimeEntries(
      deps.db,
      orgId,
      projects.map((p) => p.id),
    ),
    loadHistory(deps.db, orgId),
  ]);
  const ratio = median(history.organization) ?? 1;
  const people = new Map<string, BudgetPerson>(
    work.people.map((p) => [
      p.id,
      { costRate: p.costRate, billRate: p.billRate, daysOff: daysOffFrom(p.timeOff) },
    ]),
  );
  const average = (list: typeof work.people) =>
    list.length === 0
      ? { costRate: 0, billRate: 0 }
      : {
          costRate: list.reduce((s, p) => s + p.costRate, 0) / list.length,
          billRate: list.reduce((s, p) => s + p.billRate, 0) / list.length,
        };
  const orgAverage = average(work.people);
  const fallbackFor = (skillId: string | null, level: number | null) => {
    if (skillId === null) return orgAverage;
    const able = work.people.filter((p) =>
      p.skills.some((s) => s.skillId === skillId && s.level >= (level ?? 0)),
    );
    return able.length > 0 ? average(able) : orgAverage;
  };
  return projects.map((project) => {
    const own = work.tasks.filter((t) => t.projectId === project.id);
    const logged = entries.filter((e) => e.project_id === project.id);
    const outlook = budgetOutlook({
      today,
      budgetHours: project.budget_hours === null ? null : Number(project.budget_hours),
      budgetMoney: project.budget_money === null ? null : Number(project.budget_money),
      projectStart: project.start_date,
      entries: logged.map((e) => ({ personId: e.person_id, date: e.date, hours: Number(e.hours) })),
      openTasks: own.map((t) => ({
        personId: t.assigneeId,
        hours: remainingHours(t),
        window: t.assigneeId !== null ? currentWindow(t.plannedStart, t.plannedEnd, today) : null,
        ...(t.layout ? { layout: t.layout } : {}),
        fallback: fallbackFor(t.skillId, t.minLevel),
      })),
      people,
      ratio,
      // no open work left after some was done; a project nobody has worked on is not finished
      isFinished:
        project.status === 'done' ||
        project.status === 'cancelled' ||
        (own.length === 0 && logged.length > 0),
    });
    return {
      projectId: project.id,
      projectName: project.name,
      budgetHours: project.budget_hours === null ? null : Number(project.budget_hours),
      budgetMoney: project.budget_money === null ? null : Number(project.budget_money),
      ...outlook,
    };
  });
}

export async function getProjectBudget(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  projectId: string,
): Promise<ProjectBudget> {
  // looked up first: a project of another organization answers 404 to every role, as any foreign id does
  if (!(await findProjectRow(deps.db, actor.orgId, projectId))) throw notFound('Project');
  assertCanViewPlanning(actor);
  const work = await loadOpenWork(deps.db, actor.orgId, todayOf(deps.clock));
  const project = work.projects.find((p) => p.id === projectId);
  if (!project) throw notFound('Project');
  const [budget] = await budgetsOf(deps, actor.orgId, work, [project]);
  return budget!;
}

/** A page of the budget summaries of the projects you manage (or of every live one), most burnt first. */
export async function listBudgets(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  query: z.output<typeof forecastListQuery>,
): Promise<Page<Omit<ProjectBudget, 'series'>>> {
  assertCanViewPlanning(actor);
  const work = await loadOpenWork(deps.db, actor.orgId, todayOf(deps.clock));
  const projects = work.projects.filter(
    (p) =>
      LIVE.has(p.status) &&
      (query.scope === 'all' || (actor.personId !== null && p.manager_id === actor.personId)),
  );
  const items = (await budgetsOf(deps, actor.orgId, work, projects)).map(({ series: _s, ...rest }) => rest);
  items.sort(
    (a, b) =>
      (b.burn ?? -1) - (a.burn ?? -1) ||
      a.projectName.localeCompare(b.projectName) ||
      (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0),
  );
  const { limit, offset } = query;
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}
