import type { Actor } from '../../../core/actor';
import type { Deps } from '../../deps';
import { presentClient } from './present-client';
import * as repo from './repo';

/** Every client of the organization with its project count. Everyone may read clients. */
export async function listClients(deps: Pick<Deps, 'db'>, actor: Actor) {
  return (await repo.listClients(deps.db, actor.orgId)).map(presentClient);
}
