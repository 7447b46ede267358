/**
 * Who sees and edits a growth plan. The skills to grow are the profile's growth goals (everyone reads
 * those); the plan around them — aspiration, mentor, milestones, evidence — is for the person, their
 * management chain, their mentor, owners and leaders. The mentor reads the plan and keeps its
 * milestones; everyone else who reads it may also edit it.
 */
import type { Actor } from '../../../core/actor';
import { can } from '../../../core/roles';
import type { DB } from '../../deps';
import { isAbove, loadReportingLines, type ReportingLines } from '../people/relations';

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
  const needsChain =
    actor.personId !== null && actor.personId !== personId && !can(actor.role, 'people.write');
  const lines = needsChain ? await loadReportingLines(db, actor.orgId) : null;
  return growthAccessWith(lines, actor, personId, mentorId);
}

/**
 * The same rule over reporting lines already loaded, for callers that ask about many plans at once
 * (the emerging leaders name a mentee only where the viewer may read the plan). Without `lines` the
 * chain counts for nothing, which errs on the side of refusing.
 */
export function growthAccessWith(
  lines: ReportingLines | null,
  actor: Actor,
  personId: string,
  mentorId: string | null,
): GrowthAccess {
  const me = actor.personId;
  const isSelf = me !== null && me === personId;
  const isEditor =
    isSelf ||
    can(actor.role, 'people.write') ||
    (me !== null && lines !== null && isAbove(lines, me, personId));
  const isMentor = me !== null && me === mentorId;
  return { canRead: isEditor || isMentor, canEdit: isEditor, canEditMilestones: isEditor || isMentor };
}
