import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Deps } from '../../deps';
import { clearTeamLead } from '../teams/repo';
import * as repo from './repo';

/**
 * Removes a profile. The database does the rest (see the spine migration): skills, growth goals, time
 * off and time entries go with it; reports, accounts, goals, projects, tasks and clients lose the link.
 */
export async function deletePerson(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<void> {
  if (!(await repo.findPersonRow(deps.db, actor.orgId, id))) throw notFound('Person');
  if (!can(actor.role, 'people.write')) throw forbidden('Only owners and leaders remove people');
  await deps.db.transaction().execute(async (trx) => {
    await clearTeamLead(trx, actor.orgId, id);
    if (!(await repo.deletePersonRow(trx, actor.orgId, id))) throw notFound('Person');
  });
}
