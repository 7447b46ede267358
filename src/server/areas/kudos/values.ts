/**
 * The organization's values: the words kudos can be tied to. Everyone reads them; owners and leaders
 * (org.update, the same right as the vision) add, rename, reorder and remove them.
 */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { AppError, forbidden, notFound } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Page } from '../../../core/schemas/common';
import type { createOrgValueBody, orgValue, updateOrgValueBody } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { checkVersion, checkWritten } from '../versions';
import { presentValue } from './present';
import * as repo from './repo';

export async function listValues(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  range: { limit: number; offset: number },
): Promise<Page<z.infer<typeof orgValue>>> {
  const { rows, total } = await repo.listValueRows(deps.db, actor.orgId, range);
  return { items: rows.map(presentValue), total, limit: range.limit, offset: range.offset };
}

const taken = (field: string) =>
  new AppError('conflict', 'The organization already has a value with this name', {
    issues: [{ field, reason: 'already used' }],
  });

export async function createValue(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: z.output<typeof createOrgValueBody>,
) {
  if (!can(actor.role, 'org.update'))
    throw forbidden('Only owners and leaders edit the organization’s values');
  if (await repo.findValueByName(deps.db, actor.orgId, input.name)) throw taken('body.name');
  const id = newId();
  const position = await repo.nextValuePosition(deps.db, actor.orgId);
  await repo.insertValue(deps.db, { id, orgId: actor.orgId, ...input, position, now: isoNow(deps.clock) });
  return presentValue({
    id,
    name: input.name,
    description: input.description,
    position,
    kudos_count: 0,
    version: 1,
  });
}

export async function updateValue(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  id: string,
  input: z.output<typeof updateOrgValueBody>,
) {
  const existing = await repo.findValueRow(deps.db, actor.orgId, id);
  if (!existing) throw notFound('Value');
  if (!can(actor.role, 'org.update'))
    throw forbidden('Only owners and leaders edit the organization’s values');
  if (input.name !== undefined) {
    const other = await repo.findValueByName(deps.db, actor.orgId, input.name);
    if (other && other.id !== id) throw taken('body.name');
  }
  const patch = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.position !== undefined ? { position: input.position } : {}),
  };
  if (Object.keys(patch).length === 0) checkVersion('value', existing.version, input.version);
  else {
    const isWritten = await repo.updateValueRow(deps.db, actor.orgId, id, patch, input.version);
    await checkWritten(
      isWritten,
      'value',
      async () => (await repo.findValueRow(deps.db, actor.orgId, id))?.version,
    );
  }
  const row = await repo.findValueWithCount(deps.db, actor.orgId, id);
  if (!row) throw notFound('Value');
  return presentValue(row);
}

/** Kudos tied to a removed value keep their message; they simply name no value any more. */
export async function deleteValue(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  if (!(await repo.findValueRow(deps.db, actor.orgId, id))) throw notFound('Value');
  if (!can(actor.role, 'org.update'))
    throw forbidden('Only owners and leaders edit the organization’s values');
  if (!(await repo.deleteValueRow(deps.db, actor.orgId, id))) throw notFound('Value');
}
