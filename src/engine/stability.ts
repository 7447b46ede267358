/**
 * The 'stability' objective (minimal perturbation of the plan in force, `Activity.current`): what
 * each activity adds to it, and the order in which the plan in force is rebuilt as the search's first
 * plan. See the `Objective` type for the rule.
 */
import type { Problem } from './compile';

/** What activity j adds to the stability objective with this person and start. */
export function stabilityOf(pr: Problem, j: number, person: number, start: number): number {
  let c = 0;
  const cur = pr.curPerson[j]!;
  if (cur >= 0 && person !== cur) c += pr.changeCost;
  const s = pr.curStart[j]!;
  if (s >= 0 && start > s) c += start - s;
  return c;
}

/**
 * Priority keys (lower first) for a list that rebuilds the plan in force: the current start, and for
 * an activity without one its latest start (`lft` less its work), so new work slots in by urgency.
 */
export function currentOrderKeys(pr: Problem, lft: Float64Array): Float64Array {
  const keys = new Float64Array(pr.n);
  for (let j = 0; j < pr.n; j++) {
    const s = pr.curStart[j]!;
    keys[j] = s >= 0 ? s : lft[j]! - pr.work[j]!;
  }
  return keys;
}
