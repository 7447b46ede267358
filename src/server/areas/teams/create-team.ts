import type { Actor } from '../../../core/actor';
import { forbidden, invalid } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Deps } from '../../deps';
import { newId } from '../../providers/ids';
import { findPersonRow } from '../people/repo';
import { presentTeam } from './present-team';
import * as repo from './repo';

export async function createTeam(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { name: string; leadId?: string | null | undefined },
) {
  if (!can(actor.role, 'teams.write')) throw forbidden('Only owners and leaders manage teams');
  const leadId = input.leadId ?? null;
  if (leadId !== null && !(await findPersonRow(deps.db, actor.orgId, leadId)))
    throw invalid('body.leadId', 'no such person in this organization');
  const id = newId();
  await repo.insertTeam(deps.db, { id, orgId: actor.orgId, name: input.name, leadId });
  return presentTeam({ id, name: input.name, lead_id: leadId, member_count: 0, version: 1 });
}
