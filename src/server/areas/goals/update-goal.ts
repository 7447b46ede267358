import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { forbidden, invalid, notFound } from '../../../core/errors';
import { goalDetail, type updateGoalBody } from '../../../core/schemas/spine';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import { checkWritten } from '../versions';
import { mayEditGoal } from './access';
import { getGoal } from './get-goal';
import * as repo from './repo';
import { validateGoalLinks } from './validate-goal-links';

export async function updateGoal(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateGoalBody>,
) {
  const row = await repo.findGoal(deps.db, actor.orgId, id);
  if (!row) throw notFound('Goal');
  if (!mayEditGoal(actor, row)) throw forbidden('Only the goal owner, managers and leaders edit a goal');
  const kind = input.kind ?? row.kind;
  if (
    kind === 'key_result' &&
    row.kind !== 'key_result' &&
    (await repo.listChildren(deps.db, actor.orgId, id)).length > 0
  ) {
    throw invalid('body.kind', 'this goal has goals beneath it, so it cannot become a key result');
  }
  const parentId = input.parentId === undefined ? row.parent_id : input.parentId;
  if (kind === 'key_result' && !parentId)
    throw invalid('body.parentId', 'a key result belongs to an objective: give parentId');
  const { parent } = await validateGoalLinks(
    deps.db,
    actor.orgId,
    { kind, pillarId: input.pillarId, parentId: input.parentId, ownerId: input.ownerId },
    id,
  );
  // a goal beneath another lives in its parent's pillar; only top-level objectives choose one
  const pillarId = parent
    ? parent.pillar_id
    : parentId
      ? row.pillar_id
      : input.pillarId === undefined
        ? row.pillar_id
        : input.pillarId;
  // the answer is made before the commit: an edit whose answer cannot be made is not kept either
  return deps.db.transaction().execute(async (trx) => {
    const isWritten = await repo.updateGoal(
      trx,
      actor.orgId,
      id,
      {
        kind,
        parent_id: parentId,
        pillar_id: pillarId,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
        ...(input.horizon !== undefined ? { horizon: input.horizon } : {}),
        ...(input.isStretch !== undefined ? { is_stretch: input.isStretch ? 1 : 0 } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.progressSource !== undefined ? { progress_source: input.progressSource } : {}),
        ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
        ...(input.metricStart !== undefined ? { metric_start: input.metricStart } : {}),
        ...(input.metricTarget !== undefined ? { metric_target: input.metricTarget } : {}),
        ...(input.metricCurrent !== undefined ? { metric_current: input.metricCurrent } : {}),
        ...(input.metricUnit !== undefined ? { metric_unit: input.metricUnit } : {}),
        updated_at: isoNow(deps.clock),
      },
      input.version,
    );
    await checkWritten(isWritten, 'goal', async () => (await repo.findGoal(trx, actor.orgId, id))?.version);
    if (pillarId !== row.pillar_id) {
      const links = await repo.listParentLinks(trx, actor.orgId);
      const subtree: string[] = [];
      const stack = [id];
      while (stack.length > 0) {
        const at = stack.pop()!;
        for (const link of links) {
          if (link.parent_id !== at || subtree.includes(link.id)) continue;
          subtree.push(link.id);
          stack.push(link.id);
        }
      }
      await repo.setPillarOfGoals(trx, actor.orgId, subtree, pillarId);
    }
    // checked against the response schema here too: an answer it would refuse (a NaN) rolls back
    return goalDetail.parse(await getGoal({ db: trx }, actor, id));
  });
}
