import type { Actor } from '../../../core/actor';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { revokeUserTokens } from './repo';

/** Revokes every token of the caller at once ("I pasted one somewhere"); answers how many. */
export async function revokeAllTokens(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<number> {
  return revokeUserTokens(deps.db, actor.userId, isoNow(deps.clock));
}
