/** Growth-plan milestones: the plan's editors and the mentor add them, tick them off, and remove them. */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, invalid, notFound } from '../../../core/errors';
import type { createMilestoneBody, updateMilestoneBody } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { findExistingIds } from '../references/repo';
import { findPersonRow } from '../people/repo';
import { checkVersion, checkWritten } from '../versions';
import { growthAccess } from './access';
import { presentMilestone } from './present';
import * as repo from './repo';

async function authorize(deps: Pick<Deps, 'db'>, actor: Actor, personId: string) {
  if (!(await findPersonRow(deps.db, actor.orgId, personId))) throw notFound('Person');
  const plan = await repo.findGrowthPlanRow(deps.db, actor.orgId, personId);
  const access = await growthAccess(deps.db, actor, personId, plan?.mentor_id ?? null);
  if (!access.canEditMilestones)
    throw forbidden('The person, their management chain, their mentor, owners and leaders keep milestones');
}

async function checkSkill(deps: Pick<Deps, 'db'>, orgId: string, skillId: string | null | undefined) {
  if (skillId && !(await findExistingIds(deps.db, orgId, 'skills', [skillId])).has(skillId))
    throw invalid('body.skillId', 'no such skill in this organization');
}

export async function addMilestone(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  personId: string,
  input: z.output<typeof createMilestoneBody>,
) {
  await authorize(deps, actor, personId);
  await checkSkill(deps, actor.orgId, input.skillId);
  const now = isoNow(deps.clock);
  const row = {
    id: newId(),
    org_id: actor.orgId,
    person_id: personId,
    skill_id: input.skillId ?? null,
    title: input.title,
    due_date: input.dueDate ?? null,
    done_at: null,
    created_at: now,
    version: 1,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertMilestone(trx, row);
    await repo.touchGrowthPlan(trx, actor.orgId, personId, now);
  });
  return presentMilestone(row);
}

export async function updateMilestone(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  personId: string,
  milestoneId: string,
  input: z.output<typeof updateMilestoneBody>,
) {
  await authorize(deps, actor, personId);
  const row = await repo.findMilestone(deps.db, actor.orgId, personId, milestoneId);
  if (!row) throw notFound('Milestone');
  await checkSkill(deps, actor.orgId, input.skillId);
  const doneAt =
    input.isDone === undefined ? undefined : input.isDone ? (row.done_at ?? isoNow(deps.clock)) : null;
  const patch = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.skillId !== undefined ? { skill_id: input.skillId } : {}),
    ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
    ...(doneAt !== undefined ? { done_at: doneAt } : {}),
  };
  if (Object.keys(patch).length === 0) checkVersion('milestone', row.version, input.version);
  else {
    const isWritten = await repo.updateMilestoneRow(deps.db, actor.orgId, milestoneId, patch, input.version);
    await checkWritten(
      isWritten,
      'milestone',
      async () => (await repo.findMilestone(deps.db, actor.orgId, personId, milestoneId))?.version,
    );
  }
  return presentMilestone((await repo.findMilestone(deps.db, actor.orgId, personId, milestoneId))!);
}

export async function deleteMilestone(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  personId: string,
  milestoneId: string,
) {
  await authorize(deps, actor, personId);
  if (!(await repo.findMilestone(deps.db, actor.orgId, personId, milestoneId))) throw notFound('Milestone');
  await repo.deleteMilestoneRow(deps.db, actor.orgId, milestoneId);
}
