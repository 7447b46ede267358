/**
 * How much a plan run changes the organization's plan, read from its stored proposals: of the placed
 * tasks that have a person today, how many the plan gives to someone else, and how many keep their
 * person but move; of the unassigned ones, how many get a person.
 */
import type { DB } from '../src/server/deps';
import { listProposalRows } from '../src/server/areas/planning/repo';

export interface PlanChanges {
  /** Placed tasks with a person in the current plan. */
  assigned: number;
  changedPerson: number;
  /** Share of `assigned` that changes person, in % with one decimal. */
  changedPersonPct: number;
  changedDatesOnly: number;
  unassigned: number;
  newlyAssigned: number;
}

export async function countChanges(db: DB, orgId: string, runId: string): Promise<PlanChanges> {
  const out: PlanChanges = {
    assigned: 0,
    changedPerson: 0,
    changedPersonPct: 0,
    changedDatesOnly: 0,
    unassigned: 0,
    newlyAssigned: 0,
  };
  const limit = 5000;
  for (let offset = 0; ; offset += limit) {
    const { rows, total } = await listProposalRows(
      db,
      orgId,
      runId,
      { changedOnly: false },
      { limit, offset },
    );
    for (const row of rows) {
      if (row.unplaceable !== null) continue;
      if (row.current_person_id === null) {
        out.unassigned++;
        if (row.proposed_person_id !== null) out.newlyAssigned++;
        continue;
      }
      out.assigned++;
      if (row.proposed_person_id !== row.current_person_id) out.changedPerson++;
      else if (Number(row.is_changed) === 1) out.changedDatesOnly++;
    }
    if (offset + limit >= total) break;
  }
  out.changedPersonPct = out.assigned === 0 ? 0 : Math.round((1000 * out.changedPerson) / out.assigned) / 10;
  return out;
}
