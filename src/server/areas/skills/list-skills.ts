import type { Actor } from '../../../core/actor';
import type { Deps } from '../../deps';
import * as repo from './repo';

/** The organization's skill catalogue, by name. Everyone may read it. */
export async function listSkills(deps: Pick<Deps, 'db'>, actor: Actor) {
  return repo.listSkills(deps.db, actor.orgId);
}
