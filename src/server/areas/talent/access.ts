/**
 * Who takes part in the talent review of whom: owners and leaders for everyone but themselves; anyone
 * else for the people below them in the reporting lines (their management chain). Never the person,
 * their peers or their reports.
 */
import type { Actor } from '../../../core/actor';
import { forbidden } from '../../../core/errors';
import { can } from '../../../core/roles';
import type { DB } from '../../deps';
import { everyoneBelow, isAbove, loadReportingLines } from '../people/relations';

export interface TalentScope {
  kind: 'organization' | 'chain';
  includes(personId: string): boolean;
}

export async function talentScope(db: DB, actor: Actor): Promise<TalentScope> {
  const me = actor.personId;
  if (can(actor.role, 'people.write')) return { kind: 'organization', includes: (id) => id !== me };
  if (me === null) throw forbidden('The talent review is for leaders and managers of the people in it');
  const below = everyoneBelow(await loadReportingLines(db, actor.orgId), me);
  if (below.size === 0) throw forbidden('The talent review is for leaders and managers of the people in it');
  return { kind: 'chain', includes: (id) => below.has(id) };
}

/** Whether the actor may see and place this one person (their chain, or owners and leaders). */
export async function canReview(db: DB, actor: Actor, personId: string): Promise<boolean> {
  if (actor.personId === personId) return false;
  if (can(actor.role, 'people.write')) return true;
  return isAbove(await loadReportingLines(db, actor.orgId), actor.personId, personId);
}
