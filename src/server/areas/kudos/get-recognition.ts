import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { recognition } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { findPersonRow } from '../people/repo';
import { presentKudos } from './present';
import * as repo from './repo';

/** What a person was recognised for: counts, values named, the latest kudos. Public within the organization. */
export async function getRecognition(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  personId: string,
): Promise<z.infer<typeof recognition>> {
  if (!(await findPersonRow(deps.db, actor.orgId, personId))) throw notFound('Person');
  const [counts, byValue, recent] = await Promise.all([
    repo.recognitionCounts(deps.db, actor.orgId, personId),
    repo.receivedByValue(deps.db, actor.orgId, personId),
    repo.listKudosRows(deps.db, actor.orgId, { personId }, { limit: 10, offset: 0 }),
  ]);
  return {
    personId,
    received: counts.received,
    givers: counts.givers,
    given: counts.given,
    helpedOthers: counts.helped,
    byValue: byValue.map((v) => ({ valueId: v.id, name: v.name, count: Number(v.n) })),
    recent: recent.map(presentKudos),
  };
}
