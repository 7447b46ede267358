import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Deps } from '../../deps';
import * as repo from './repo';

/** The giver takes kudos back; owners and leaders (people.write) remove any, e.g. one given by mistake. */
export async function deleteKudos(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<void> {
  const row = await repo.findKudosRow(deps.db, actor.orgId, id);
  if (!row) throw notFound('Kudos');
  if (row.from_id !== actor.personId && !can(actor.role, 'people.write'))
    throw forbidden('Only the giver, owners and leaders remove kudos');
  await repo.deleteKudosRow(deps.db, actor.orgId, id);
}
