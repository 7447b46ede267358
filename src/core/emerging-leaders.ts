/**
 * "A leader doesn't need a title": people who act as leaders without one, from signals Tandem already
 * has. Every signal is listed with its count and examples; there is no hidden score. A person is shown
 * when at least `minSignals` different kinds of signal point at them, most kinds first, then most
 * evidence.
 *
 * Who "has the title": an owner, leader or manager sign-in role, a team lead, or anyone with two or more
 * direct reports. Everyone else is a candidate.
 */
export type EmergingSignalKind = 'mentoring' | 'helping_kudos' | 'mentoring_one_on_ones' | 'goals_owned';

export interface EmergingSignal {
  kind: EmergingSignalKind;
  count: number;
  summary: string;
  examples: string[];
}

export interface CandidateEvidence {
  personId: string;
  /**
   * One entry per growth plan that names them as mentor: the mentee's name, or null where the viewer
   * may not read that plan (it still counts, but who mentors whom is part of the mentee's plan).
   */
  mentees: readonly (string | null)[];
  /** Kudos received for helping others: the givers' names, one per kudos. */
  helpingKudosFrom: readonly string[];
  /** Mentoring 1:1s held as the mentor in the window. */
  mentoringMeetings: number;
  /** Titles of the active goals they own. */
  goalsOwned: readonly string[];
}

export const minSignals = 2;

export const emergingLeadersRule =
  'People without a leadership title (not an owner, leader or manager, not a team lead, fewer than two ' +
  'direct reports) with at least two different signals: mentoring someone (named mentor in a growth ' +
  'plan), kudos received for helping others, mentoring 1:1s held in the last 180 days, and active goals ' +
  'they own. Sorted by the number of different signals, then by the evidence behind them.';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function signalsOf(evidence: CandidateEvidence): EmergingSignal[] {
  const signals: EmergingSignal[] = [];
  if (evidence.mentees.length > 0) {
    const named = evidence.mentees.filter((name): name is string => name !== null);
    const unnamed = evidence.mentees.length - named.length;
    signals.push({
      kind: 'mentoring',
      count: evidence.mentees.length,
      summary:
        `Mentor in ${plural(evidence.mentees.length, 'growth plan')}` +
        (unnamed > 0 ? ` (${unnamed} not named: a plan you may not read)` : ''),
      examples: named.slice(0, 5),
    });
  }
  if (evidence.helpingKudosFrom.length > 0) {
    const givers = [...new Set(evidence.helpingKudosFrom)];
    signals.push({
      kind: 'helping_kudos',
      count: evidence.helpingKudosFrom.length,
      summary: `${plural(evidence.helpingKudosFrom.length, 'kudos', 'kudos')} for helping others, from ${plural(givers.length, 'person', 'people')}`,
      examples: givers.slice(0, 5),
    });
  }
  if (evidence.mentoringMeetings > 0)
    signals.push({
      kind: 'mentoring_one_on_ones',
      count: evidence.mentoringMeetings,
      summary: `${plural(evidence.mentoringMeetings, 'mentoring 1:1')} held as the mentor`,
      examples: [],
    });
  if (evidence.goalsOwned.length > 0)
    signals.push({
      kind: 'goals_owned',
      count: evidence.goalsOwned.length,
      summary: `Owns ${plural(evidence.goalsOwned.length, 'active goal')}`,
      examples: [...evidence.goalsOwned].slice(0, 5),
    });
  return signals;
}

export function rankEmergingLeaders(
  candidates: readonly CandidateEvidence[],
  nameOf: (personId: string) => string,
): { personId: string; signals: EmergingSignal[] }[] {
  return candidates
    .map((c) => ({ personId: c.personId, signals: signalsOf(c) }))
    .filter((c) => c.signals.length >= minSignals)
    .sort(
      (a, b) =>
        b.signals.length - a.signals.length ||
        b.signals.reduce((s, x) => s + x.count, 0) - a.signals.reduce((s, x) => s + x.count, 0) ||
        nameOf(a.personId).localeCompare(nameOf(b.personId)) ||
        (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
    );
}
