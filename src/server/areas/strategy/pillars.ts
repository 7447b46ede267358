/** Strategic pillars (themes) under the vision. */
import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { PageQuery } from '../../../core/schemas/common';
import type { Deps } from '../../deps';
import { newId } from '../../providers/ids';
import { checkVersion, checkWritten } from '../versions';
import { loadOrgProgress } from './load-progress';
import * as repo from './repo';

type PillarRow = Awaited<ReturnType<typeof repo.listPillars>>[number];
const present = (row: PillarRow, progress: number | null) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  position: Number(row.position),
  progress,
  version: Number(row.version),
});

/** A page of the pillars with their progress, for GET /api/pillars. */
export async function listPillarPage(deps: Pick<Deps, 'db'>, actor: Actor, range: PageQuery) {
  const [{ rows, total }, progress] = await Promise.all([
    repo.listPillarPage(deps.db, actor.orgId, range),
    loadOrgProgress(deps.db, actor.orgId),
  ]);
  return {
    items: rows.map((row) => present(row, progress.pillars.get(row.id) ?? null)),
    total,
    limit: range.limit,
    offset: range.offset,
  };
}

async function getPillar(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const row = await repo.findPillar(deps.db, actor.orgId, id);
  if (!row) throw notFound('Pillar');
  const progress = await loadOrgProgress(deps.db, actor.orgId);
  return present(row, progress.pillars.get(row.id) ?? null);
}

export async function createPillar(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  input: { name: string; description: string; position?: number | undefined },
) {
  if (!can(actor.role, 'pillars.write')) throw forbidden('Only owners and leaders shape the pillars');
  const id = newId();
  const position = input.position ?? (await repo.nextPillarPosition(deps.db, actor.orgId));
  await repo.insertPillar(deps.db, {
    id,
    orgId: actor.orgId,
    name: input.name,
    description: input.description,
    position,
  });
  return getPillar(deps, actor, id);
}

export async function updatePillar(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
  input: {
    name?: string | undefined;
    description?: string | undefined;
    position?: number | undefined;
    version?: number | undefined;
  },
) {
  const existing = await repo.findPillar(deps.db, actor.orgId, id);
  if (!existing) throw notFound('Pillar');
  if (!can(actor.role, 'pillars.write')) throw forbidden('Only owners and leaders shape the pillars');
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.position !== undefined ? { position: input.position } : {}),
  };
  if (Object.keys(patch).length === 0) checkVersion('pillar', existing.version, input.version);
  else {
    const isWritten = await repo.updatePillar(deps.db, actor.orgId, id, patch, input.version);
    await checkWritten(
      isWritten,
      'pillar',
      async () => (await repo.findPillar(deps.db, actor.orgId, id))?.version,
    );
  }
  return getPillar(deps, actor, id);
}

/** Deleting a pillar keeps its objectives (they become unaligned) rather than losing them. */
export async function deletePillar(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  if (!(await repo.findPillar(deps.db, actor.orgId, id))) throw notFound('Pillar');
  if (!can(actor.role, 'pillars.write')) throw forbidden('Only owners and leaders shape the pillars');
  await repo.deletePillar(deps.db, actor.orgId, id);
}
