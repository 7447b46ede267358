/** The organization's vision statement and horizon. */
import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Deps } from '../../deps';
import { loadOrgProgress } from './load-progress';
import * as repo from './repo';

export async function getOrganization(deps: Pick<Deps, 'db'>, actor: Actor) {
  const org = await repo.findOrganization(deps.db, actor.orgId);
  if (!org) throw notFound('Organization');
  const progress = await loadOrgProgress(deps.db, actor.orgId);
  return {
    id: org.id,
    name: org.name,
    vision: org.vision,
    visionHorizon: org.vision_horizon,
    progress: progress.vision,
  };
}

export async function updateOrganization(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { name?: string | undefined; vision?: string | undefined; visionHorizon?: string | undefined },
) {
  if (!can(actor.role, 'org.update')) throw forbidden('Only owners and leaders set the vision');
  await repo.updateOrganization(deps.db, actor.orgId, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.vision !== undefined ? { vision: input.vision } : {}),
    ...(input.visionHorizon !== undefined ? { vision_horizon: input.visionHorizon } : {}),
  });
  return getOrganization(deps, actor);
}
