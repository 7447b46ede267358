/** Validates the ids a profile body refers to: all must exist in the caller's organization. */
import { invalid } from '../../../core/errors';
import type { DB } from '../../deps';
import { findExistingIds } from '../references/repo';
import { findTeamRow } from '../teams/repo';
import * as repo from './repo';

export interface ProfileReferences {
  /** The person being edited; absent when creating. */
  personId?: string;
  managerId?: string | null | undefined;
  teamId?: string | null | undefined;
  skills?: readonly { skillId: string }[] | undefined;
  growthGoals?: readonly { skillId: string }[] | undefined;
}

/** Walks up the chain from the new manager; reaching the person means the lines would form a cycle. */
function wouldManageThemself(
  managerOf: ReadonlyMap<string, string | null>,
  personId: string,
  managerId: string,
): boolean {
  const seen = new Set<string>();
  for (let current: string | null | undefined = managerId; current; current = managerOf.get(current)) {
    if (current === personId) return true;
    if (seen.has(current)) return false; // an older loop that does not pass through this person
    seen.add(current);
  }
  return false;
}

async function checkSkillList(
  db: DB,
  orgId: string,
  field: 'skills' | 'growthGoals',
  items: readonly { skillId: string }[] | undefined,
) {
  if (!items || items.length === 0) return;
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.skillId)) throw invalid(`body.${field}.${i}.skillId`, 'appears more than once');
    seen.add(item.skillId);
  });
  const existing = await findExistingIds(
    db,
    orgId,
    'skills',
    items.map((s) => s.skillId),
  );
  const missing = items.findIndex((s) => !existing.has(s.skillId));
  if (missing >= 0) throw invalid(`body.${field}.${missing}.skillId`, 'no such skill in this organization');
}

export async function checkProfileReferences(db: DB, orgId: string, refs: ProfileReferences): Promise<void> {
  const { managerId, teamId, personId } = refs;
  if (managerId) {
    if (managerId === personId) throw invalid('body.managerId', 'a person cannot be their own manager');
    if (!(await repo.findPersonRow(db, orgId, managerId)))
      throw invalid('body.managerId', 'no such person in this organization');
    if (personId) {
      const lines = await repo.listReportingLines(db, orgId);
      if (wouldManageThemself(new Map(lines.map((l) => [l.id, l.manager_id])), personId, managerId))
        throw invalid('body.managerId', 'this person already manages that person (directly or indirectly)');
    }
  }
  if (teamId && !(await findTeamRow(db, orgId, teamId)))
    throw invalid('body.teamId', 'no such team in this organization');
  await checkSkillList(db, orgId, 'skills', refs.skills);
  await checkSkillList(db, orgId, 'growthGoals', refs.growthGoals);
}
