import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { Project } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { today } from '../../providers/clock';
import { presentProject } from './present-projects';
import { findProjectRow } from './repo';

export async function getProject(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<Project> {
  const row = await findProjectRow(deps.db, actor.orgId, id);
  if (!row) throw notFound('Project');
  return presentProject(deps.db, actor, row, today(deps.clock));
}
