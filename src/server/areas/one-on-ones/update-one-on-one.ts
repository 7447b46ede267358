import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { cadenceDays } from '../../../core/people-side';
import type { OneOnOneDetail, updateOneOnOneBody } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { checkWritten } from '../versions';
import { participantOf } from './access';
import { getOneOnOne } from './get-one-on-one';
import * as repo from './repo';

/** Either participant changes the cadence, or pauses the 1:1 (and resumes it). */
export async function updateOneOnOne(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  pairId: string,
  input: z.output<typeof updateOneOnOneBody>,
): Promise<OneOnOneDetail> {
  const who = await participantOf(deps.db, actor, pairId);
  const isWritten = await repo.updatePair(
    deps.db,
    who.orgId,
    who.personId,
    pairId,
    {
      ...(input.cadence !== undefined ? { cadence_days: cadenceDays[input.cadence] } : {}),
      ...(input.isActive !== undefined ? { is_active: input.isActive ? 1 : 0 } : {}),
      updated_at: isoNow(deps.clock),
    },
    input.version,
  );
  await checkWritten(
    isWritten,
    '1:1',
    async () => (await repo.findPairForReader(deps.db, who.orgId, who.personId, pairId))?.version,
  );
  return getOneOnOne(deps, actor, pairId);
}
