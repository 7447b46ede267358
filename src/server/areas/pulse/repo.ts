/**
 * All SQL of the pulse. Privacy by construction: the only reads of other people's answers are
 * `listAnswersForPeriods` (period, team and the two scores — no person, no comment) and
 * `listCommentsForPeriod` (comment texts only, alphabetical, no person, no team). A person's own
 * answers are read only with their own person id.
 */
import type { DB } from '../../deps';

export async function findOwnAnswer(db: DB, orgId: string, personId: string, period: string) {
  return db
    .selectFrom('pulse_responses')
    .select(['id', 'period', 'energy', 'workload', 'comment', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .where('period', '=', period)
    .executeTakeFirst();
}

export async function listOwnAnswers(db: DB, orgId: string, personId: string, limit: number) {
  return db
    .selectFrom('pulse_responses')
    .select(['id', 'period', 'energy', 'workload', 'comment', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .orderBy('period', 'desc')
    .limit(limit)
    .execute();
}
export type OwnAnswerRow = Awaited<ReturnType<typeof listOwnAnswers>>[number];

export async function insertAnswer(
  db: DB,
  row: {
    id: string;
    orgId: string;
    personId: string;
    teamId: string | null;
    period: string;
    energy: number;
    workload: number;
    comment: string;
    now: string;
  },
) {
  await db
    .insertInto('pulse_responses')
    .values({
      id: row.id,
      org_id: row.orgId,
      person_id: row.personId,
      team_id: row.teamId,
      period: row.period,
      energy: row.energy,
      workload: row.workload,
      comment: row.comment,
      created_at: row.now,
      updated_at: row.now,
    })
    .execute();
}

export async function updateOwnAnswer(
  db: DB,
  orgId: string,
  personId: string,
  period: string,
  patch: { energy: number; workload: number; comment: string; team_id: string | null; updated_at: string },
) {
  await db
    .updateTable('pulse_responses')
    .set(patch)
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .where('period', '=', period)
    .execute();
}

/** Answers of whole weeks, without who gave them. */
export async function listAnswersForPeriods(db: DB, orgId: string, periods: readonly string[]) {
  if (periods.length === 0) return [];
  return db
    .selectFrom('pulse_responses')
    .select(['period', 'team_id', 'energy', 'workload'])
    .where('org_id', '=', orgId)
    .where('period', 'in', [...periods])
    .execute();
}

/** The week's comments as bare texts in alphabetical order: no person, no team, no time. */
export async function listCommentsForPeriod(db: DB, orgId: string, period: string) {
  const rows = await db
    .selectFrom('pulse_responses')
    .select('comment')
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .where('comment', '<>', '')
    .execute();
  return rows.map((r) => r.comment).sort((a, b) => a.localeCompare(b));
}

export async function listTeamNames(db: DB, orgId: string) {
  return db.selectFrom('teams').select(['id', 'name']).where('org_id', '=', orgId).execute();
}
