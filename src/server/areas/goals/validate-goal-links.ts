/** Checks the references a goal makes (pillar, parent, owner) against the caller's organization. */
import { invalid } from '../../../core/errors';
import type { DB } from '../../deps';
import { checkReferences } from '../references/check-references';
import * as repo from './repo';

export async function validateGoalLinks(
  db: DB,
  orgId: string,
  input: {
    kind: string;
    pillarId?: string | null | undefined;
    parentId?: string | null | undefined;
    ownerId?: string | null | undefined;
  },
  selfId: string | null,
): Promise<{ parent: repo.GoalRow | null }> {
  await checkReferences(db, orgId, [
    { field: 'pillarId', table: 'pillars', value: input.pillarId },
    { field: 'ownerId', table: 'people', value: input.ownerId },
  ]);
  let parent: repo.GoalRow | null = null;
  if (input.parentId) {
    parent = (await repo.findGoal(db, orgId, input.parentId)) ?? null;
    if (!parent) throw invalid('body.parentId', 'no such goal in this organization');
    if (parent.kind === 'key_result')
      throw invalid('body.parentId', 'a key result cannot have goals beneath it');
    if (selfId !== null) {
      // re-parenting: the new parent may not be the goal itself or one of its descendants
      const links = await repo.listParentLinks(db, orgId);
      const parentOf = new Map(links.map((l) => [l.id, l.parent_id]));
      for (let at: string | null | undefined = parent.id; at; at = parentOf.get(at)) {
        if (at === selfId)
          throw invalid('body.parentId', 'a goal cannot sit beneath itself or one of its own goals');
      }
    }
  } else if (input.kind === 'key_result' && input.parentId !== undefined) {
    throw invalid('body.parentId', 'a key result belongs to an objective: give parentId');
  }
  return { parent };
}
