import type { Actor } from '../../../core/actor';
import { forbidden, invalid, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Deps } from '../../deps';
import { findPersonRow } from '../people/repo';
import { checkVersion, checkWritten } from '../versions';
import { presentTeam } from './present-team';
import * as repo from './repo';

export async function updateTeam(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
  input: { name?: string | undefined; leadId?: string | null | undefined; version?: number | undefined },
) {
  const existing = await repo.findTeamRow(deps.db, actor.orgId, id);
  if (!existing) throw notFound('Team');
  if (!can(actor.role, 'teams.write')) throw forbidden('Only owners and leaders manage teams');
  if (input.leadId && !(await findPersonRow(deps.db, actor.orgId, input.leadId)))
    throw invalid('body.leadId', 'no such person in this organization');
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.leadId !== undefined ? { lead_id: input.leadId } : {}),
  };
  if (Object.keys(patch).length === 0) checkVersion('team', existing.version, input.version);
  else {
    const isWritten = await repo.updateTeam(deps.db, actor.orgId, id, patch, input.version);
    await checkWritten(
      isWritten,
      'team',
      async () => (await repo.findTeamRow(deps.db, actor.orgId, id))?.version,
    );
  }
  const row = await repo.findTeam(deps.db, actor.orgId, id);
  if (!row) throw notFound('Team');
  return presentTeam(row);
}
