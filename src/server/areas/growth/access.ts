/**
 * Who sees and edits a growth plan. The skills to grow are the profile's growth goals (everyone reads
 * those); the plan around them — aspiration, mentor, milestones, evidence — is for the person, their
 * management chain, their mentor, owners and leaders. The mentor reads the plan and keeps its
 * milestones; everyone else who reads it may also edit it.
 */
import type { Actor } from '../../../core/actor';
import { can } from '../../../core/roles';
import type { DB } from '../../deps';
import { isAbove, loadReportingLines } from '../people/relations';

export interface GrowthAccess {
  canRead: boolean;
  canEdit: boolean;
  canEditMilestones: boolean;
}

export async function growthAccess(
  db: DB,
  actor: Actor,
  personId: string,
  mentorId: string | null,
): Promise<GrowthAccess> {
  const me = actor.personId;
  const isSelf = me !== null && me === personId;
  const isEditor =
    isSelf ||
    can(actor.role, 'people.write') ||
    (me !== null && isAbove(await loadReportingLines(db, actor.orgId), me, personId));
  const isMentor = me !== null && me === mentorId;
  return { canRead: isEditor || isMentor, canEdit: isEditor, canEditMilestones: isEditor || isMentor };
}
