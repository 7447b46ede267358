import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { revokeToken as revokeTokenRow } from './repo';

/** Revokes one of the caller's own tokens; someone else's answers 404 like an unknown id. */
export async function revokeToken(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string): Promise<void> {
  if (!(await revokeTokenRow(deps.db, actor.orgId, actor.userId, id, isoNow(deps.clock))))
    throw notFound('Token');
}
