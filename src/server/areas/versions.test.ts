/**
 * Every write of an editable record moves its version on, wherever it is written from: a PATCH, a
 * status change, a plan applied, a subtree moved to another pillar, a lead cleared when a person goes.
 * The behaviour is tested end to end in src/server/http/versions.test.ts; this file holds the rule for
 * code written later: every UPDATE of a versioned table in the server sets `version: nextVersion()`,
 * and every versioned table has the column on both databases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect';
import { versionedTables } from '../../db/migrations/0006-record-versions';
import { describeBackends } from '../../test/backends';

const serverDir = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Each `.updateTable('<table>')` of the server with the statement that follows it, up to its execute. */
function updatesOf(table: string): { where: string; statement: string }[] {
  const found: { where: string; statement: string }[] = [];
  for (const file of sourceFiles(serverDir)) {
    const text = readFileSync(file, 'utf8');
    const marker = `.updateTable('${table}')`;
    for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
      const end = text.indexOf('.execute', at);
      const line = text.slice(0, at).split('\n').length;
      found.push({
        where: `${relative(serverDir, file)}:${line}`,
        statement: text.slice(at, end === -1 ? undefined : end),
      });
    }
  }
  return found;
}

describe('record versions in the server code', () => {
  it('moves the version on in every UPDATE of a versioned table', () => {
    const updates = versionedTables.flatMap((table) => updatesOf(table));
    // the scan finds the writes it is meant to hold (one per table at least, the apply of a plan too)
    expect(updates.length).toBeGreaterThanOrEqual(versionedTables.length);
    expect(updates.some((u) => u.where.startsWith('areas/planning/'))).toBe(true);
    const forgetful = updates
      .filter((u) => !u.statement.includes('version: nextVersion()'))
      .map((u) => u.where);
    expect(forgetful).toEqual([]);
  });
});

describeBackends('record versions in the database', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.connect();
  });
  afterAll(async () => db.close());

  it('has a version column on every versioned table', async () => {
    for (const table of versionedTables) {
      // a missing column fails the query on either database
      await expect(
        sql`SELECT version FROM ${sql.table(table)} WHERE 1 = 0`.execute(db.db),
        table,
      ).resolves.toBeDefined();
    }
  });
});
