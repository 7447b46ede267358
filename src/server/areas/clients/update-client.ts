import type { Actor } from '../../../core/actor';
import { forbidden, invalid, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Deps } from '../../deps';
import { findPersonRow } from '../people/repo';
import { checkVersion, checkWritten } from '../versions';
import { presentClient } from './present-client';
import * as repo from './repo';

export async function updateClient(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
  input: { name?: string | undefined; ownerId?: string | null | undefined; version?: number | undefined },
) {
  const existing = await repo.findClientRow(deps.db, actor.orgId, id);
  if (!existing) throw notFound('Client');
  if (!can(actor.role, 'clients.write')) throw forbidden('Your role does not manage clients');
  if (input.ownerId && !(await findPersonRow(deps.db, actor.orgId, input.ownerId)))
    throw invalid('body.ownerId', 'no such person in this organization');
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
  };
  if (Object.keys(patch).length === 0) checkVersion('client', existing.version, input.version);
  else {
    const isWritten = await repo.updateClient(deps.db, actor.orgId, id, patch, input.version);
    await checkWritten(
      isWritten,
      'client',
      async () => (await repo.findClientRow(deps.db, actor.orgId, id))?.version,
    );
  }
  const row = await repo.findClient(deps.db, actor.orgId, id);
  if (!row) throw notFound('Client');
  return presentClient(row);
}
