/**
 * Who may hear that something in a 1:1 changed: its two participants, found through the same door as
 * every read (the writer is one of them, or the write was refused). A personal note has no audience:
 * not even the moment one is written may reach the other participant.
 */
import type { Actor } from '../../../core/actor';
import type { DB } from '../../deps';
import * as repo from './repo';

/** The participants' person ids, or null when the actor takes no part in the 1:1. */
export async function participantsOf(db: DB, actor: Actor, pairId: string): Promise<string[] | null> {
  if (actor.personId === null) return null;
  const pair = await repo.findPairForReader(db, actor.orgId, actor.personId, pairId);
  return pair ? [pair.manager_id, pair.report_id] : null;
}

/** Whether `noteId` is a shared note of the 1:1 the actor reads (a personal one, or none: false). */
export async function isSharedNote(db: DB, actor: Actor, pairId: string, noteId: string): Promise<boolean> {
  if (actor.personId === null) return false;
  return (await repo.findSharedNoteForReader(db, actor.orgId, actor.personId, pairId, noteId)) !== undefined;
}
