import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Deps } from '../../deps';
import * as repo from './repo';

/** Projects of a deleted client stay, without a client. */
export async function deleteClient(deps: Pick<Deps, 'db'>, actor: Actor, id: string): Promise<void> {
  if (!(await repo.findClientRow(deps.db, actor.orgId, id))) throw notFound('Client');
  if (!can(actor.role, 'clients.write')) throw forbidden('Your role does not manage clients');
  if (!(await repo.deleteClient(deps.db, actor.orgId, id))) throw notFound('Client');
}
