import type { Actor } from '../../../core/actor';
import type { Deps } from '../../deps';
import { presentTeam } from './present-team';
import * as repo from './repo';

/** Every team of the organization with its member count. Everyone may read teams. */
export async function listTeams(deps: Pick<Deps, 'db'>, actor: Actor) {
  return (await repo.listTeams(deps.db, actor.orgId)).map(presentTeam);
}
