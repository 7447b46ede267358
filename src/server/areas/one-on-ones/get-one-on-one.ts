import type { Actor } from '../../../core/actor';
import { addDaysIso } from '../../../core/people-side';
import type { OneOnOneDetail } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { today } from '../../providers/clock';
import { participantOf } from './access';
import { statusOfPairs } from './list-one-on-ones';
import { loadContext } from './load-context';
import { presentActionItem, presentMeeting, presentPair } from './present';
import * as repo from './repo';

/** A 1:1 for one of its two participants: meetings, action items that carry over until done, and context. */
export async function getOneOnOne(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  pairId: string,
): Promise<OneOnOneDetail> {
  const who = await participantOf(deps.db, actor, pairId);
  const day = today(deps.clock);
  const [status, meetings, actions, context] = await Promise.all([
    statusOfPairs(deps.db, who.orgId, [pairId]),
    repo.listMeetingsForReader(deps.db, who.orgId, who.personId, pairId),
    repo.listActionItemsForReader(
      deps.db,
      who.orgId,
      who.personId,
      pairId,
      `${addDaysIso(day, -30)}T00:00:00.000Z`,
    ),
    loadContext(deps.db, who.orgId, who.pair.report_id, day),
  ]);
  return {
    ...presentPair(who.pair, who.personId, status.get(pairId)!, day),
    meetings: meetings.map(presentMeeting),
    actionItems: actions.map(presentActionItem),
    context,
  };
}
