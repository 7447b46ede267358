import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { createProjectBody, Project } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { isoNow, today } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { checkReferences } from '../references/check-references';
import { presentProject } from './present-projects';
import { insertProject, replaceProjectGoals, type ProjectRow } from './repo';

export type CreateProjectInput = z.output<typeof createProjectBody>;

/**
 * Creates a project and its goal links in one transaction. Without a managerId the creator manages it
 * (explicit null leaves it unmanaged): a manager who creates a project can then also edit it.
 */
export async function createProject(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: CreateProjectInput,
): Promise<Project> {
  if (!can(actor.role, 'projects.create'))
    throw forbidden('Only owners, leaders and managers create projects');
  const managerId = input.managerId === undefined ? actor.personId : input.managerId;
  await checkReferences(deps.db, actor.orgId, [
    { field: 'clientId', table: 'clients', value: input.clientId },
    { field: 'managerId', table: 'people', value: input.managerId },
    { field: 'goalIds', table: 'goals', value: input.goalIds },
  ]);
  const now = isoNow(deps.clock);
  const row: ProjectRow = {
    id: newId(),
    org_id: actor.orgId,
    name: input.name,
    description: input.description,
    client_id: input.clientId ?? null,
    manager_id: managerId,
    start_date: input.startDate ?? null,
    deadline: input.deadline ?? null,
    budget_hours: input.budgetHours ?? null,
    budget_money: input.budgetMoney ?? null,
    status: input.status,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertProject(trx, row);
    await replaceProjectGoals(trx, actor.orgId, row.id, input.goalIds);
  });
  return presentProject(deps.db, actor, row, today(deps.clock));
}
