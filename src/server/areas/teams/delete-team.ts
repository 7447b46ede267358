import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Deps } from '../../deps';
import * as repo from './repo';

/** Members of a deleted team stay in the organization without a team. */
export async function deleteTeam(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<void> {
  if (!(await repo.findTeamRow(deps.db, actor.orgId, id))) throw notFound('Team');
  if (!can(actor.role, 'teams.write')) throw forbidden('Only owners and leaders manage teams');
  if (!(await repo.deleteTeam(deps.db, actor.orgId, id))) throw notFound('Team');
}
