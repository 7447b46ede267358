import type { Actor } from '../../../core/actor';
import { AppError, forbidden } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { Deps } from '../../deps';
import { newId } from '../../providers/ids';
import * as repo from './repo';

export async function createSkill(deps: Pick<Deps, 'db'>, actor: Actor, input: { name: string }) {
  if (!can(actor.role, 'skills.create')) throw forbidden('Only owners, leaders and managers add skills');
  const existing = await repo.findSkillByName(deps.db, actor.orgId, input.name);
  if (existing) {
    throw new AppError('conflict', `A skill named "${existing.name}" already exists`, {
      skillId: existing.id,
    });
  }
  const skill = { id: newId(), name: input.name };
  // The check above is case-insensitive; the table's unique index catches an exact-name race.
  if (!(await repo.insertSkill(deps.db, { ...skill, orgId: actor.orgId })))
    throw new AppError('conflict', `A skill named "${input.name}" already exists`);
  return skill;
}
