import { assessmentSkills, balanceOf, minPeerAnswers, type AssessmentSkill } from '../../../core/people-side';
import type { Assessment } from '../../../core/schemas/people-side';
import type { AssessmentRow, RequestRow } from './repo';

type Ratings = Record<AssessmentSkill, number>;

export function presentRound(
  row: AssessmentRow,
  self: readonly { skill: string; rating: number }[],
  requests: readonly RequestRow[],
  peers: { means: readonly { skill: string; mean: number | string | null }[]; respondents: number } | null,
): Assessment {
  const selfRatings =
    self.length === 0
      ? null
      : (Object.fromEntries(
          assessmentSkills.map((s) => [s, Number(self.find((r) => r.skill === s)?.rating ?? 1)]),
        ) as Ratings);
  const answered = requests.filter((r) => r.status === 'answered').length;
  const isClosed = row.status === 'closed';
  let peersOut: Assessment['peers'] = null;
  let peersNote: string | null = null;
  if (!isClosed)
    peersNote =
      answered === 0
        ? 'Peer views appear here when you close the round.'
        : `${answered} answered so far; their views appear when you close the round (from ${minPeerAnswers} answers).`;
  else if (peers === null || peers.respondents < minPeerAnswers)
    peersNote = `Fewer than ${minPeerAnswers} colleagues answered, so their views are not shown: no answer may be traceable to one person.`;
  else {
    const means = Object.fromEntries(
      assessmentSkills.map((s) => {
        const m = peers.means.find((x) => x.skill === s)?.mean;
        return [s, m === null || m === undefined ? null : Math.round(Number(m) * 10) / 10];
      }),
    ) as Record<AssessmentSkill, number | null>;
    peersOut = { respondents: peers.respondents, ratings: means, balance: balanceOf(means) };
  }
  return {
    id: row.id,
    status: isClosed ? 'closed' : 'open',
    createdAt: row.created_at,
    closedAt: row.closed_at,
    self: selfRatings,
    selfBalance: balanceOf(selfRatings ?? {}),
    requests: requests.map((r) => ({
      id: r.id,
      reviewerId: r.reviewer_id,
      status: r.status === 'answered' ? 'answered' : r.status === 'declined' ? 'declined' : 'pending',
      createdAt: r.created_at,
      answeredAt: r.answered_at,
    })),
    peers: peersOut,
    peersNote,
  };
}
