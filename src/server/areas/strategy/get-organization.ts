/** The organization: name, vision statement and horizon, its vision's progress, and its public holidays. */
import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import type { Organization } from '../../../core/schemas/spine';
import type { Deps } from '../../deps';
import { today } from '../../providers/clock';
import { holidaysOf } from '../holidays/holidays-of';
import { loadOrgProgress } from './load-progress';
import * as repo from './repo';

export async function getOrganization(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<Organization> {
  const org = await repo.findOrganization(deps.db, actor.orgId);
  if (!org) throw notFound('Organization');
  const progress = await loadOrgProgress(deps.db, actor.orgId);
  return presentOrganization(org, progress.vision, today(deps.clock));
}

/** The organization as every answer shows it (this one and the strategy map's). */
export function presentOrganization(
  org: repo.OrganizationRow,
  progress: number | null,
  today: string,
): Organization {
  return {
    id: org.id,
    name: org.name,
    vision: org.vision,
    visionHorizon: org.vision_horizon,
    progress,
    holidayRegion: org.holiday_region,
    holidays: holidaysOf(org.holiday_region, today),
    version: Number(org.version),
  };
}
