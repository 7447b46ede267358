/**
 * A proposal collapsed by project or by person, so a manager reviews a few dozen groups instead of
 * thousands of rows: per group, how many tasks change and what the changes buy, the group's hours late
 * before and after, and (by person) the tasks that come and go and their overload before and after.
 */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { notFound } from '../../../core/errors';
import { noChanges, sayGroupTrade } from '../../../core/plan-trade';
import type { PlanGroup, PlanGroups, planGroupsQuery } from '../../../core/schemas/planning';
import { assertCanSeeRun } from './access';
import { changeReasonOf } from './list-proposals';
import * as repo from './repo';
import * as runs from './repo-runs';
import type { PlanningDeps } from './start-plan-run';

type Group = Omit<PlanGroup, 'summary'>;

function emptyGroup(key: string | null, name: string): Group {
  return {
    key,
    name,
    tasks: 0,
    changes: 0,
    pending: 0,
    unplaceable: 0,
    arriving: 0,
    leaving: 0,
    reasons: noChanges(),
    lateTasksBefore: 0,
    lateTasksAfter: 0,
    lateHoursBefore: 0,
    lateHoursAfter: 0,
    overloadBefore: 0,
    overloadAfter: 0,
  };
}

/** The per-person overload the run stored with its figures: person id → [current, proposed] hours. */
function storedOverload(figures: string | null): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  if (figures === null) return out;
  try {
    const parsed = JSON.parse(figures) as { overloadByPerson?: unknown };
    const byPerson = parsed.overloadByPerson;
    if (byPerson && typeof byPerson === 'object')
      for (const [id, pair] of Object.entries(byPerson as Record<string, unknown>))
        if (Array.isArray(pair) && typeof pair[0] === 'number' && typeof pair[1] === 'number')
          out.set(id, [pair[0], pair[1]]);
  } catch {
    // a run without stored figures shows no overload
  }
  return out;
}

/** Adds one row's facts to a group; `side` says how the row touches a person's group. */
function count(group: Group, fact: repo.ProposalFact, side: 'both' | 'arriving' | 'leaving' | 'stays') {
  const changed = Number(fact.is_changed) === 1;
  group.tasks++;
  if (fact.unplaceable !== null) group.unplaceable++;
  if (changed) {
    group.changes++;
    if (fact.applied_at === null) group.pending++;
    const reason = changeReasonOf(fact.change_reason);
    // by person, a task that arrives is counted once as arriving, not by why it left its person
    if (reason !== null && side !== 'arriving') group.reasons[reason]++;
  }
  if (side === 'arriving') group.arriving++;
  if (side === 'leaving') group.leaving++;
  const before = Number(fact.current_late_hours);
  const after = Number(fact.proposed_late_hours);
  // a task's lateness belongs to whoever has it in that plan
  if (side !== 'arriving') {
    group.lateHoursBefore += before;
    if (before > 0) group.lateTasksBefore++;
  }
  if (side !== 'leaving') {
    group.lateHoursAfter += after;
    if (after > 0) group.lateTasksAfter++;
  }
}

export async function listPlanGroups(
  deps: PlanningDeps,
  actor: Actor,
  runId: string,
  query: z.output<typeof planGroupsQuery>,
): Promise<PlanGroups> {
  const run = await runs.findRunRow(deps.db, actor.orgId, runId);
  if (!run) throw notFound('Plan run');
  assertCanSeeRun(actor, run);
  const facts = await repo.listProposalFacts(deps.db, actor.orgId, runId);
  const groups = new Map<string | null, Group>();

  if (query.by === 'project') {
    const names = new Map((await repo.listProjectRows(deps.db, actor.orgId)).map((p) => [p.id, p.name]));
    for (const fact of facts) {
      const key = fact.project_id;
      let group = groups.get(key);
      if (!group) {
        group = emptyGroup(
          key,
          key === null ? 'Tasks on no project' : (names.get(key) ?? 'A deleted project'),
        );
        groups.set(key, group);
      }
      count(group, fact, 'both');
    }
  } else {
    const ids = facts.flatMap((f) => [f.current_person_id, f.proposed_person_id]);
    const names = await repo.personNames(
      deps.db,
      actor.orgId,
      ids.filter((x): x is string => x !== null),
    );
    const groupOf = (key: string | null) => {
      let group = groups.get(key);
      if (!group) {
        group = emptyGroup(key, key === null ? 'Nobody' : (names.get(key) ?? 'Someone removed'));
        groups.set(key, group);
      }
      return group;
    };
    for (const fact of facts) {
      const now = fact.current_person_id;
      const next = fact.unplaceable !== null ? now : fact.proposed_person_id;
      if (now === next) count(groupOf(now), fact, 'stays');
      else {
        count(groupOf(now), fact, 'leaving');
        count(groupOf(next), fact, 'arriving');
      }
    }
    for (const [id, [before, after]] of storedOverload(run.figures)) {
      const group = groups.get(id);
      if (!group) continue;
      group.overloadBefore = before;
      group.overloadAfter = after;
    }
  }

  const out = [...groups.values()].map((g) => ({
    ...g,
    lateHoursBefore: Math.round(g.lateHoursBefore * 10) / 10,
    lateHoursAfter: Math.round(g.lateHoursAfter * 10) / 10,
    summary: sayGroupTrade({
      changes: g.reasons,
      lateHoursBefore: g.lateHoursBefore,
      lateHoursAfter: g.lateHoursAfter,
      ...(query.by === 'person'
        ? {
            arriving: g.arriving,
            leaving: g.leaving,
            overloadBefore: g.overloadBefore,
            overloadAfter: g.overloadAfter,
          }
        : {}),
    }),
  }));
  // the groups with most to review first; then by name
  out.sort((a, b) => b.pending - a.pending || b.changes - a.changes || a.name.localeCompare(b.name));
  return { by: query.by, groups: out };
}
