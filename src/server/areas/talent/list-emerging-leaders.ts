import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import {
  emergingLeadersRule,
  rankEmergingLeaders,
  type CandidateEvidence,
} from '../../../core/emerging-leaders';
import { addDaysIso } from '../../../core/people-side';
import type { emergingLeaders } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { today } from '../../providers/clock';
import { growthAccessWith } from '../growth/access';
import { listMentorLinks } from '../growth/repo';
import { listHelpingKudos } from '../kudos/repo';
import { countHeldMentoringMeetings } from '../one-on-ones/repo';
import { loadReportingLines } from '../people/relations';
import { talentScope } from './access';
import * as repo from './repo';

/**
 * A page of the people who act as leaders without the title, among those the caller reviews, with every
 * signal listed. A mentee is named only where the caller may read their growth plan (the mentor is part
 * of it); other plans are counted without a name.
 */
export async function listEmergingLeaders(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  range: { limit: number; offset: number },
): Promise<z.infer<typeof emergingLeaders>> {
  const scope = await talentScope(deps.db, actor);
  const since = addDaysIso(today(deps.clock), -180);
  const [{ people, accounts, leads }, mentors, kudos, meetings, goals, lines] = await Promise.all([
    repo.listPeopleForTalent(deps.db, actor.orgId),
    listMentorLinks(deps.db, actor.orgId),
    listHelpingKudos(deps.db, actor.orgId),
    countHeldMentoringMeetings(deps.db, actor.orgId, since),
    repo.listActiveGoalOwners(deps.db, actor.orgId),
    loadReportingLines(deps.db, actor.orgId),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const menteeName = (menteeId: string, mentorId: string) =>
    growthAccessWith(lines, actor, menteeId, mentorId).canRead ? (nameOf.get(menteeId) ?? '') : null;
  const titled = new Set<string>();
  for (const a of accounts)
    if (a.person_id !== null && ['owner', 'leader', 'manager'].includes(a.role)) titled.add(a.person_id);
  for (const l of leads) if (l.lead_id !== null) titled.add(l.lead_id);
  const reports = new Map<string, number>();
  for (const p of people) if (p.manager_id) reports.set(p.manager_id, (reports.get(p.manager_id) ?? 0) + 1);
  for (const [id, n] of reports) if (n >= 2) titled.add(id);

  const candidates: CandidateEvidence[] = people
    .filter((p) => scope.includes(p.id) && !titled.has(p.id))
    .map((p) => ({
      personId: p.id,
      mentees: mentors.filter((m) => m.mentor_id === p.id).map((m) => menteeName(m.person_id, p.id)),
      helpingKudosFrom: kudos.filter((k) => k.to_id === p.id).map((k) => nameOf.get(k.from_id) ?? ''),
      mentoringMeetings: Number(meetings.find((m) => m.manager_id === p.id)?.n ?? 0),
      goalsOwned: goals.filter((g) => g.owner_id === p.id).map((g) => g.title),
    }));
  const ranked = rankEmergingLeaders(candidates, (id) => nameOf.get(id) ?? '');
  const { limit, offset } = range;
  return {
    rule: emergingLeadersRule,
    items: ranked.slice(offset, offset + limit),
    total: ranked.length,
    limit,
    offset,
  };
}
