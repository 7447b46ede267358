/** All SQL of the skill catalogue. Names are unique per organization, compared case-insensitively. */
import { sql } from 'kysely';
import type { DB } from '../../deps';

/** A page of the skill catalogue by name, and how many skills there are in all. */
export async function listSkills(db: DB, orgId: string, range: { limit: number; offset: number }) {
  const query = db.selectFrom('skills').where('org_id', '=', orgId);
  const [rows, count] = await Promise.all([
    query
      .select(['id', 'name'])
      .orderBy(sql`lower(name)`)
      .orderBy('id')
      .limit(range.limit)
      .offset(range.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findSkillByName(db: DB, orgId: string, name: string) {
  return db
    .selectFrom('skills')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .executeTakeFirst();
}

// PostgreSQL reports 23505, better-sqlite3 SQLITE_CONSTRAINT_UNIQUE.
const isUniqueViolation = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/** Inserts the skill; false when a concurrent request inserted the same name first. */
export async function insertSkill(
  db: DB,
  row: { id: string; orgId: string; name: string },
): Promise<boolean> {
  try {
    await db.insertInto('skills').values({ id: row.id, org_id: row.orgId, name: row.name }).execute();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
