/**
 * Who may hear of a change: exactly who may read the record it names, by the same rules as the reads.
 * Nobody hears of another organization's records; a 1:1 reaches its two participants only; a plan run
 * its author and plans.any; the rest of what changes is read by everyone in the organization.
 */
import type { Actor } from '../../../core/actor';
import type { LiveEvent } from '../../../core/live';
import type { RecordChange } from '../../../core/schemas/live';
import { isParticipant } from '../one-on-ones/access';
import { maySeeRun } from '../planning/access';

export function mayReceive(actor: Actor, change: RecordChange): boolean {
  if (change.orgId !== actor.orgId) return false;
  switch (change.kind) {
    case 'one-on-one':
      return isParticipant(actor, change.personIds ?? []);
    case 'plan-run':
      return maySeeRun(actor, { created_by: change.authorId ?? null });
    case 'organization':
    case 'pillar':
    case 'goal':
    case 'project':
    case 'task':
    case 'time-entry':
    case 'person':
    case 'team':
    case 'client':
    case 'skill':
    case 'value':
    case 'kudos':
      // everyone signed in reads these (docs/permissions.md, docs/people-permissions.md)
      return true;
  }
}

/** What leaves the server: the kind and ids, none of what decided who receives it. */
export function eventOf(change: RecordChange): LiveEvent {
  return {
    kind: change.kind,
    id: change.id,
    ...(change.projectId === undefined ? {} : { projectId: change.projectId }),
  };
}
