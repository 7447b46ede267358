/**
 * The one door into a 1:1: only its two participants get through. Anyone else — an owner, a leader,
 * the manager's manager, another organization — gets 404, exactly as for a 1:1 that does not exist,
 * so not even its existence leaks.
 */
import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { DB } from '../../deps';
import * as repo from './repo';

export interface Participant {
  orgId: string;
  personId: string;
  pair: repo.PairRow;
  /** The other participant. */
  otherId: string;
}

/** Whether the actor is one of the people named (a 1:1's participants, as a change names them). */
export function isParticipant(actor: Actor, participantIds: readonly string[]): boolean {
  return actor.personId !== null && participantIds.includes(actor.personId);
}

export async function participantOf(db: DB, actor: Actor, pairId: string): Promise<Participant> {
  if (actor.personId === null) throw notFound('1:1');
  const pair = await repo.findPairForReader(db, actor.orgId, actor.personId, pairId);
  if (!pair) throw notFound('1:1');
  return {
    orgId: actor.orgId,
    personId: actor.personId,
    pair,
    otherId: pair.manager_id === actor.personId ? pair.report_id : pair.manager_id,
  };
}

export async function meetingOf(db: DB, who: Participant, meetingId: string) {
  const meeting = await repo.findMeetingForReader(db, who.orgId, who.personId, who.pair.id, meetingId);
  if (!meeting) throw notFound('Meeting');
  return meeting;
}
