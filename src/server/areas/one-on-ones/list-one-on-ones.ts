import type { Actor } from '../../../core/actor';
import type { Page } from '../../../core/schemas/common';
import type { OneOnOne } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { today } from '../../providers/clock';
import { presentPair, type PairStatus } from './present';
import * as repo from './repo';

export async function statusOfPairs(db: Deps['db'], orgId: string, pairIds: readonly string[]) {
  const { held, upcoming, open } = await repo.pairStatus(db, orgId, pairIds);
  const status = new Map<string, PairStatus>(
    pairIds.map((id) => [id, { lastHeldOn: null, nextMeeting: null, openActionItems: 0 }]),
  );
  for (const h of held) status.get(h.pair_id)!.lastHeldOn = h.last === null ? null : String(h.last);
  for (const u of upcoming) {
    const s = status.get(u.pair_id)!;
    if (s.nextMeeting === null) s.nextMeeting = { id: u.id, date: u.date };
  }
  for (const o of open) status.get(o.pair_id)!.openActionItems = Number(o.n);
  return status;
}

/** The caller's own 1:1s — as a manager (or mentor) and as a report — and nobody else's. */
export async function listOneOnOnes(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { includeInactive: boolean; limit: number; offset: number },
): Promise<Page<OneOnOne>> {
  if (actor.personId === null) return { items: [], total: 0, limit: input.limit, offset: input.offset };
  const { rows, total } = await repo.listPairsForReader(deps.db, actor.orgId, actor.personId, input);
  const status = await statusOfPairs(
    deps.db,
    actor.orgId,
    rows.map((r) => r.id),
  );
  const day = today(deps.clock);
  return {
    items: rows.map((row) => presentPair(row, actor.personId!, status.get(row.id)!, day)),
    total,
    limit: input.limit,
    offset: input.offset,
  };
}
