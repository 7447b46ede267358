import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, invalid } from '../../../core/errors';
import type { createKudosBody, Kudos } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { checkReferences } from '../references/check-references';
import { presentKudos } from './present';
import * as repo from './repo';

/** Anyone with a profile recognises anyone else in the organization, optionally for one of its values. */
export async function giveKudos(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: z.output<typeof createKudosBody>,
): Promise<Kudos> {
  if (actor.personId === null)
    throw forbidden('Kudos come from a person: link your account to a profile first');
  if (input.toId === actor.personId) throw invalid('body.toId', 'kudos go to someone else');
  await checkReferences(deps.db, actor.orgId, [{ field: 'toId', table: 'people', value: input.toId }]);
  const valueId = input.valueId ?? null;
  if (valueId !== null && !(await repo.findValueRow(deps.db, actor.orgId, valueId)))
    throw invalid('body.valueId', 'no such value in this organization');
  const row = {
    id: newId(),
    org_id: actor.orgId,
    from_id: actor.personId,
    to_id: input.toId,
    message: input.message,
    value_id: valueId,
    helped_others: input.helpedOthers ? 1 : 0,
    created_at: isoNow(deps.clock),
  };
  await repo.insertKudos(deps.db, row);
  return presentKudos(row);
}
