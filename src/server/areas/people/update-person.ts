import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { AppError, forbidden, notFound } from '../../../core/errors';
import type { Person, updatePersonBody } from '../../../core/schemas/people';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { touchGrowthPlan } from '../growth/repo';
import { checkHolidayRegion } from '../holidays/holidays-of';
import { checkWritten } from '../versions';
import { managedFields, profileAccess } from './access';
import { checkProfileReferences } from './check-references';
import { getPerson } from './get-person';
import * as repo from './repo';

export type UpdatePersonInput = z.output<typeof updatePersonBody>;

const currentValue = (row: repo.PersonRow, field: (typeof managedFields)[number]) => {
  switch (field) {
    case 'managerId':
      return row.manager_id;
    case 'teamId':
      return row.team_id;
    case 'capacityHoursPerWeek':
      return Number(row.capacity_hours_per_week);
    case 'costRate':
      return Number(row.cost_rate);
    case 'billRate':
      return Number(row.bill_rate);
    case 'holidayRegion':
      return row.holiday_region;
  }
};

export async function updatePerson(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: UpdatePersonInput,
): Promise<Person> {
  const row = await repo.findPersonRow(deps.db, actor.orgId, id);
  if (!row) throw notFound('Person');
  const access = profileAccess(actor, row);
  if (access === 'none')
    throw forbidden('Only owners, leaders, their manager or the person themself edit a profile');
  if (access === 'self') {
    // Sending an unchanged value is fine (forms send whole profiles); changing it is not.
    for (const field of managedFields) {
      const value = input[field];
      if (value !== undefined && value !== currentValue(row, field)) {
        throw new AppError('forbidden', `You cannot change your own ${field}; ask your manager or a leader`, {
          field: `body.${field}`,
        });
      }
    }
  }
  checkHolidayRegion('body.holidayRegion', input.holidayRegion);
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    await checkProfileReferences(trx, actor.orgId, { ...input, personId: id });
    const isWritten = await repo.updatePersonRow(
      trx,
      actor.orgId,
      id,
      {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.managerId !== undefined ? { manager_id: input.managerId } : {}),
        ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
        ...(input.capacityHoursPerWeek !== undefined
          ? { capacity_hours_per_week: input.capacityHoursPerWeek }
          : {}),
        ...(input.costRate !== undefined ? { cost_rate: input.costRate } : {}),
        ...(input.billRate !== undefined ? { bill_rate: input.billRate } : {}),
        ...(input.passions !== undefined ? { passions: JSON.stringify(input.passions) } : {}),
        ...(input.values !== undefined ? { person_values: JSON.stringify(input.values) } : {}),
        ...(input.holidayRegion !== undefined ? { holiday_region: input.holidayRegion } : {}),
        updated_at: now,
      },
      input.version,
    );
    await checkWritten(
      isWritten,
      'profile',
      async () => (await repo.findPersonRow(trx, actor.orgId, id))?.version,
    );
    if (input.skills !== undefined) await repo.replaceSkills(trx, actor.orgId, id, input.skills);
    if (input.growthGoals !== undefined) {
      await repo.replaceGrowthGoals(trx, actor.orgId, id, input.growthGoals);
      // the growth plan shows the same list as its skills: an open plan editor must see it moved on
      await touchGrowthPlan(trx, actor.orgId, id, now);
    }
  });
  return getPerson(deps, actor, id);
}
