import type { Actor } from '../../../core/actor';
import { addDaysIso, minPulseGroup, weekOf } from '../../../core/people-side';
import { aggregatePulse } from '../../../core/pulse';
import { can } from '../../../core/roles';
import type { PulseResults } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { today } from '../../providers/clock';
import * as repo from './repo';

/**
 * Pulse results of the last closed weeks, for everyone in the organization: only aggregates of groups
 * of at least five (the rule and its reasons are in src/core/pulse.ts). Owners and leaders also read
 * the last closed week's comments — unattributed, alphabetical, and only when at least five answered.
 */
export async function getPulseResults(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { weeks: number },
): Promise<PulseResults> {
  const currentPeriod = weekOf(today(deps.clock));
  const periods = Array.from({ length: input.weeks }, (_, k) =>
    addDaysIso(currentPeriod, -7 * (input.weeks - k)),
  );
  const [answers, teams] = await Promise.all([
    repo.listAnswersForPeriods(deps.db, actor.orgId, periods),
    repo.listTeamNames(deps.db, actor.orgId),
  ]);
  const results = aggregatePulse(
    answers.map((a) => ({
      period: a.period,
      teamId: a.team_id,
      energy: Number(a.energy),
      workload: Number(a.workload),
    })),
    periods,
    minPulseGroup,
  );
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const nameOf = (id: string) => teamName.get(id) ?? 'Former team';

  const groupKeys: (string | null)[] = [];
  for (const r of results)
    for (const g of r.groups) if (!groupKeys.includes(g.teamId)) groupKeys.push(g.teamId);
  groupKeys.sort((a, b) => (a === null ? 1 : b === null ? -1 : nameOf(a).localeCompare(nameOf(b))));

  const last = results[results.length - 1];
  const comments =
    can(actor.role, 'people.write') && last && last.organization !== null
      ? { period: last.period, items: await repo.listCommentsForPeriod(deps.db, actor.orgId, last.period) }
      : null;

  return {
    minGroupSize: minPulseGroup,
    currentPeriod,
    periods,
    organization: results.map((r) => ({ period: r.period, result: r.organization })),
    groups: groupKeys.map((teamId) => ({
      teamId,
      name: teamId === null ? 'Other teams' : nameOf(teamId),
      series: results.map((r) => {
        const group = r.groups.find((g) => g.teamId === teamId);
        return {
          period: r.period,
          result: group?.result ?? null,
          mergedTeamNames: (group?.mergedTeamIds ?? []).map(nameOf).sort(),
        };
      }),
    })),
    comments,
  };
}
