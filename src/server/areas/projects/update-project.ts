import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, notFound } from '../../../core/errors';
import type { updateProjectBody, Project } from '../../../core/schemas/work';
import type { Deps } from '../../deps';
import { isoNow, today } from '../../providers/clock';
import { mayWriteProject } from './access';
import { checkReferences } from '../references/check-references';
import { checkVersion, checkWritten } from '../versions';
import { presentProject } from './present-projects';
import { findProjectRow, replaceProjectGoals, updateProjectRow } from './repo';

export type UpdateProjectInput = z.output<typeof updateProjectBody>;

/** Changes the given fields (omitted ones stay); goalIds, when given, replaces the linked goals. */
export async function updateProject(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: UpdateProjectInput,
): Promise<Project> {
  const existing = await findProjectRow(deps.db, actor.orgId, id);
  if (!existing) throw notFound('Project');
  if (!mayWriteProject(actor, existing))
    throw forbidden("Only owners, leaders and the project's manager edit a project");
  await checkReferences(deps.db, actor.orgId, [
    { field: 'clientId', table: 'clients', value: input.clientId },
    { field: 'managerId', table: 'people', value: input.managerId },
    { field: 'goalIds', table: 'goals', value: input.goalIds },
  ]);
  const fields = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.clientId !== undefined && { client_id: input.clientId }),
    ...(input.managerId !== undefined && { manager_id: input.managerId }),
    ...(input.startDate !== undefined && { start_date: input.startDate }),
    ...(input.deadline !== undefined && { deadline: input.deadline }),
    ...(input.budgetHours !== undefined && { budget_hours: input.budgetHours }),
    ...(input.budgetMoney !== undefined && { budget_money: input.budgetMoney }),
    ...(input.status !== undefined && { status: input.status }),
  };
  const goalIds = input.goalIds;
  if (Object.keys(fields).length === 0 && goalIds === undefined) {
    checkVersion('project', existing.version, input.version);
  } else {
    await deps.db.transaction().execute(async (trx) => {
      const isWritten = await updateProjectRow(
        trx,
        actor.orgId,
        id,
        { ...fields, updated_at: isoNow(deps.clock) },
        input.version,
      );
      await checkWritten(
        isWritten,
        'project',
        async () => (await findProjectRow(trx, actor.orgId, id))?.version,
      );
      if (goalIds !== undefined) await replaceProjectGoals(trx, actor.orgId, id, goalIds);
    });
  }
  const row = await findProjectRow(deps.db, actor.orgId, id);
  if (!row) throw notFound('Project'); // deleted in the meantime
  return presentProject(deps.db, actor, row, today(deps.clock));
}
