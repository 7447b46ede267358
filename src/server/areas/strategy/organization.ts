/** The organization's vision statement and horizon. */
import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Deps } from '../../deps';
import { checkVersion, checkWritten } from '../versions';
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
    version: Number(org.version),
  };
}

export async function updateOrganization(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: {
    name?: string | undefined;
    vision?: string | undefined;
    visionHorizon?: string | undefined;
    version?: number | undefined;
  },
) {
  if (!can(actor.role, 'org.update')) throw forbidden('Only owners and leaders set the vision');
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.vision !== undefined ? { vision: input.vision } : {}),
    ...(input.visionHorizon !== undefined ? { vision_horizon: input.visionHorizon } : {}),
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
