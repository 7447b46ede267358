import type { Actor } from '../../../core/actor';
import { forbidden, invalid } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Deps } from '../../deps';
import { newId } from '../../providers/ids';
import { findPersonRow } from '../people/repo';
import { presentClient } from './present-client';
import * as repo from './repo';

export async function createClient(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { name: string; ownerId?: string | null | undefined },
) {
  if (!can(actor.role, 'clients.write')) throw forbidden('Your role does not manage clients');
  const ownerId = input.ownerId ?? null;
  if (ownerId !== null && !(await findPersonRow(deps.db, actor.orgId, ownerId)))
    throw invalid('body.ownerId', 'no such person in this organization');
  const id = newId();
  await repo.insertClient(deps.db, { id, orgId: actor.orgId, name: input.name, ownerId });
  return presentClient({ id, name: input.name, owner_id: ownerId, project_count: 0, version: 1 });
}
