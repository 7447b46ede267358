/**
 * A fingerprint of a database: every table's row count and a hash of its rows, in one query. Two
 * equal fingerprints mean nothing was stored in between; the fuzz suite takes one around the requests
 * that failed, the tenant and role sweeps one of a single organization's rows. The table list comes
 * from the database itself, so tables added later are covered.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect';

export type Fingerprint = Record<string, { rows: number; hash: string }>;

/**
 * Columns that record that a credential was used: an authenticated request may stamp them (at most
 * once a minute per token), failed or not, so they are not "something stored by the request".
 */
const useStamps: Record<string, readonly string[]> = { api_tokens: ['last_used_at'] };

/**
 * Tables that are not records: the sign-in limiter's counters (PostgreSQL), which every failed sign-in
 * is meant to move, as a failed request's only trace.
 */
const counterTables: readonly string[] = ['sign_in_limits'];

/** Which rows belong to an organization: its own row in organizations, elsewhere rows of its org_id. */
const scopeColumn = (table: string) => (table === 'organizations' ? 'id' : 'org_id');

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tableNames(db: Db): Promise<string[]> {
  const query =
    db.dialect === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM sqlite_master
          WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
      : sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  return (await query.execute(db.db)).rows.map((r) => r.name).filter((t) => !counterTables.includes(t));
}

async function columnNames(db: Db, table: string): Promise<string[]> {
  const query =
    db.dialect === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`
      : sql<{ name: string }>`SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = ${table}`;
  return (await query.execute(db.db)).rows.map((r) => r.name);
}

/**
 * One SELECT per table, each giving its name, row count and rows as one text in a stable order;
 * null for a table without rows of the organization the fingerprint is scoped to.
 */
async function tableQuery(db: Db, table: string, orgId: string | undefined): Promise<string | null> {
  const ignored = useStamps[table] ?? [];
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const columns = await columnNames(db, table);
  let where = '';
  if (orgId !== undefined) {
    if (!columns.includes(scopeColumn(table))) return null;
    where = ` WHERE ${quoteName(scopeColumn(table))} = ${literal(orgId)}`;
  }
  if (db.dialect === 'postgres') {
    const row = `(to_jsonb(x)${ignored.map((c) => ` - '${c}'`).join('')})::text`;
    return `SELECT ${literal(table)} AS t, count(*)::int AS n, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS body
      FROM (SELECT ${row} AS r FROM ${quoteName(table)} x${where}) s`;
  }
  const row = columns
    .filter((c) => !ignored.includes(c))
    .map((c) => `quote(${quoteName(c)})`)
    .join(` || ',' || `);
  return `SELECT ${literal(table)} AS t, count(*) AS n, coalesce(group_concat(r, char(10)), '') AS body
    FROM (SELECT ${row} AS r FROM ${quoteName(table)}${where} ORDER BY r)`;
}

/**
 * Prepares the query once (the tables of a test database do not change) and returns the
 * fingerprinter: of the whole database, or of one organization's rows.
 */
export async function fingerprinter(
  db: Db,
  scope: { orgId?: string } = {},
): Promise<() => Promise<Fingerprint>> {
  const parts = (await Promise.all((await tableNames(db)).map((t) => tableQuery(db, t, scope.orgId)))).filter(
    (p): p is string => p !== null,
  );
  const query = sql.raw<{ t: string; n: number | string; body: string }>(parts.join('\nUNION ALL\n'));
  return async () => {
    const { rows } = await query.execute(db.db);
    return Object.fromEntries(
      rows.map((r) => [
        r.t,
        { rows: Number(r.n), hash: createHash('sha256').update(r.body).digest('hex').slice(0, 16) },
      ]),
    );
  };
}

/** The tables whose fingerprint differs, with their row counts before → after. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((t) => before[t]?.hash !== after[t]?.hash)
    .map((t) => `${t} (${before[t]?.rows ?? 0} → ${after[t]?.rows ?? 0} rows)`);
}
