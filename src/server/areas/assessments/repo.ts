/**
 * All SQL of the self-assessment and 360. Privacy by construction: a round and its self ratings are
 * read only with the subject's person id; requests are read by the subject (who asked whom) or by the
 * reviewer (their own request); peer ratings are never selected row by row — `peerMeans` returns only
 * means per skill and the number of peers behind them.
 */
import { sql, type Selectable } from 'kysely';
import type { AssessmentRequestsTable, AssessmentsTable } from '../../../db/schema-people-side';
import type { DB } from '../../deps';

export type AssessmentRow = Selectable<AssessmentsTable>;
export type RequestRow = Selectable<AssessmentRequestsTable>;

export async function listRoundsOfSubject(db: DB, orgId: string, subjectId: string) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('person_id', '=', subjectId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function insertRound(db: DB, row: AssessmentRow) {
  await db.insertInto('assessments').values(row).execute();
}

export async function closeRound(db: DB, orgId: string, subjectId: string, id: string, now: string) {
  await db
    .updateTable('assessments')
    .set({ status: 'closed', closed_at: now })
    .where('org_id', '=', orgId)
    .where('person_id', '=', subjectId)
    .where('id', '=', id)
    .execute();
}

export async function selfRatingsOf(
  db: DB,
  orgId: string,
  subjectId: string,
  assessmentIds: readonly string[],
) {
  if (assessmentIds.length === 0) return [];
  return db
    .selectFrom('assessment_ratings')
    .select(['assessment_id', 'skill', 'rating'])
    .where('org_id', '=', orgId)
    .where('rater_id', '=', subjectId)
    .where('is_self', '=', 1)
    .where('assessment_id', 'in', [...assessmentIds])
    .execute();
}

export async function replaceRatings(
  db: DB,
  row: {
    orgId: string;
    assessmentId: string;
    raterId: string;
    isSelf: boolean;
    ratings: Record<string, number>;
  },
) {
  await db
    .deleteFrom('assessment_ratings')
    .where('org_id', '=', row.orgId)
    .where('assessment_id', '=', row.assessmentId)
    .where('rater_id', '=', row.raterId)
    .execute();
  await db
    .insertInto('assessment_ratings')
    .values(
      Object.entries(row.ratings).map(([skill, rating]) => ({
        org_id: row.orgId,
        assessment_id: row.assessmentId,
        rater_id: row.raterId,
        is_self: row.isSelf ? 1 : 0,
        skill,
        rating,
      })),
    )
    .execute();
}

/** Means of the peers' ratings per skill for one round, and how many peers answered: never a single answer. */
export async function peerMeans(db: DB, orgId: string, assessmentId: string) {
  const [means, respondents] = await Promise.all([
    db
      .selectFrom('assessment_ratings')
      .select((eb) => ['skill', eb.fn.avg<number>('rating').as('mean')])
      .where('org_id', '=', orgId)
      .where('assessment_id', '=', assessmentId)
      .where('is_self', '=', 0)
      .groupBy('skill')
      .execute(),
    db
      .selectFrom('assessment_ratings')
      .select(sql<number>`count(distinct rater_id)`.as('n'))
      .where('org_id', '=', orgId)
      .where('assessment_id', '=', assessmentId)
      .where('is_self', '=', 0)
      .executeTakeFirst(),
  ]);
  return { means, respondents: Number(respondents?.n ?? 0) };
}

export async function listRequestsOfRounds(db: DB, orgId: string, assessmentIds: readonly string[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .selectFrom('assessment_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assessment_id', 'in', [...assessmentIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertRequests(db: DB, rows: readonly RequestRow[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('assessment_requests')
    .values([...rows])
    .execute();
}

export async function deleteRequest(db: DB, orgId: string, assessmentId: string, requestId: string) {
  const result = await db
    .deleteFrom('assessment_requests')
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .where('id', '=', requestId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

function reviewerRequests(db: DB, orgId: string, reviewerId: string) {
  return db
    .selectFrom('assessment_requests')
    .innerJoin('assessments', 'assessments.id', 'assessment_requests.assessment_id')
    .where('assessment_requests.org_id', '=', orgId)
    .where('assessment_requests.reviewer_id', '=', reviewerId);
}

function requestsForReviewer(db: DB, orgId: string, reviewerId: string) {
  return reviewerRequests(db, orgId, reviewerId).select([
    'assessment_requests.id',
    'assessment_requests.assessment_id',
    'assessment_requests.status',
    'assessment_requests.created_at',
    'assessment_requests.answered_at',
    'assessments.person_id',
    'assessments.status as round_status',
  ]);
}

/** A page of the reviewer's own requests, newest first, with the subject and whether the round is still open. */
export async function listRequestsForReviewer(
  db: DB,
  orgId: string,
  reviewerId: string,
  range: { limit: number; offset: number },
) {
  const [rows, count] = await Promise.all([
    requestsForReviewer(db, orgId, reviewerId)
      .orderBy('assessment_requests.created_at', 'desc')
      .orderBy('assessment_requests.id')
      .limit(range.limit)
      .offset(range.offset)
      .execute(),
    reviewerRequests(db, orgId, reviewerId)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findRequestForReviewer(db: DB, orgId: string, reviewerId: string, requestId: string) {
  return requestsForReviewer(db, orgId, reviewerId)
    .where('assessment_requests.id', '=', requestId)
    .executeTakeFirst();
}
export type ReviewerRequestRow = NonNullable<Awaited<ReturnType<typeof findRequestForReviewer>>>;

export async function setRequestStatus(
  db: DB,
  orgId: string,
  reviewerId: string,
  requestId: string,
  patch: { status: string; answered_at: string | null },
) {
  await db
    .updateTable('assessment_requests')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('reviewer_id', '=', reviewerId)
    .where('id', '=', requestId)
    .execute();
}
