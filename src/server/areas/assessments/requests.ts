/** 360 requests from the reviewer's side: answer once (the answer is never shown back), or decline. */
import type { z } from 'zod';
import type { Actor } from '../../../core/actor';
import { AppError, notFound } from '../../../core/errors';
import type { Page } from '../../../core/schemas/common';
import type { assessmentRatings, requestForMe } from '../../../core/schemas/people-side';
import type { Deps } from '../../deps';
import { isoNow } from '../../providers/clock';
import * as repo from './repo';

type RequestForMe = z.infer<typeof requestForMe>;

const present = (row: repo.ReviewerRequestRow): RequestForMe => ({
  id: row.id,
  personId: row.person_id,
  status: row.status === 'answered' ? 'answered' : row.status === 'declined' ? 'declined' : 'pending',
  createdAt: row.created_at,
  answeredAt: row.answered_at,
  isOpen: row.round_status === 'open',
});

export async function listRequestsForMe(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  range: { limit: number; offset: number },
): Promise<Page<RequestForMe>> {
  const { limit, offset } = range;
  if (actor.personId === null) return { items: [], total: 0, limit, offset };
  const { rows, total } = await repo.listRequestsForReviewer(deps.db, actor.orgId, actor.personId, range);
  return { items: rows.map(present), total, limit, offset };
}

async function pendingRequest(deps: Pick<Deps, 'db'>, actor: Actor, requestId: string) {
  if (actor.personId === null) throw notFound('Request');
  const row = await repo.findRequestForReviewer(deps.db, actor.orgId, actor.personId, requestId);
  if (!row) throw notFound('Request');
  if (row.round_status !== 'open') throw new AppError('conflict', 'This round is closed');
  if (row.status !== 'pending') throw new AppError('conflict', `You have already ${row.status} this request`);
  return { row, reviewerId: actor.personId };
}

export async function answerRequest(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  requestId: string,
  ratings: z.output<typeof assessmentRatings>,
): Promise<RequestForMe> {
  const { row, reviewerId } = await pendingRequest(deps, actor, requestId);
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    await repo.replaceRatings(trx, {
      orgId: actor.orgId,
      assessmentId: row.assessment_id,
      raterId: reviewerId,
      isSelf: false,
      ratings,
    });
    await repo.setRequestStatus(trx, actor.orgId, reviewerId, requestId, {
      status: 'answered',
      answered_at: now,
    });
  });
  return present({ ...row, status: 'answered', answered_at: now });
}

export async function declineRequest(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  requestId: string,
): Promise<RequestForMe> {
  const { row, reviewerId } = await pendingRequest(deps, actor, requestId);
  await repo.setRequestStatus(deps.db, actor.orgId, reviewerId, requestId, {
    status: 'declined',
    answered_at: null,
  });
  return present({ ...row, status: 'declined' });
}
