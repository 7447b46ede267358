import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import type { Deps } from '../../deps';
import { newId } from '../../providers/ids';
import { profileAccess } from './access';
import { presentTimeOff } from './present-person';
import * as repo from './repo';

/** Records an absence (dates inclusive). Owners, leaders, the person's manager and the person may. */
export async function addTimeOff(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  personId: string,
  input: { startDate: string; endDate: string; reason: string },
) {
  const person = await repo.findPersonRow(deps.db, actor.orgId, personId);
  if (!person) throw notFound('Person');
  if (profileAccess(actor, person) === 'none')
    throw forbidden("Only owners, leaders, the person's manager or the person record time off");
  const row = {
    id: newId(),
    person_id: personId,
    start_date: input.startDate,
    end_date: input.endDate,
    reason: input.reason,
  };
  await repo.insertTimeOff(deps.db, {
    id: row.id,
    orgId: actor.orgId,
    personId,
    startDate: row.start_date,
    endDate: row.end_date,
    reason: row.reason,
  });
  return presentTimeOff(row);
}
