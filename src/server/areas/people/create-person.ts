import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { createPersonBody, Person } from '../../../core/schemas/people';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { checkHolidayRegion } from '../holidays/holidays-of';
import { checkProfileReferences } from './check-references';
import { getPerson } from './get-person';
import * as repo from './repo';

export type CreatePersonInput = z.output<typeof createPersonBody>;

export async function createPerson(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: CreatePersonInput,
): Promise<Person> {
  if (!can(actor.role, 'people.write')) throw forbidden('Only owners and leaders add people');
  checkHolidayRegion('body.holidayRegion', input.holidayRegion);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await checkProfileReferences(trx, actor.orgId, input);
    await repo.insertPerson(trx, {
      id,
      orgId: actor.orgId,
      name: input.name,
      email: input.email ?? null,
      title: input.title,
      managerId: input.managerId ?? null,
      teamId: input.teamId ?? null,
      capacityHoursPerWeek: input.capacityHoursPerWeek,
      costRate: input.costRate,
      billRate: input.billRate,
      passions: input.passions,
      values: input.values,
      holidayRegion: input.holidayRegion,
      now: isoNow(deps.clock),
    });
    await repo.replaceSkills(trx, actor.orgId, id, input.skills);
    await repo.replaceGrowthGoals(trx, actor.orgId, id, input.growthGoals);
  });
  return getPerson(deps, actor, id);
}
