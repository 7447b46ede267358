/**
 * The caller's own self-assessment rounds on the article's two skill lists: rate yourself, ask chosen
 * colleagues for their view (360), close the round to see the peers' means. Only the subject reaches
 * these routes: they are all "me" routes, keyed by the caller's own person id.
 */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { AppError, forbidden, invalid, notFound } from '../../../core/errors';
import { addDaysIso, minDaysBetweenRounds, minPeerAnswers } from '../../../core/people-side';
import type { assessmentRatings, myAssessments } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow, today } from '../../providers/clock';
import { newId } from '../../providers/ids';
import { checkReferences } from '../references/check-references';
import { presentRound } from './present';
import * as repo from './repo';

const maxReviewers = 12;

function subjectOf(actor: Actor): string {
  if (actor.personId === null) throw forbidden('Link your account to a profile to assess yourself');
  return actor.personId;
}

export async function getMyAssessments(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
): Promise<z.infer<typeof myAssessments>> {
  if (actor.personId === null) return { minPeerAnswers, current: null, past: [] };
  const rounds = await repo.listRoundsOfSubject(deps.db, actor.orgId, actor.personId);
  const ids = rounds.map((r) => r.id);
  const [self, requests] = await Promise.all([
    repo.selfRatingsOf(deps.db, actor.orgId, actor.personId, ids),
    repo.listRequestsOfRounds(deps.db, actor.orgId, ids),
  ]);
  const presented = await Promise.all(
    rounds.map(async (round) =>
      presentRound(
        round,
        self
          .filter((s) => s.assessment_id === round.id)
          .map((s) => ({ skill: s.skill, rating: Number(s.rating) })),
        requests.filter((r) => r.assessment_id === round.id),
        round.status === 'closed' ? await repo.peerMeans(deps.db, actor.orgId, round.id) : null,
      ),
    ),
  );
  const current = presented.find((r) => r.status === 'open') ?? null;
  return { minPeerAnswers, current, past: presented.filter((r) => r.status === 'closed') };
}

async function openRound(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, subjectId: string) {
  const rounds = await repo.listRoundsOfSubject(deps.db, actor.orgId, subjectId);
  const open = rounds.find((r) => r.status === 'open');
  if (open) return open;
  const lastClosed = rounds.find((r) => r.closed_at !== null);
  const day = today(deps.clock);
  if (lastClosed && addDaysIso(lastClosed.closed_at!.slice(0, 10), minDaysBetweenRounds) > day)
    throw new AppError(
      'conflict',
      `A new round starts ${minDaysBetweenRounds} days after the last one closed (from ${addDaysIso(lastClosed.closed_at!.slice(0, 10), minDaysBetweenRounds)}), so rounds cannot be compared to single out one colleague's answers`,
    );
  const row = {
    id: newId(),
    org_id: actor.orgId,
    person_id: subjectId,
    status: 'open',
    created_at: isoNow(deps.clock),
    closed_at: null,
  };
  await repo.insertRound(deps.db, row);
  return row;
}

export async function startRound(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor) {
  await openRound(deps, actor, subjectOf(actor));
  return getMyAssessments(deps, actor);
}

export async function rateSelf(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  ratings: z.output<typeof assessmentRatings>,
) {
  const subjectId = subjectOf(actor);
  const round = await openRound(deps, actor, subjectId);
  await deps.db.transaction().execute((trx) =>
    repo.replaceRatings(trx, {
      orgId: actor.orgId,
      assessmentId: round.id,
      raterId: subjectId,
      isSelf: true,
      ratings,
    }),
  );
  return getMyAssessments(deps, actor);
}

export async function requestPeers(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  reviewerIds: readonly string[],
) {
  const subjectId = subjectOf(actor);
  const index = reviewerIds.indexOf(subjectId);
  if (index >= 0) throw invalid(`body.reviewerIds.${index}`, 'you rate yourself in the self-assessment');
  await checkReferences(deps.db, actor.orgId, [
    { field: 'reviewerIds', table: 'people', value: reviewerIds },
  ]);
  const round = await openRound(deps, actor, subjectId);
  const existing = await repo.listRequestsOfRounds(deps.db, actor.orgId, [round.id]);
  const asked = new Set(existing.map((r) => r.reviewer_id));
  const fresh = [...new Set(reviewerIds)].filter((id) => !asked.has(id));
  if (asked.size + fresh.length > maxReviewers)
    throw invalid('body.reviewerIds', `at most ${maxReviewers} colleagues per round`);
  const now = isoNow(deps.clock);
  await repo.insertRequests(
    deps.db,
    fresh.map((reviewerId) => ({
      id: newId(),
      org_id: actor.orgId,
      assessment_id: round.id,
      reviewer_id: reviewerId,
      status: 'pending',
      created_at: now,
      answered_at: null,
    })),
  );
  return getMyAssessments(deps, actor);
}

export async function withdrawRequest(deps: Pick<Deps, 'db'>, actor: Actor, requestId: string) {
  const subjectId = subjectOf(actor);
  const rounds = await repo.listRoundsOfSubject(deps.db, actor.orgId, subjectId);
  const open = rounds.find((r) => r.status === 'open');
  if (!open || !(await repo.deleteRequest(deps.db, actor.orgId, open.id, requestId)))
    throw notFound('Pending request');
  return getMyAssessments(deps, actor);
}

/** Closing freezes the round: no more answers, and the peers' means (from 3 answers) become visible. */
export async function closeRound(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor) {
  const subjectId = subjectOf(actor);
  const rounds = await repo.listRoundsOfSubject(deps.db, actor.orgId, subjectId);
  const open = rounds.find((r) => r.status === 'open');
  if (!open) throw notFound('Open round');
  await repo.closeRound(deps.db, actor.orgId, subjectId, open.id, isoNow(deps.clock));
  return getMyAssessments(deps, actor);
}
