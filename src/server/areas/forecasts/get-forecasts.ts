import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { Page } from '../../../core/schemas/common';
import type { forecastListQuery, ProjectForecast } from '../../../core/schemas/planning';
import type { Deps } from '../../deps';
import { today as todayOf } from '../../providers/clock';
import { assertCanViewPlanning } from '../planning/access';
import { findProjectRow } from '../projects/repo';
import { forecastProjects, loadForecastContext } from './forecast-projects';

const LIVE = new Set(['planned', 'active']);

/** One project's chance to meet its deadline, the tasks that drive the risk, and its task deadlines. */
export async function getProjectForecast(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  projectId: string,
): Promise<ProjectForecast> {
  // looked up first: a project of another organization answers 404 to every role, as any foreign id does
  if (!(await findProjectRow(deps.db, actor.orgId, projectId))) throw notFound('Project');
  assertCanViewPlanning(actor);
  const context = await loadForecastContext(deps.db, actor.orgId, todayOf(deps.clock));
  const project = context.schedule.work.projects.find((p) => p.id === projectId);
  if (!project) throw notFound('Project');
  const [result] = forecastProjects(context, [project], 500);
  return result!;
}

/** A page of the outlook of the projects you manage (or of every live project), riskiest first. */
export async function listForecasts(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  query: z.output<typeof forecastListQuery>,
): Promise<Page<Omit<ProjectForecast, 'taskDeadlines' | 'curve'>>> {
  assertCanViewPlanning(actor);
  const context = await loadForecastContext(deps.db, actor.orgId, todayOf(deps.clock));
  const projects = context.schedule.work.projects.filter(
    (p) =>
      LIVE.has(p.status) &&
      (query.scope === 'all' || (actor.personId !== null && p.manager_id === actor.personId)),
  );
  const items = forecastProjects(context, projects, 300).map(
    ({ taskDeadlines: _t, curve: _c, ...rest }) => rest,
  );
  items.sort(
    (a, b) =>
      (a.probability ?? 2) - (b.probability ?? 2) ||
      a.projectName.localeCompare(b.projectName) ||
      (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0),
  );
  const { limit, offset } = query;
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}
