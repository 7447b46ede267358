/**
 * Pulse aggregation: the only way pulse answers ever leave the server. Pure, so the rule is tested on
 * its own (pulse.test.ts) and the server cannot show an answer any other way.
 *
 * The rule, per closed week:
 * - nothing at all is shown for a group of fewer than `minGroup` people (not even how many answered);
 * - a team is shown on its own when at least `minGroup` of its people answered; everyone else (smaller
 *   teams, no team) forms "Other teams", shown when it too reaches `minGroup`. When "Other teams" would
 *   have 1 to minGroup−1 people, the smallest shown team joins it, until it is large enough — otherwise
 *   "organization − the shown teams" would reveal the small remainder by subtraction;
 * - the shown groups always add up to the whole organization, so no subtraction of two shown numbers
 *   describes fewer than `minGroup` people.
 * Weeks are shown only once they are over (answers of a running week would change its numbers one
 * answer at a time), and answers are never deleted, so a shown week never changes.
 */

export interface PulseAnswer {
  period: string;
  teamId: string | null;
  energy: number;
  workload: number;
}

export interface PulseAggregate {
  respondents: number;
  /** Mean 1–5, one decimal. */
  energy: number;
  /** Mean 1–5 (3 = about right), one decimal. */
  workload: number;
  /** Share (0–1) who said their workload is too much or far too much. */
  overloadedShare: number;
  /** Share (0–1) who said they feel drained or low. */
  lowEnergyShare: number;
}

export interface PulseGroup {
  /** A team's id; null for "Other teams" (smaller teams and people without a team together). */
  teamId: string | null;
  /** The teams inside "Other teams" (empty for a single team). */
  mergedTeamIds: string[];
  result: PulseAggregate;
}

export interface PulsePeriodResult {
  period: string;
  /** The whole organization; null when fewer than minGroup answered. */
  organization: PulseAggregate | null;
  /** Shown groups; empty when only the organization as a whole can be shown. */
  groups: PulseGroup[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

export function aggregate(answers: readonly PulseAnswer[]): PulseAggregate {
  const n = answers.length;
  const sum = (f: (a: PulseAnswer) => number) => answers.reduce((s, a) => s + f(a), 0);
  return {
    respondents: n,
    energy: round1(sum((a) => a.energy) / n),
    workload: round1(sum((a) => a.workload) / n),
    overloadedShare: round2(sum((a) => (a.workload >= 4 ? 1 : 0)) / n),
    lowEnergyShare: round2(sum((a) => (a.energy <= 2 ? 1 : 0)) / n),
  };
}

/** One closed week's answers → what may be shown. */
export function aggregatePeriod(
  period: string,
  answers: readonly PulseAnswer[],
  minGroup: number,
): PulsePeriodResult {
  if (answers.length < minGroup) return { period, organization: null, groups: [] };
  const byTeam = new Map<string, PulseAnswer[]>();
  const other: PulseAnswer[] = [];
  const otherTeams = new Set<string>();
  for (const answer of answers) {
    if (answer.teamId === null) other.push(answer);
    else byTeam.set(answer.teamId, [...(byTeam.get(answer.teamId) ?? []), answer]);
  }
  const shown: [string, PulseAnswer[]][] = [];
  for (const [teamId, list] of byTeam) {
    if (list.length >= minGroup) shown.push([teamId, list]);
    else {
      other.push(...list);
      otherTeams.add(teamId);
    }
  }
  // smallest first (ties by id) so the merge below always takes the same team
  shown.sort((a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]));
  while (other.length > 0 && other.length < minGroup && shown.length > 0) {
    const [teamId, list] = shown.shift()!;
    other.push(...list);
    otherTeams.add(teamId);
  }
  const organization = aggregate(answers);
  if (shown.length === 0) return { period, organization, groups: [] };
  const groups: PulseGroup[] = shown
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([teamId, list]) => ({ teamId, mergedTeamIds: [], result: aggregate(list) }));
  if (other.length > 0)
    groups.push({ teamId: null, mergedTeamIds: [...otherTeams].sort(), result: aggregate(other) });
  return { period, organization, groups };
}

/** Every closed week, oldest first. `periods` lists the weeks to report (weeks without answers show nothing). */
export function aggregatePulse(
  answers: readonly PulseAnswer[],
  periods: readonly string[],
  minGroup: number,
): PulsePeriodResult[] {
  const byPeriod = new Map<string, PulseAnswer[]>();
  for (const answer of answers) byPeriod.set(answer.period, [...(byPeriod.get(answer.period) ?? []), answer]);
  return periods.map((period) => aggregatePeriod(period, byPeriod.get(period) ?? [], minGroup));
}
