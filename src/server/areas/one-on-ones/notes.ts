/**
 * 1:1 notes. Shared: both participants read them, each edits their own. Personal: only the author,
 * ever — they are written to a table of their own, read back only by a query keyed by the author, and
 * a personal note of the other participant answers 404 exactly like a note that does not exist.
 */
import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { checkWritten } from '../versions';
import { meetingOf, participantOf } from './access';
import { presentNote } from './present';
import * as repo from './repo';

export async function addNote(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  pairId: string,
  meetingId: string,
  input: { body: string; visibility: 'shared' | 'private' },
) {
  const who = await participantOf(deps.db, actor, pairId);
  await meetingOf(deps.db, who, meetingId);
  const now = isoNow(deps.clock);
  const row = {
    id: newId(),
    org_id: who.orgId,
    pair_id: pairId,
    meeting_id: meetingId,
    author_id: who.personId,
    body: input.body,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  if (input.visibility === 'private') await repo.insertPrivateNote(deps.db, row);
  else await repo.insertSharedNote(deps.db, row);
  return presentNote(row, input.visibility);
}

async function findOwnNote(deps: Pick<Deps, 'db'>, actor: Actor, pairId: string, noteId: string) {
  const who = await participantOf(deps.db, actor, pairId);
  const shared = await repo.findSharedNoteForReader(deps.db, who.orgId, who.personId, pairId, noteId);
  if (shared) {
    if (shared.author_id !== who.personId) throw forbidden('Only its author edits a note');
    return { who, note: shared, visibility: 'shared' as const };
  }
  const mine = await repo.findPrivateNoteOfAuthor(deps.db, who.orgId, who.personId, pairId, noteId);
  if (!mine) throw notFound('Note');
  return { who, note: mine, visibility: 'private' as const };
}

export async function updateNote(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  pairId: string,
  noteId: string,
  input: { body: string; version?: number | undefined },
) {
  const { who, visibility } = await findOwnNote(deps, actor, pairId, noteId);
  const patch = { body: input.body, updated_at: isoNow(deps.clock) };
  const find = visibility === 'private' ? repo.findPrivateNoteOfAuthor : repo.findSharedNoteForReader;
  const update = visibility === 'private' ? repo.updatePrivateNoteOfAuthor : repo.updateSharedNoteOfAuthor;
  const isWritten = await update(deps.db, who.orgId, who.personId, noteId, patch, input.version);
  const stored = () => find(deps.db, who.orgId, who.personId, pairId, noteId);
  await checkWritten(isWritten, 'note', async () => (await stored())?.version);
  const note = await stored();
  if (!note) throw notFound('Note'); // deleted in the meantime
  return presentNote(note, visibility);
}

export async function deleteNote(deps: Pick<Deps, 'db'>, actor: Actor, pairId: string, noteId: string) {
  const { who, visibility } = await findOwnNote(deps, actor, pairId, noteId);
  if (visibility === 'private')
    await repo.deletePrivateNoteOfAuthor(deps.db, who.orgId, who.personId, noteId);
  else await repo.deleteSharedNoteOfAuthor(deps.db, who.orgId, who.personId, noteId);
}
