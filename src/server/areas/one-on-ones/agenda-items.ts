/** Agenda items: both participants add them, tick them off as discussed, and remove their own. */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import type { updateAgendaItemBody } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { checkVersion, checkWritten } from '../versions';
import { meetingOf, participantOf } from './access';
import { presentAgendaItem } from './present';
import * as repo from './repo';

export async function addAgendaItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  pairId: string,
  meetingId: string,
  input: { text: string },
) {
  const who = await participantOf(deps.db, actor, pairId);
  await meetingOf(deps.db, who, meetingId);
  const row = {
    id: newId(),
    org_id: who.orgId,
    pair_id: pairId,
    meeting_id: meetingId,
    author_id: who.personId,
    source: 'person',
    text: input.text,
    is_discussed: 0,
    created_at: isoNow(deps.clock),
    version: 1,
  };
  await repo.insertAgendaItems(deps.db, [row]);
  return presentAgendaItem(row);
}

export async function updateAgendaItem(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  pairId: string,
  itemId: string,
  input: z.output<typeof updateAgendaItemBody>,
) {
  const who = await participantOf(deps.db, actor, pairId);
  const item = await repo.findAgendaItemForReader(deps.db, who.orgId, who.personId, pairId, itemId);
  if (!item) throw notFound('Agenda item');
  if (input.text !== undefined && item.author_id !== who.personId)
    throw forbidden('Only its author rewords an agenda item');
  const patch = {
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.isDiscussed !== undefined ? { is_discussed: input.isDiscussed ? 1 : 0 } : {}),
  };
  if (Object.keys(patch).length === 0) checkVersion('agenda item', item.version, input.version);
  else {
    const isWritten = await repo.updateAgendaItemRow(deps.db, who.orgId, itemId, patch, input.version);
    await checkWritten(
      isWritten,
      'agenda item',
      async () =>
        (await repo.findAgendaItemForReader(deps.db, who.orgId, who.personId, pairId, itemId))?.version,
    );
  }
  const updated = await repo.findAgendaItemForReader(deps.db, who.orgId, who.personId, pairId, itemId);
  return presentAgendaItem(updated!);
}

/** Its author removes an item; a pre-filled one (no author) either participant may remove. */
export async function deleteAgendaItem(deps: Pick<Deps, 'db'>, actor: Actor, pairId: string, itemId: string) {
  const who = await participantOf(deps.db, actor, pairId);
  const item = await repo.findAgendaItemForReader(deps.db, who.orgId, who.personId, pairId, itemId);
  if (!item) throw notFound('Agenda item');
  if (item.author_id !== null && item.author_id !== who.personId)
    throw forbidden('Only its author removes an agenda item');
  await repo.deleteAgendaItemRow(deps.db, who.orgId, itemId);
}
