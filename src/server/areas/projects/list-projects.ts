import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import type { Page } from '../../../core/schemas/common';
import type { Project, projectListQuery } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { today } from '../../providers/clock';
import { presentProjects } from './present-projects';
import { listProjectRows } from './repo';

export type ListProjectsQuery = z.output<typeof projectListQuery>;

/** A page of the organization's projects by name, filtered by status, manager, client or linked goal. */
export async function listProjects(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  query: ListProjectsQuery,
): Promise<Page<Project>> {
  const { limit, offset, ...filter } = query;
  const { rows, total } = await listProjectRows(deps.db, actor.orgId, filter, { limit, offset });
  const items = await presentProjects(deps.db, actor, rows, today(deps.clock));
  return { items, total, limit, offset };
}
