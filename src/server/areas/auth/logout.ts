import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { sha256 } from '../../providers/ids';
import { revokeSession } from './repo';

export async function logout(deps: Pick<Deps, 'db' | 'clock'>, sessionToken: string): Promise<void> {
  await revokeSession(deps.db, sha256(sessionToken), isoNow(deps.clock));
}
