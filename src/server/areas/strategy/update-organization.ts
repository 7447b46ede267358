/** Renames the organization, sets its vision and horizon, and chooses whose public holidays are days off. */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Organization, updateOrganizationBody } from '../../../core/schemas/spine';
import type { Deps } from '../../deps';
import { checkHolidayRegion } from '../holidays/holidays-of';
import { checkVersion, checkWritten } from '../versions';
import { getOrganization } from './get-organization';
import * as repo from './repo';

export type UpdateOrganizationInput = z.output<typeof updateOrganizationBody>;

export async function updateOrganization(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: UpdateOrganizationInput,
): Promise<Organization> {
  if (!can(actor.role, 'org.update')) throw forbidden('Only owners and leaders change the organization');
  checkHolidayRegion('body.holidayRegion', input.holidayRegion);
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.vision !== undefined ? { vision: input.vision } : {}),
    ...(input.visionHorizon !== undefined ? { vision_horizon: input.visionHorizon } : {}),
    ...(input.holidayRegion !== undefined ? { holiday_region: input.holidayRegion } : {}),
  };
  const stored = async () => (await repo.findOrganization(deps.db, actor.orgId))?.version;
  if (Object.keys(patch).length === 0) {
    const version = await stored();
    if (version === undefined) throw notFound('Organization');
    checkVersion('organization', version, input.version);
  } else {
    const isWritten = await repo.updateOrganization(deps.db, actor.orgId, patch, input.version);
    await checkWritten(isWritten, 'organization', stored);
  }
  return getOrganization(deps, actor);
}
