/** Action items belong to the pair and carry over from 1:1 to 1:1 until someone marks them done. */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { invalid, notFound } from '../../../core/errors';
import type { createActionItemBody, updateActionItemBody } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { checkVersion, checkWritten } from '../versions';
import { participantOf, type Participant } from './access';
import { presentActionItem } from './present';
import * as repo from './repo';

const checkOwner = (who: Participant, ownerId: string) => {
  if (ownerId !== who.pair.manager_id && ownerId !== who.pair.report_id)
    throw invalid('body.ownerId', 'must be one of the two participants');
};

export async function addActionItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  pairId: string,
  input: z.output<typeof createActionItemBody>,
) {
  const who = await participantOf(deps.db, actor, pairId);
  checkOwner(who, input.ownerId);
  const meetingId = input.meetingId ?? null;
  if (
    meetingId !== null &&
    !(await repo.findMeetingForReader(deps.db, who.orgId, who.personId, pairId, meetingId))
  )
    throw invalid('body.meetingId', 'no such meeting in this 1:1');
  const row = {
    id: newId(),
    org_id: who.orgId,
    pair_id: pairId,
    meeting_id: meetingId,
    owner_id: input.ownerId,
    text: input.text,
    due_date: input.dueDate ?? null,
    done_at: null,
    created_by: who.personId,
    created_at: isoNow(deps.clock),
    version: 1,
  };
  await repo.insertActionItem(deps.db, row);
  return presentActionItem(row);
}

export async function updateActionItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  pairId: string,
  itemId: string,
  input: z.output<typeof updateActionItemBody>,
) {
  const who = await participantOf(deps.db, actor, pairId);
  const item = await repo.findActionItemForReader(deps.db, who.orgId, who.personId, pairId, itemId);
  if (!item) throw notFound('Action item');
  if (input.ownerId !== undefined) checkOwner(who, input.ownerId);
  const doneAt =
    input.isDone === undefined ? undefined : input.isDone ? (item.done_at ?? isoNow(deps.clock)) : null;
  const patch = {
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
    ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
    ...(doneAt !== undefined ? { done_at: doneAt } : {}),
  };
  if (Object.keys(patch).length === 0) checkVersion('action item', item.version, input.version);
  else {
    const isWritten = await repo.updateActionItemRow(deps.db, who.orgId, itemId, patch, input.version);
    await checkWritten(
      isWritten,
      'action item',
      async () =>
        (await repo.findActionItemForReader(deps.db, who.orgId, who.personId, pairId, itemId))?.version,
    );
  }
  const updated = await repo.findActionItemForReader(deps.db, who.orgId, who.personId, pairId, itemId);
  return presentActionItem(updated!);
}

export async function deleteActionItem(deps: Pick<Deps, 'db'>, actor: Actor, pairId: string, itemId: string) {
  const who = await participantOf(deps.db, actor, pairId);
  if (!(await repo.findActionItemForReader(deps.db, who.orgId, who.personId, pairId, itemId)))
    throw notFound('Action item');
  await repo.deleteActionItemRow(deps.db, who.orgId, itemId);
}
